import Foundation

/// Finds a List response's `metadata` and the byte ranges of its `items` in one pass, without
/// decoding the items: the metadata (resourceVersion, continue token) lets the next page be
/// requested while this one decodes, and the ranges let a list answered in one piece (an
/// unpaged list, or one a watch cache answers whole) be decoded a batch at a time, so memory
/// holds one batch of objects, not the whole list's.
enum ListItems {
    struct Layout {
        /// The top-level `metadata`, when the body has one.
        var metadata: ListPage<Never>.Metadata?
        /// The ranges of the top-level `items` array's elements, in order; nil when the body
        /// has no such array (an empty or odd answer, which the caller decodes whole).
        var items: [Range<Int>]?
    }

    static func layout(of body: Data) -> Layout {
        body.withUnsafeBytes { raw -> Layout in
            let bytes = raw.bindMemory(to: UInt8.self)
            let (metadata, items) = scan(bytes)
            return Layout(
                metadata: metadata.flatMap { try? JSONDecoder().decode(ListPage<Never>.Metadata.self, from: Data(bytes[$0])) },
                items: items)
        }
    }

    /// `[` + the elements in `ranges` + `]`: a JSON array of one batch of items.
    static func array(of ranges: ArraySlice<Range<Int>>, in body: Data) -> Data {
        var batch = Data(capacity: ranges.reduce(2) { $0 + $1.count + 1 })
        batch.append(UInt8(ascii: "["))
        for (offset, range) in ranges.enumerated() {
            if offset > 0 { batch.append(UInt8(ascii: ",")) }
            batch.append(body[body.startIndex + range.lowerBound..<body.startIndex + range.upperBound])
        }
        batch.append(UInt8(ascii: "]"))
        return batch
    }

    /// The range of the top-level `metadata` value and the ranges of the `items` elements.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (metadata: Range<Int>?, items: [Range<Int>]?) {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), openArray = UInt8(ascii: "["), closeArray = UInt8(ascii: "]")
        enum Key { case metadata, items, other }
        var depth = 0
        var index = 0
        var keyStart = 0, keyEnd = 0
        var key = Key.other
        var metadataStart: Int?
        var metadata: Range<Int>?
        var inItems = false
        var items: [Range<Int>]?
        var elementStart: Int?
        func keyIs(_ name: String) -> Bool {
            keyEnd - keyStart == name.utf8.count && zip(bytes[keyStart..<keyEnd], name.utf8).allSatisfy { $0 == $1 }
        }
        while index < bytes.count, metadata == nil || items == nil || inItems {
            let byte = bytes[index]
            if inItems, depth == 2, elementStart == nil, !isSpace(byte), byte != comma, byte != closeArray {
                elementStart = index
            }
            if byte == quote {
                let start = index + 1
                index += 1
                while index < bytes.count, bytes[index] != quote {
                    index += bytes[index] == backslash ? 2 : 1
                }
                if depth == 1 { (keyStart, keyEnd) = (start, min(index, bytes.count)) }
            } else if byte == colon, depth == 1 {
                key = keyIs("items") ? .items : keyIs("metadata") ? .metadata : .other
            } else if byte == open || byte == openArray {
                if depth == 1, key == .items, byte == openArray {
                    inItems = true
                    items = []
                } else if depth == 1, key == .metadata, byte == open {
                    metadataStart = index
                }
                depth += 1
            } else if byte == close || byte == closeArray {
                if inItems, depth == 2 {
                    // The end of `items`: close the last element.
                    if let start = elementStart { items?.append(start..<trimmedEnd(bytes, before: index)) }
                    inItems = false
                    elementStart = nil
                } else if depth == 2, let start = metadataStart {
                    metadata = start..<(index + 1)
                    metadataStart = nil
                }
                depth -= 1
            } else if byte == comma, inItems, depth == 2, let start = elementStart {
                items?.append(start..<trimmedEnd(bytes, before: index))
                elementStart = nil
            }
            if depth == 1, byte == comma { key = .other }
            index += 1
        }
        // An `items` array cut short is no array.
        return (metadata, inItems ? nil : items)
    }

    /// The end of the element before `index` (a `,` or `]`), without trailing whitespace.
    private static func trimmedEnd(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Int {
        var end = index
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        return end
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
