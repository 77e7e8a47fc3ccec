import HealAnalysis

extension Remediation.Action {
    /// The actions the healing loop can carry out: all but `manual`, which is a note for a
    /// person, not something to run.
    package static let runnable: [Remediation.Action] = [.setImage, .setEnv, .raiseMemoryLimit, .rollback, .restartPod, .scale]

    /// The actions a policy file may name: the loop's, plus `set-resources` for
    /// `recommend-limits --apply` (a failover is decided as `scale`).
    package static let governed: [Remediation.Action] = runnable + [.setResources]
}
