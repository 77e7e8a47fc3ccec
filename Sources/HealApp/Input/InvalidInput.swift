/// A value a front end was given that names nothing sensible: the message says what was wrong
/// and how to write it (the CLI reports it as a usage error, the MCP server as a tool error).
package struct InvalidInput: Error, Sendable, Equatable {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }
}
