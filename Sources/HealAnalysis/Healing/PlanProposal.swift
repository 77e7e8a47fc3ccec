/// A plan proposed for an incident from outside the rules (an LLM's answer, already decoded
/// and with its placeholders restored), before `PlanValidator` has checked a word of it.
package struct PlanProposal: Sendable, Equatable {
    /// The workload the plan says it changes, as `kind/name` ("deployment/web").
    package var workload: String
    package var namespace: String?
    package var steps: [ProposedStep]

    package init(workload: String, namespace: String?, steps: [ProposedStep]) {
        self.workload = workload
        self.namespace = namespace
        self.steps = steps
    }
}

/// One proposed action with its parameters as they came (types unchecked).
package struct ProposedStep: Sendable, Equatable {
    package var action: String
    package var parameters: [String: JSONValue]
    /// Why, in the proposer's words.
    package var reason: String

    package init(action: String, parameters: [String: JSONValue], reason: String) {
        self.action = action
        self.parameters = parameters
        self.reason = reason
    }
}

/// Why a proposed plan (or one of its steps) is not used.
package struct PlanRejection: Error, Sendable, Equatable {
    package var reason: String

    package init(_ reason: String) {
        self.reason = reason
    }
}
