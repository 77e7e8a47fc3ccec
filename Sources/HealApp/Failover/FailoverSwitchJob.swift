import HealActions
import HealAnalysis

/// The use case behind `failover switch` and the MCP `failover_plan` and `failover_apply` tools:
/// the plan from the Service's status; then, when asked, the switch (safety checks, scale, wait
/// Ready, switch, verify, roll back), interrupted by the environment's stop signal.
package struct FailoverSwitchJob {
    /// A plan whose safety checks passed, ready to be carried out (after a confirmation, say).
    package struct Checked {
        let executor: FailoverExecutor
        let session: FailoverSession
        let environment: AppEnvironment
        package let plan: FailoverPlan

        package func run() async throws -> FailoverResult {
            let (executor, plan) = (executor, plan)
            return try await session.run { try await Interruption.run({ try await executor.run(plan) }, stop: environment.stopRequested) }
        }
    }

    let session: FailoverSession
    let environment: AppEnvironment

    package init(session: FailoverSession, environment: AppEnvironment) {
        self.session = session
        self.environment = environment
    }

    /// `readOnly`: the plan is only shown, so the kept informers may answer; a plan to carry
    /// out is made from the API.
    package func plan(_ request: FailoverRequest, readOnly: Bool) async throws -> FailoverPlan {
        try FailoverPlanner.plan(try await session.status(readOnly: readOnly), request)
    }

    /// The checks before any write: GitOps ownership (`force` acts anyway), kube-system, and
    /// whether `policy` denies scaling either colour. Steps are reported to `onStep` as they end.
    package func check(
        _ plan: FailoverPlan, force: Bool, policy: HealPolicy?, onStep: @escaping @Sendable (FailoverResult.Step) -> Void
    ) async throws -> Checked {
        let executor = session.executor(force: force, policy: policy, onStep: onStep)
        try await session.run { try await executor.checkSafety(plan) }
        return Checked(executor: executor, session: session, environment: environment, plan: plan)
    }
}
