import HealModel

extension Pod {
    /// Not finished and not being deleted: still counted as a replica or an endpoint.
    var isLive: Bool {
        metadata.deletionTimestamp == nil && status.phase != "Failed" && status.phase != "Succeeded"
    }
}
