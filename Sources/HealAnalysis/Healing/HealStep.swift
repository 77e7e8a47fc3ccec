import HealModel

/// One concrete change the healing loop may make, chosen by `HealPlanner`: the action, its
/// parameters, the patch (for template changes), where the idea came from and why, and what
/// the learned memory keeps when it verifies.
package struct HealStep: Codable, Sendable, Equatable {
    package var action: Remediation.Action
    package var source: Finding.Source
    /// The object changed: the workload (template changes, rollback, scale) or the pod (restart).
    package var target: ResourceRef
    package var container: String?
    /// What it does: "raise the memory limit of container api from 128Mi to 228Mi".
    package var summary: String
    /// Why this step: "learned: this workload needed 328Mi (2 successes)" or the rule's reason.
    package var reason: String
    package var parameters: [String: String]
    /// The strategic-merge patch for container changes; nil for rollback and restart-pod.
    /// It may carry literal environment values: print and store `redactedPatch` instead.
    package var patch: Patch?
    /// Parameters that hold for any workload with this fingerprint (kept as the pattern's template).
    package var template: [String: String]
    /// What the memory keeps for this workload when the step verifies.
    package var learnedValue: [String: String]?

    package init(
        action: Remediation.Action, source: Finding.Source, target: ResourceRef, container: String?, summary: String,
        reason: String, parameters: [String: String], patch: Patch?, template: [String: String], learnedValue: [String: String]?
    ) {
        self.action = action
        self.source = source
        self.target = target
        self.container = container
        self.summary = summary
        self.reason = reason
        self.parameters = parameters
        self.patch = patch
        self.template = template
        self.learnedValue = learnedValue
    }

    /// The patch with every literal environment value masked: what output and the store get.
    package var redactedPatch: Patch? {
        patch.map { Patch(target: $0.target, type: $0.type, body: EnvRedaction.redact($0.body)) }
    }

    /// Identifies the step among attempts: the same action with the same key values is "the
    /// same fix" for the rule that never repeats a fix that failed on a fingerprint.
    package var identity: String {
        Self.identity(action: action.rawValue, parameters: parameters)
    }

    package static func identity(action: String, parameters: [String: String]) -> String {
        let keys = ["image", "to", "env", "revision", "replicas"]
        return ([action] + keys.compactMap { key in parameters[key].map { "\(key)=\($0)" } }).joined(separator: " ")
    }
}

/// Masks the `value` of every `env` entry in a JSON document (patch bodies, pod templates):
/// literal values may be passwords, and references (`valueFrom`) are kept.
package enum EnvRedaction {
    package static func redact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                if key == "env", case .array(let entries) = member {
                    result[key] = .array(entries.map(redactEntry))
                } else {
                    result[key] = redact(member)
                }
            }
            return .object(result)
        case .array(let items):
            return .array(items.map(redact))
        default:
            return value
        }
    }

    private static func redactEntry(_ entry: JSONValue) -> JSONValue {
        guard case .object(var fields) = entry, case .string(let text)? = fields["value"], !text.isEmpty else { return entry }
        fields["value"] = .string(SecretScrubber.mask)
        return .object(fields)
    }
}
