/// The user's bounds on what healing may choose (`--env`, `--memory-step`, `--max-memory`).
package struct HealPlannerSettings: Sendable, Equatable {
    package enum MemoryStep: String, Sendable, CaseIterable {
        /// max(+100Mi, ×1.2)
        case bump
        /// ×2
        case double
    }

    /// `--env NAME=…`: the only values `set-env` ever uses.
    package var env: [String: EnvValueSource] = [:]
    package var memoryStep: MemoryStep = .bump
    /// `--max-memory`: no step goes above it.
    package var maxMemoryBytes: Double = 4 * 1_073_741_824
    /// How many memory sizes one incident may try, one after the other.
    package var memoryAttempts = 3

    package init() {}
}
