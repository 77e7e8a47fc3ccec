/// What to do about a finding: an allowed action, its exact parameters and patch, and whether it
/// is safe to apply without a person deciding (only `--fix` ever applies anything).
package struct Remediation: Codable, Sendable, Equatable {
    package enum Action: String, Codable, Sendable {
        case setImage = "set-image"
        case setEnv = "set-env"
        case raiseMemoryLimit = "raise-memory-limit"
        case rollback
        case restartPod = "restart-pod"
        case scale
        /// New requests and limits from `recommend-limits --apply`; never planned by healing.
        case setResources = "set-resources"
        /// Needs a decision or information the tool does not have.
        case manual
    }

    package var action: Action
    package var summary: String
    package var parameters: [String: String]
    package var patch: Patch?
    /// The kubectl command that does the same, for people who prefer to run it themselves.
    package var command: String?
    package var safeToAutoApply: Bool

    package init(
        action: Action, summary: String, parameters: [String: String] = [:], patch: Patch? = nil,
        command: String? = nil, safeToAutoApply: Bool
    ) {
        self.action = action
        self.summary = summary
        self.parameters = parameters
        self.patch = patch
        self.command = command
        self.safeToAutoApply = safeToAutoApply
    }
}

package struct Patch: Codable, Sendable, Equatable {
    package enum PatchType: String, Codable, Sendable {
        case strategic
        case merge
        case json
    }

    package var target: ResourceRef
    package var type: PatchType
    package var body: JSONValue

    package init(target: ResourceRef, type: PatchType, body: JSONValue) {
        self.target = target
        self.type = type
        self.body = body
    }
}
