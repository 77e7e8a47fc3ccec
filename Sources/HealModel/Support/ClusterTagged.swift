/// A row of a result that says which cluster it came from in a run over several (`--context
/// a,b`, `--all-contexts`): a finding, an error, a workload's recommendation or cost.
package protocol ClusterTagged {
    /// The kubeconfig context; nil outside a run over several clusters.
    var cluster: String? { get set }
}

extension ClusterTagged {
    /// The same row, tagged with the context it came from.
    package func inCluster(_ context: String) -> Self {
        var copy = self
        copy.cluster = context
        return copy
    }
}

extension Array where Element: ClusterTagged {
    /// Every row tagged with `context`.
    package func inCluster(_ context: String) -> [Element] {
        map { $0.inCluster(context) }
    }
}
