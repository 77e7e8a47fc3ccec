extension ClusterSnapshot {
    /// Whether an object of this kind and name is in the snapshot (any namespace it holds).
    package func contains(_ kind: ResourceKind, named name: String) -> Bool {
        metadata(of: kind).contains { $0.name == name }
    }
}
