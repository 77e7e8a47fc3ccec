/// A credential could not be obtained. Maps to exit code 77, like a 401/403.
package enum KubeAuthError: Error, Sendable, Equatable {
    case pluginNotFound(command: String, installHint: String?)
    case pluginFailed(command: String, status: String, stderr: String, installHint: String?)
    case pluginTimedOut(command: String, after: Duration)
    case pluginOutputInvalid(command: String, detail: String)
    /// The plugin must talk to a person (`interactiveMode: Always`), and this run cannot.
    case pluginNeedsTerminal(command: String)
    case tokenFileUnreadable(path: String, reason: String)
}
