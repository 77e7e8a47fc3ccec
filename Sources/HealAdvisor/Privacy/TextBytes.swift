/// A text as UTF-8 bytes, with the few questions the anonymizer asks about what surrounds a
/// token. Ranges are byte offsets.
struct TextBytes {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var count: Int { bytes.count }

    subscript(index: Int) -> UInt8 { bytes[index] }

    /// The byte at `index`, or nil past either end.
    func byte(at index: Int) -> UInt8? {
        index >= 0 && index < bytes.count ? bytes[index] : nil
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    func copy(_ range: Range<Int>, to output: inout [UInt8]) {
        output.append(contentsOf: bytes[range])
    }

    func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        return bytes[index..<index + prefix.count].elementsEqual(prefix)
    }

    /// Whether `index` starts a token rather than continuing one (start of text, or after a byte
    /// that is neither a name character nor a colon).
    func isTokenStart(_ index: Int) -> Bool {
        guard let previous = byte(at: index - 1) else { return true }
        return !ASCIIByte.isName(previous) && previous != ASCIIByte.colon
    }

    /// `scheme://` ends right before `index`.
    func followsSchemeSeparator(_ index: Int) -> Bool {
        index >= 4 && byte(at: index - 1) == ASCIIByte.slash && byte(at: index - 2) == ASCIIByte.slash
            && byte(at: index - 3) == ASCIIByte.colon && byte(at: index - 4).map(ASCIIByte.isLetter) == true
    }

    /// `/` or `:<port>/` starts at `index`: what follows a registry in an image reference.
    func startsRepositoryPath(at index: Int) -> Bool {
        var cursor = index
        if byte(at: cursor) == ASCIIByte.colon {
            cursor += 1
            let digits = cursor
            while let byte = byte(at: cursor), ASCIIByte.isDigit(byte) { cursor += 1 }
            guard cursor > digits else { return false }
        }
        guard byte(at: cursor) == ASCIIByte.slash, let next = byte(at: cursor + 1) else { return false }
        return ASCIIByte.isName(next)
    }

    /// `:<digits>` starts at `index`.
    func startsPort(at index: Int) -> Bool {
        byte(at: index) == ASCIIByte.colon && byte(at: index + 1).map(ASCIIByte.isDigit) == true
    }
}
