import HealModel

/// Rewrites a protobuf message as the JSON kube-apiserver would have sent for the same object,
/// keeping only the fields the schema names, so the models' JSON decoders read both wires
/// alike. Where Go's JSON and the wire differ, the JSON is followed: a zero `omitempty` scalar
/// (which gogo-protobuf writes anyway) and an empty time (the zero time, JSON's null) are left
/// out, and an embedded struct's fields are written inline.
struct ProtoJSONTranscoder {
    let schema: ProtoSchema
    var output: [UInt8] = []

    init(schema: ProtoSchema, capacity: Int = 0) {
        self.schema = schema
        output.reserveCapacity(capacity)
    }

    /// One field occurrence inside a message.
    private struct Occurrence {
        var number: Int
        var wireType: Int
        /// The payload of a length-delimited value; a varint is in `value`.
        var payload: Range<Int>
        var value: UInt64
    }

    mutating func writeMessage(_ message: Int, _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(ProtoWireError) {
        output.append(UInt8(ascii: "{"))
        var first = true
        try writeMembers(message, bytes, range, first: &first)
        output.append(UInt8(ascii: "}"))
    }

    /// The message's members without braces, so an inline field's members join its parent's.
    private mutating func writeMembers(
        _ message: Int, _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, first: inout Bool
    ) throws(ProtoWireError) {
        let fields = schema.messages[message].fieldsByNumber
        var reader = ProtoWireReader(bytes, range)
        var occurrences: [Occurrence] = []
        var ordered = true
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readKey()
            guard number < fields.count, fields[number] != nil else {
                try reader.skip(wireType: wireType)
                continue
            }
            var occurrence = Occurrence(number: number, wireType: wireType, payload: 0..<0, value: 0)
            switch wireType {
            case ProtoWireReader.varint: occurrence.value = try reader.readVarint()
            case ProtoWireReader.lengthDelimited: occurrence.payload = try reader.readLengthDelimited()
            default: throw ProtoWireError("\(schema.name(of: message)) field \(number) has wire type \(wireType)")
            }
            if let last = occurrences.last, last.number > number { ordered = false }
            occurrences.append(occurrence)
        }
        // Go writes fields in number order; another writer may not, and a repeated field must
        // come out as one array.
        if !ordered { occurrences.sort { $0.number < $1.number } }

        var index = 0
        while index < occurrences.count {
            var end = index + 1
            while end < occurrences.count, occurrences[end].number == occurrences[index].number { end += 1 }
            let field = fields[occurrences[index].number]!
            let group = occurrences[index..<end]
            index = end
            switch field.cardinality {
            case .single:
                // The last occurrence wins, as protobuf merges singular fields.
                let occurrence = group.last!
                if isOmitted(field, occurrence) { continue }
                if field.json == .inline, case .message(let target) = field.kind {
                    try expect(ProtoWireReader.lengthDelimited, occurrence, field, message)
                    try writeMembers(target, bytes, occurrence.payload, first: &first)
                    continue
                }
                appendKey(field, &first)
                try writeValue(field, occurrence, bytes, in: message)
            case .repeated:
                appendKey(field, &first)
                output.append(UInt8(ascii: "["))
                var firstElement = true
                for occurrence in group {
                    if occurrence.wireType == ProtoWireReader.lengthDelimited, isVarintKind(field.kind) {
                        // A packed run of varints.
                        var packed = ProtoWireReader(bytes, occurrence.payload)
                        while !packed.isAtEnd {
                            if !firstElement { output.append(UInt8(ascii: ",")) }
                            firstElement = false
                            writeVarint(field.kind, try packed.readVarint())
                        }
                        continue
                    }
                    if !firstElement { output.append(UInt8(ascii: ",")) }
                    firstElement = false
                    try writeValue(field, occurrence, bytes, in: message)
                }
                output.append(UInt8(ascii: "]"))
            case .map:
                appendKey(field, &first)
                output.append(UInt8(ascii: "{"))
                for (offset, occurrence) in group.enumerated() {
                    if offset > 0 { output.append(UInt8(ascii: ",")) }
                    try writeMapEntry(field, occurrence, bytes, in: message)
                }
                output.append(UInt8(ascii: "}"))
            }
        }
    }

    private mutating func appendKey(_ field: ProtoSchema.Field, _ first: inout Bool) {
        if !first { output.append(UInt8(ascii: ",")) }
        first = false
        output.append(contentsOf: field.jsonKey)
    }

    private func isOmitted(_ field: ProtoSchema.Field, _ occurrence: Occurrence) -> Bool {
        switch field.kind {
        case .time, .microTime: occurrence.wireType == ProtoWireReader.lengthDelimited && occurrence.payload.isEmpty
        case .string: field.json == .omitEmpty && occurrence.payload.isEmpty
        case .bool, .int32, .int64: field.json == .omitEmpty && occurrence.value == 0
        default: false
        }
    }

    private func isVarintKind(_ kind: ProtoSchema.Kind) -> Bool {
        kind == .bool || kind == .int32 || kind == .int64
    }

