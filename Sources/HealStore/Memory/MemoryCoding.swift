import Foundation
import HealModel

/// JSON for memory documents and learn reports. Times are RFC 3339 in UTC with as many
/// fractional digits as needed (up to nanoseconds), written and read so that a `Date`
/// round-trips exactly: an exported and re-imported attempt is the same attempt, to the bit.
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
            guard let date = parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected an RFC 3339 time such as 2026-11-21T19:36:12Z, found \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    /// Seconds between 1970-01-01 and Foundation's reference date, 2001-01-01.
    private static let referenceOffset = 978_307_200.0

    /// "2026-11-21T20:00:00Z", "2026-11-21T20:00:00.25Z". Computed from the `Date`'s own
    /// value (seconds since 2001), whose whole seconds and fraction split exactly; going
    /// through seconds since 1970 would round.
    package static func format(_ date: Date) -> String {
        let whole = date.timeIntervalSinceReferenceDate.rounded(.down)
        let fraction = date.timeIntervalSinceReferenceDate - whole
        let seconds = Timestamp(secondsSince1970: whole + referenceOffset).description
        guard fraction > 0 else { return seconds }
        var digits = String(format: "%.9f", fraction).dropFirst(2)
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? seconds : seconds.dropLast() + "." + digits + "Z"
    }

    /// The inverse of `format`, exact for what it wrote; any RFC 3339 time is accepted.
    package static func parse(_ text: String) -> Date? {
        var whole = Substring(text)
        var fraction = 0.0
        if let dot = text.firstIndex(of: "."), let end = text[dot...].dropFirst().firstIndex(where: { !$0.isNumber }) {
            guard let value = Double("0" + text[dot..<end]) else { return nil }
            fraction = value
            whole = text[..<dot] + text[end...]
        }
        guard let time = Timestamp(rfc3339: String(whole)) else { return nil }
        return Date(timeIntervalSinceReferenceDate: (time.secondsSince1970 - referenceOffset) + fraction)
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
