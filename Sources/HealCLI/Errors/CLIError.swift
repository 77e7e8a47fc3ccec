/// Failures the command line itself detects.
package enum CLIError: Error, Sendable, Equatable {
    /// A TYPE/NAME argument that names nothing in what was read.
    case targetNotFound(type: String, name: String, namespace: String?)
    case llmNotConfigured(flag: String)
    /// A mutating command without `--yes` and no terminal to ask on.
    case confirmationNeeded(flag: String)
    /// `learn show/forget ID` naming no pattern.
    case patternNotFound(id: String, store: String)
    /// `learn reset` without `--yes` and no terminal to ask on.
    case resetNeedsConfirmation(store: String)
    /// A --pricing file that cannot be read, is not YAML of the Pricing shape, or holds a bad value.
    case pricingFileInvalid(path: String, problem: String, hint: String)
}
