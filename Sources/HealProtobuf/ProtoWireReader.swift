/// Reads protobuf's wire format (varints, keys, length-delimited payloads) over a byte range,
/// checking every length against the range so truncated input is an error, never a crash.
struct ProtoWireReader {
    static let varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5

    let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int
    let end: Int

    init(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { offset >= end }

    mutating func readVarint() throws(ProtoWireError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw ProtoWireError("a varint runs past the end of its message (byte \(offset))")
    }

    /// The next field's number and wire type.
    mutating func readKey() throws(ProtoWireError) -> (number: Int, wireType: Int) {
        let key = try readVarint()
        guard key >> 3 > 0, key >> 3 < 1 << 29 else { throw ProtoWireError("field number \(key >> 3) is out of range (byte \(offset))") }
        return (Int(key >> 3), Int(key & 7))
    }

    mutating func readLengthDelimited() throws(ProtoWireError) -> Range<Int> {
        let length = try readVarint()
        guard length <= UInt64(end - offset) else {
            throw ProtoWireError("a \(length)-byte field runs past the end of its message (byte \(offset))")
        }
        let start = offset
        offset += Int(length)
        return start..<offset
    }

    /// Passes over a value the schema does not name: unknown fields are skipped by design.
    mutating func skip(wireType: Int) throws(ProtoWireError) {
        switch wireType {
        case Self.varint: _ = try readVarint()
        case Self.fixed64:
            guard end - offset >= 8 else { throw ProtoWireError("a fixed64 field runs past the end of its message (byte \(offset))") }
            offset += 8
        case Self.lengthDelimited: _ = try readLengthDelimited()
        case Self.fixed32:
            guard end - offset >= 4 else { throw ProtoWireError("a fixed32 field runs past the end of its message (byte \(offset))") }
            offset += 4
        default: throw ProtoWireError("wire type \(wireType) is not supported (byte \(offset))")
        }
    }
}
