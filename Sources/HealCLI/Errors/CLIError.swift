/// Failures the command line itself detects.
package enum CLIError: Error, Sendable, Equatable {
    case llmNotConfigured(flag: String)
    /// A mutating command without `--yes` and no terminal to ask on.
    case confirmationNeeded(flag: String)
    /// `learn reset` without `--yes` and no terminal to ask on.
    case resetNeedsConfirmation(store: String)
}
