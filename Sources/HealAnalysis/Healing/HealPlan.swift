import HealModel

/// What the healing loop will try for one incident, in order: each next step only after the
/// one before it did not verify and was rolled back. Empty steps with `leftAlone` say why
/// nothing is done (no safe action, a value the user must supply, the memory cap reached …).
package struct HealPlan: Sendable, Equatable {
    package var steps: [HealStep]
    package var leftAlone: String?
    /// No rule and no learned fix covers the incident: the only case an LLM is asked for a plan.
    package var uncovered: Bool

    package init(steps: [HealStep], leftAlone: String? = nil, uncovered: Bool = false) {
        self.steps = steps
        self.leftAlone = steps.isEmpty ? leftAlone : nil
        self.uncovered = steps.isEmpty && uncovered
    }

    package static func none(_ reason: String) -> HealPlan {
        HealPlan(steps: [], leftAlone: reason)
    }
}

/// Where the value of a missing environment variable comes from: only ever the user.
package enum EnvValueSource: Sendable, Equatable {
    /// `--env NAME=VALUE`: never printed or stored.
    case literal(String)
    /// `--env NAME=secret:SECRET/KEY`
    case secretKey(name: String, key: String)
    /// `--env NAME=configmap:CONFIGMAP/KEY`
    case configMapKey(name: String, key: String)

    /// How output and the store describe it: references in full, literals as "value from --env".
    package var description: String {
        switch self {
        case .literal: "a value from --env"
        case .secretKey(let name, let key): "secret:\(name)/\(key)"
        case .configMapKey(let name, let key): "configmap:\(name)/\(key)"
        }
    }

    /// Parses the right-hand side of `--env NAME=…`.
    package init(flagValue: String) {
        for (prefix, make) in [("secret:", Self.secretKey), ("configmap:", Self.configMapKey)] as [(String, (String, String) -> Self)] {
            guard flagValue.hasPrefix(prefix) else { continue }
            let reference = flagValue.dropFirst(prefix.count).split(separator: "/", maxSplits: 1).map(String.init)
            if reference.count == 2, !reference[0].isEmpty, !reference[1].isEmpty {
                self = make(reference[0], reference[1])
                return
            }
        }
        self = .literal(flagValue)
    }

    var envEntry: [String: JSONValue] {
        switch self {
        case .literal(let value):
            ["value": .string(value), "valueFrom": .null]
        case .secretKey(let name, let key):
            ["value": .null, "valueFrom": .object(["secretKeyRef": .object(["name": .string(name), "key": .string(key)])])]
        case .configMapKey(let name, let key):
            ["value": .null, "valueFrom": .object(["configMapKeyRef": .object(["name": .string(name), "key": .string(key)])])]
        }
    }
}

/// A pattern from the learned memory that matches the incident's fingerprint, reduced to what
/// planning needs (HealAnalysis does not know the store).
package struct LearnedFix: Sendable, Equatable {
    package var patternID: String
    package var action: Remediation.Action
    package var template: [String: String]
    /// The values that verified on this very workload, if it was fixed before.
    package var valueForWorkload: [String: String]?
    package var successes: Int
    package var failures: Int

    package init(patternID: String, action: Remediation.Action, template: [String: String], valueForWorkload: [String: String]?, successes: Int, failures: Int) {
        self.patternID = patternID
        self.action = action
        self.template = template
        self.valueForWorkload = valueForWorkload
        self.successes = successes
        self.failures = failures
    }
}
