import HealAnalysis

/// What a failover did, step by step, with each step's duration: the report of
/// `failover --apply` and of every switch `failover watch` makes.
package struct FailoverResult: Sendable, Encodable {
    package enum Outcome: String, Sendable, Encodable {
        /// Switched and verified.
        case succeeded
        /// Switched, verification failed, switched back.
        case rolledBack = "rolled-back"
        /// Stopped before touching the Service (the standby never got Ready); see `error`.
        case refused
        /// The Service already sent traffic to the target colour.
        case nothingToDo = "nothing-to-do"
    }

    package struct Step: Sendable, Encodable {
        package enum Result: String, Sendable, Encodable { case done, failed, skipped }

        package var kind: FailoverPlan.StepKind
        package var result: Result
        package var seconds: Double
        package var detail: String
    }

    package var plan: FailoverPlan
    package var outcome: Outcome
    package var steps: [Step] = []
    /// From the first write to the verified switch (or to the refusal/rollback); the old
    /// colour's delayed scale-down is not part of the failover time.
    package var failoverSeconds: Double = 0
    package var totalSeconds: Double = 0
    /// Why it was refused, when it was.
    package var error: FailoverError?

    package init(plan: FailoverPlan, outcome: Outcome) {
        self.plan = plan
        self.outcome = outcome
    }

    private enum CodingKeys: String, CodingKey {
        case plan, outcome, steps, failoverSeconds, totalSeconds, message
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(plan, forKey: .plan)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(steps, forKey: .steps)
        try container.encode(failoverSeconds, forKey: .failoverSeconds)
        try container.encode(totalSeconds, forKey: .totalSeconds)
        try container.encodeIfPresent(message, forKey: .message)
    }

    /// One sentence for the refusal, when there is one (the CLI's presenter words the error
    /// itself the same way).
    package var message: String? {
        error?.message
    }
}
