import HealModel

extension Pod {
    /// Not finished and not being deleted: still counted as a replica or an endpoint.
    var isLive: Bool {
        metadata.deletionTimestamp == nil && !isFinished
    }

    /// Succeeded or Failed: its containers will not run again. Selectors (a budget's, a
    /// policy's) still count it until then, terminating or not.
    var isFinished: Bool {
        status.phase == "Failed" || status.phase == "Succeeded"
    }
}
