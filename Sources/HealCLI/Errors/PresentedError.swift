/// An error as the user sees it: what happened (naming the file, context or resource), what to
/// do next, and the exit code.
package struct PresentedError: Error, Sendable, Equatable {
    package var message: String
    package var hint: String
    package var exitCode: Int32

    package var text: String {
        "error: \(message)\nhint: \(hint)\n"
    }
}