    private mutating func writeMapEntry(
        _ field: ProtoSchema.Field, _ occurrence: Occurrence, _ bytes: UnsafeRawBufferPointer, in message: Int
    ) throws(ProtoWireError) {
        try expect(ProtoWireReader.lengthDelimited, occurrence, field, message)
        var reader = ProtoWireReader(bytes, occurrence.payload)
        var key: Range<Int> = 0..<0
        var value: Occurrence?
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readKey()
            switch (number, wireType) {
            case (1, ProtoWireReader.lengthDelimited):
                key = try reader.readLengthDelimited()
            case (2, ProtoWireReader.lengthDelimited):
                value = Occurrence(number: 2, wireType: wireType, payload: try reader.readLengthDelimited(), value: 0)
            case (2, ProtoWireReader.varint):
                value = Occurrence(number: 2, wireType: wireType, payload: 0..<0, value: try reader.readVarint())
            default:
                try reader.skip(wireType: wireType)
            }
        }
        appendString(bytes, key)
        output.append(UInt8(ascii: ":"))
        guard let value else {
            // An entry without a value holds the value type's zero.
            output.append(contentsOf: (field.kind == .string ? "\"\"" : "null").utf8)
            return
        }
        try writeValue(field, value, bytes, in: message)
    }

    private mutating func writeValue(
        _ field: ProtoSchema.Field, _ occurrence: Occurrence, _ bytes: UnsafeRawBufferPointer, in message: Int
    ) throws(ProtoWireError) {
        let kind = field.kind
        switch kind {
        case .bool, .int32, .int64:
            try expect(ProtoWireReader.varint, occurrence, field, message)
            writeVarint(kind, occurrence.value)
        case .string:
            try expect(ProtoWireReader.lengthDelimited, occurrence, field, message)
            appendString(bytes, occurrence.payload)
        case .time, .microTime:
            try expect(ProtoWireReader.lengthDelimited, occurrence, field, message)
            var reader = ProtoWireReader(bytes, occurrence.payload)
            var seconds: Int64 = 0, nanos: Int64 = 0
            while !reader.isAtEnd {
                let (number, wireType) = try reader.readKey()
                if wireType == ProtoWireReader.varint, number == 1 {
                    seconds = Int64(bitPattern: try reader.readVarint())
                } else if wireType == ProtoWireReader.varint, number == 2 {
                    nanos = Int64(Int32(truncatingIfNeeded: Int64(bitPattern: try reader.readVarint())))
                } else {
                    try reader.skip(wireType: wireType)
                }
            }
            output.append(UInt8(ascii: "\""))
            Timestamp.appendText(seconds: Int(seconds), micros: kind == .microTime ? Int(nanos / 1000) : nil, to: &output)
            output.append(UInt8(ascii: "\""))
        case .quantity:
            try expect(ProtoWireReader.lengthDelimited, occurrence, field, message)
            var reader = ProtoWireReader(bytes, occurrence.payload)
            var text: Range<Int> = 0..<0
            while !reader.isAtEnd {
                let (number, wireType) = try reader.readKey()
                if number == 1, wireType == ProtoWireReader.lengthDelimited { text = try reader.readLengthDelimited() } else { try reader.skip(wireType: wireType) }
            }
            appendString(bytes, text)
        case .intOrString:
            try expect(ProtoWireReader.lengthDelimited, occurrence, field, message)
            var reader = ProtoWireReader(bytes, occurrence.payload)
            var isString = false
            var number: UInt64 = 0
            var text: Range<Int> = 0..<0
            while !reader.isAtEnd {
                let (fieldNumber, wireType) = try reader.readKey()
                switch (fieldNumber, wireType) {
                case (1, ProtoWireReader.varint): isString = try reader.readVarint() == 1
                case (2, ProtoWireReader.varint): number = try reader.readVarint()
                case (3, ProtoWireReader.lengthDelimited): text = try reader.readLengthDelimited()
                default: try reader.skip(wireType: wireType)
                }
            }
            if isString { appendString(bytes, text) } else { writeVarint(.int32, number) }
        case .message(let target):
            try expect(ProtoWireReader.lengthDelimited, occurrence, field, message)
            try writeMessage(target, bytes, occurrence.payload)
        }
    }

    private func expect(_ wireType: Int, _ occurrence: Occurrence, _ field: ProtoSchema.Field, _ message: Int) throws(ProtoWireError) {
        guard occurrence.wireType == wireType else {
            throw ProtoWireError("\(schema.name(of: message)) field \(field.number) has wire type \(occurrence.wireType), expected \(wireType)")
        }
    }

    private mutating func writeVarint(_ kind: ProtoSchema.Kind, _ value: UInt64) {
        switch kind {
        case .bool: output.append(contentsOf: (value != 0 ? "true" : "false").utf8)
        case .int32: appendInteger(Int64(Int32(truncatingIfNeeded: Int64(bitPattern: value))))
        default: appendInteger(Int64(bitPattern: value))
        }
    }

    private mutating func appendInteger(_ value: Int64) {
        if value >= 0, value < 10 {
            output.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            output.append(contentsOf: String(value).utf8)
        }
    }

    /// A JSON string of UTF-8 bytes, escaping quotes, backslashes and control characters.
    private mutating func appendString(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        output.append(UInt8(ascii: "\""))
        var runStart = range.lowerBound
        for index in range {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            runStart = index + 1
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            default:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0xF)])
            }
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<range.upperBound]))
        output.append(UInt8(ascii: "\""))
    }
}
