import HealActions
import HealAnalysis

/// The use case behind `failover switch` and the MCP `failover_plan` and `failover_apply` tools:
/// the plan from the Service's status, then, when asked, the switch (safety checks, scale, wait
/// Ready, switch, verify, roll back), interrupted by the environment's stop signal.
package struct FailoverSwitchJob {
    let session: FailoverSession
    let environment: AppEnvironment

    package init(session: FailoverSession, environment: AppEnvironment) {
        self.session = session
        self.environment = environment
    }

    package func plan(_ request: FailoverRequest) async throws -> FailoverPlan {
        try FailoverPlanner.plan(try await session.status(), request)
    }

    /// Carries `plan` out once its safety checks pass and `confirm` agrees; nil when it did not.
    /// `force` acts on objects Argo CD or Flux manage; `policy` may deny scaling either colour.
    package func apply(
        _ plan: FailoverPlan, force: Bool, policy: HealPolicy?, confirm: () throws -> Bool, onStep: @escaping @Sendable (FailoverResult.Step) -> Void
    ) async throws -> FailoverResult? {
        let executor = session.executor(force: force, policy: policy, onStep: onStep)
        try await session.run { try await executor.checkSafety(plan) }
        guard try confirm() else { return nil }
        return try await session.run { try await Interruption.run({ try await executor.run(plan) }, stop: environment.stopRequested) }
    }
}
