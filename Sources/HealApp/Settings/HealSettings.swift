import HealActions
import HealAnalysis

/// What bounds healing and how it verifies: the policy file, the planner's limits, the
/// verification times and the rate limits.
package struct HealSettings: Sendable {
    /// The policy file (YAML) that decides which actions run without confirmation.
    package var policyFile: String?
    package var planner: HealPlannerSettings
    package var executor: HealExecutor.Settings
    package var limits: HealLimits

    package init(policyFile: String? = nil, planner: HealPlannerSettings = HealPlannerSettings(), executor: HealExecutor.Settings = HealExecutor.Settings(), limits: HealLimits = HealLimits()) {
        self.policyFile = policyFile
        self.planner = planner
        self.executor = executor
        self.limits = limits
    }
}
