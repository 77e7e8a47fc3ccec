import Foundation

extension JSONValue {
    struct ParseError: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    init(parsing data: Data) throws {
        var parser = Parser(bytes: Array(data))
        self = try parser.parseDocument()
    }

    /// A recursive-descent parser over UTF-8 bytes (RFC 8259).
    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func parseDocument() throws -> JSONValue {
            let value = try parseValue()
            skipWhitespace()
            guard index == bytes.count else { throw fail("trailing characters") }
            return value
        }

        private mutating func parseValue() throws -> JSONValue {
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            default: return .number(try parseNumber())
            }
        }

        private mutating func parseObject() throws -> JSONValue {
            index += 1
            var members: [Member] = []
            skipWhitespace()
            if peek(UInt8(ascii: "}")) { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard peek(UInt8(ascii: "\"")) else { throw fail("expected a key") }
                let key = try parseString()
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { throw fail("expected ':'") }
                index += 1
                members.append(Member(key: key, value: try parseValue()))
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { index += 1; continue }
                guard peek(UInt8(ascii: "}")) else { throw fail("expected ',' or '}'") }
                index += 1
                return .object(members)
            }
        }

        private mutating func parseArray() throws -> JSONValue {
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { index += 1; return .array(elements) }
            while true {
                elements.append(try parseValue())
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { index += 1; continue }
                guard peek(UInt8(ascii: "]")) else { throw fail("expected ',' or ']'") }
                index += 1
                return .array(elements)
            }
        }

        private mutating func parseString() throws -> String {
            index += 1
            var utf8: [UInt8] = []
            utf8.reserveCapacity(32)
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: utf8, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    utf8 += try parseEscape()
                case 0..<0x20:
                    throw fail("control character in string")
                default:
                    utf8.append(byte)
                }
            }
            throw fail("unterminated string")
        }

        private mutating func parseEscape() throws -> [UInt8] {
            guard index < bytes.count else { throw fail("unterminated escape") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return [byte]
            case UInt8(ascii: "b"): return [0x08]
            case UInt8(ascii: "f"): return [0x0C]
            case UInt8(ascii: "n"): return [0x0A]
            case UInt8(ascii: "r"): return [0x0D]
            case UInt8(ascii: "t"): return [0x09]
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard bytes[index...].starts(with: Array("\\u".utf8)) else {
                        throw fail("lone surrogate")
                    }
                    index += 2
                    let low = try parseHex4()
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                return Array(String(Character(unicode)).utf8)
            default:
                throw fail("invalid escape")
            }
        }

        private mutating func parseHex4() throws -> UInt32 {
            guard index + 4 <= bytes.count,
                let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw fail("invalid \\u escape") }
            index += 4
            return value
        }

        private mutating func parseNumber() throws -> String {
            let start = index
            while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
            let literal = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !literal.isEmpty, Double(literal) != nil else { throw fail("invalid value") }
            return literal
        }

        private mutating func expectLiteral(_ literal: String) throws {
            guard bytes[index...].starts(with: Array(literal.utf8)) else { throw fail("invalid literal") }
            index += literal.utf8.count
        }

        private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        private static let numberBytes = Set("+-0123456789.eE".utf8)

        private func fail(_ reason: String) -> ParseError { ParseError(offset: index, reason: reason) }
    }
}
