import Foundation

/// Reads a List response's `metadata` (resourceVersion, continue token) without decoding its
/// items. The API server writes `metadata` before `items`, so only the first few hundred bytes
/// are scanned; that lets the next page be requested while this one is still being decoded.
/// Returns nil when `items` comes first (then the caller decodes the page before going on).
enum ListHead {
    static func metadata(of body: Data) -> ListPage<Never>.Metadata? {
        body.withUnsafeBytes { raw -> ListPage<Never>.Metadata? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let range = topLevelMetadataRange(bytes) else { return nil }
            return try? JSONDecoder().decode(ListPage<Never>.Metadata.self, from: Data(bytes[range]))
        }
    }

    /// The byte range of the top-level "metadata" object's value, if it precedes "items".
    private static func topLevelMetadataRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let openArray = UInt8(ascii: "["), closeArray = UInt8(ascii: "]"), colon = UInt8(ascii: ":")
        var depth = 0
        var index = 0
        var lastKey: ArraySlice<UInt8> = []
        var valueStart: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                let start = index + 1
                index += 1
                while index < bytes.count, bytes[index] != quote {
                    index += bytes[index] == backslash ? 2 : 1
                }
                if depth == 1 { lastKey = ArraySlice(bytes[start..<min(index, bytes.count)]) }
            } else if byte == colon, depth == 1 {
                if lastKey.elementsEqual("items".utf8) { return nil }
                if lastKey.elementsEqual("metadata".utf8) { valueStart = index + 1 }
            } else if byte == open || byte == openArray {
                depth += 1
            } else if byte == close || byte == closeArray {
                depth -= 1
                if depth == 1, let start = valueStart { return start..<(index + 1) }
            }
            index += 1
        }
        return nil
    }
}
