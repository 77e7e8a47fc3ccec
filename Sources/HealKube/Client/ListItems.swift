import Foundation

/// Finds the byte ranges of a List response's `items` without decoding them, so that a list
/// answered in one piece (an unpaged list, or one a watch cache answers whole) is decoded a batch
/// at a time: memory then holds one batch of objects, not the whole list's.
enum ListItems {
    /// The ranges of the top-level `items` array's elements, in order; nil when the body has no
    /// such array (an empty or odd answer, which the caller decodes whole).
    static func ranges(in body: Data) -> [Range<Int>]? {
        body.withUnsafeBytes { raw -> [Range<Int>]? in
            scan(raw.bindMemory(to: UInt8.self))
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

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), openArray = UInt8(ascii: "["), closeArray = UInt8(ascii: "]")
        var depth = 0
        var index = 0
        var keyStart = 0, keyEnd = 0
        var awaitingItems = false
        var inItems = false
        var ranges: [Range<Int>] = []
        var elementStart: Int?
        func isItemsKey() -> Bool {
            keyEnd - keyStart == 5 && zip(bytes[keyStart..<keyEnd], "items".utf8).allSatisfy { $0 == $1 }
        }
        while index < bytes.count {
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
                awaitingItems = isItemsKey()
            } else if byte == open || byte == openArray {
                if depth == 1, awaitingItems, byte == openArray { inItems = true }
                depth += 1
            } else if byte == close || byte == closeArray {
                if inItems, depth == 2 {
                    // The end of `items`: close the last element.
                    if let start = elementStart { ranges.append(start..<trimmedEnd(bytes, before: index)) }
                    return ranges
                }
                depth -= 1
            } else if byte == comma, inItems, depth == 2, let start = elementStart {
                ranges.append(start..<trimmedEnd(bytes, before: index))
                elementStart = nil
            }
            if depth == 1, byte == comma { awaitingItems = false }
            index += 1
        }
        return nil
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
