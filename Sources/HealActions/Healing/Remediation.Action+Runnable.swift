import HealAnalysis

extension Remediation.Action {
    /// The actions the healing loop can carry out: all but `manual`, which is a note for a
    /// person, not something to run.
    package static let runnable: [Remediation.Action] = [.setImage, .setEnv, .raiseMemoryLimit, .rollback, .restartPod, .scale]
}
