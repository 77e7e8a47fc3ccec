import Foundation
import HealModel

/// What the memory knows about one incident fingerprint and one action: how often the action
/// fixed it, and the values that worked per workload ("shop/Deployment/api needed 512Mi").
/// A repeated incident with a successful pattern is fixed straight from here.
package struct LearnedPattern: Codable, Sendable, Equatable, Identifiable {
    /// `makeID(fingerprint:action:)`: stable, so two stores name the same pattern alike.
    package var id: String
    package var fingerprint: String
    /// The readable parts the fingerprint hashes (reason, lastTermination, ownerKind,
    /// container, logSignature, imageFamily), for `learn show`.
    package var signature: [String: String]
    package var action: String
    /// The action's parameters that do not depend on the workload (e.g. `container`,
    /// `memoryStep`), from the first success.
    package var template: [String: String]
    /// Per workload (`WorkloadKey.description`), the parameters of its last verified fix,
    /// e.g. `["to": "328Mi"]`.
    package var learnedValues: [String: [String: String]]
    package var successes: Int
    package var failures: Int
    package var createdAt: Date
    package var lastUsedAt: Date

    package init(
        id: String, fingerprint: String, signature: [String: String], action: String, template: [String: String],
        learnedValues: [String: [String: String]], successes: Int, failures: Int, createdAt: Date, lastUsedAt: Date
    ) {
        self.id = id
        self.fingerprint = fingerprint
        self.signature = signature
        self.action = action
        self.template = template
        self.learnedValues = learnedValues
        self.successes = successes
        self.failures = failures
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    package var successRate: Double {
        successes + failures == 0 ? 0 : Double(successes) / Double(successes + failures)
    }

    /// 12 hex digits of SHA-256 over `fingerprint` and `action` (the same in every store).
    package static func makeID(fingerprint: String, action: String) -> String {
        SHA256.hex("\(fingerprint)\u{0}\(action)", length: 12)
    }
}

/// What the healing loop hands the store with an attempt: the pattern the attempt belongs to.
/// On success the pattern's `learnedValues[workload]` becomes `learnedValue`.
package struct PatternDraft: Sendable, Equatable {
    package var fingerprint: String
    package var signature: [String: String]
    package var action: String
    package var template: [String: String]
    package var learnedValue: [String: String]?

    package init(fingerprint: String, signature: [String: String], action: String, template: [String: String], learnedValue: [String: String]?) {
        self.fingerprint = fingerprint
        self.signature = signature
        self.action = action
        self.template = template
        self.learnedValue = learnedValue
    }

    package var patternID: String { LearnedPattern.makeID(fingerprint: fingerprint, action: action) }
}
