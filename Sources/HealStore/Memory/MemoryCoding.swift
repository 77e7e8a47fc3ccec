import Foundation
import HealModel

/// JSON for memory documents and learn reports. Times are RFC 3339 in UTC with as many
/// fractional digits as needed (up to nanoseconds), which round-trips a `Date` exactly: an
/// exported and re-imported attempt is the same attempt, to the last bit.
package enum MemoryCoding {
    package static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(format(date))
        }
        return encoder
    }

    package static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let time = Timestamp(rfc3339: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an RFC 3339 time such as 2026-11-21T19:36:12Z, found \"\(text)\"")
            }
            return Date(timeIntervalSince1970: time.secondsSince1970)
        }
        return decoder
    }

    /// "2026-11-21T20:00:00Z", "2026-11-21T20:00:00.25Z".
    package static func format(_ date: Date) -> String {
        var whole = date.timeIntervalSince1970.rounded(.down)
        var nanos = Int(((date.timeIntervalSince1970 - whole) * 1e9).rounded())
        if nanos >= 1_000_000_000 {
            whole += 1
            nanos -= 1_000_000_000
        }
        let seconds = Timestamp(secondsSince1970: whole).description
        guard nanos > 0 else { return seconds }
        var fraction = String(format: "%09d", nanos)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return seconds.dropLast() + "." + fraction + "Z"
    }

    /// Decoding errors as "at `attempts[3].outcome`: …", the path that is wrong.
    package static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        let (path, detail): ([any CodingKey], String) =
            switch error {
            case .typeMismatch(let type, let context): (context.codingPath, "expected \(type): \(context.debugDescription)")
            case .valueNotFound(let type, let context): (context.codingPath, "missing \(type) value")
            case .keyNotFound(let key, let context): (context.codingPath + [key], "missing field")
            case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
            @unknown default: ([], String(describing: error))
            }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? detail : "at `\(text.hasPrefix(".") ? String(text.dropFirst()) : text)`: \(detail)"
    }
}

extension MemoryDocument {
    /// Decodes and checks a document; `source` names it in errors (an import file).
    package static func decodeChecked(_ data: Data, source: String) throws(StoreError) -> MemoryDocument {
        let document: MemoryDocument
        do {
            document = try MemoryCoding.decoder().decode(MemoryDocument.self, from: data)
        } catch {
            throw StoreError.badDocument(file: source, reason: MemoryCoding.describe(error))
        }
        do {
            _ = try MemoryState(document)
        } catch {
            throw StoreError.badDocument(file: source, reason: error.reason)
        }
        return document
    }
}
