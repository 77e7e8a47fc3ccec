import Foundation

/// A captured error response: the body exactly as sent and the HTTP code recorded on the
/// file's last line (`200` for the 410 that arrives as a watch `ERROR` event).
package struct StatusFixture: Sendable, Equatable {
    package let body: Data
    package let httpCode: Int

    package struct FormatError: Error, CustomStringConvertible {
        package let file: URL
        package var description: String { "\(file.path): last line must be the HTTP status code" }
    }

    init(contentsOf file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        guard let codeLine = lines.popLast(), let code = Int(codeLine.trimmingCharacters(in: .whitespaces)) else {
            throw FormatError(file: file)
        }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        body = Data(lines.joined(separator: "\n").utf8)
        httpCode = code
    }
}
