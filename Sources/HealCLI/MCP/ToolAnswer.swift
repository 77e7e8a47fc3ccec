import Foundation
import MCP

/// What a call returns: the document (as the CLI prints it with `-o json`, and as a value for
/// structured content) and the exit code the CLI would have given.
struct ToolAnswer: Sendable {
    var text: String
    var document: Value
    var exitCode: Int32

    /// A document rendered as the CLI's JSON output.
    init(json text: String, exitCode: Int32 = ExitStatus.success) throws {
        self.text = text
        document = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        self.exitCode = exitCode
    }

    init(text: String, document: Value, exitCode: Int32) {
        self.text = text
        self.document = document
        self.exitCode = exitCode
    }
}
