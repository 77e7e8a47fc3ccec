/// Failures the command line itself detects.
package enum CLIError: Error, Sendable, Equatable {
    case usage(String, hint: String)
    case notImplemented(feature: String, issue: String)
    case llmNotConfigured(flag: String)
}
