import ArgumentParser
import HealApp
import HealModel

/// Which workloads `recommend-limits` and `cost` work on: one TYPE/NAME or all in scope, live or
/// from --snapshot files.
struct WorkloadSelectionOptions: ParsableArguments, Sendable {
    @Argument(help: ArgumentHelp("Only this workload: deployment/NAME, statefulset/NAME or daemonset/NAME.", valueName: "type/name"))
    var target: String?

    @OptionGroup(title: "Cluster access") var scope: ScopeOptions

    @Option(help: ArgumentHelp("Read workloads from files instead of a live cluster (`kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder).", valueName: "path"), completion: .file())
    var snapshot: String?

    @Option(name: .customLong("exclude-namespace"), help: ArgumentHelp("Skip this namespace (repeatable).", valueName: "namespace"))
    var excludedNamespaces: [String] = []

    func validate() throws {
        if let target { _ = try WorkloadTargetArgument.parse(target) }
        if let selector = scope.selector { try parseFlag("-l") { () throws(InvalidInput) in try DiagnosisInput.selector(selector) } }
    }

    /// A usage source that needs the cluster cannot be asked about files.
    func checkUsageSource(_ usage: UsageOptions, prometheus: PrometheusOptions) throws {
        guard let snapshot else { return }
        if usage.usageSource == .metricsServer || (usage.usageSource == .prometheus && prometheus.prometheusURL == nil) {
            throw ValidationError("--snapshot \(snapshot) has no cluster to find \(usage.usageSource.rawValue) in; pass --prometheus-url or drop --usage-source")
        }
    }

    /// The flags that name one cluster's things, refused with several clusters: each cluster's
    /// own Prometheus is found through its API server.
    func singleClusterFlags(cluster: ClusterOptions, prometheus: PrometheusOptions) -> [(String, Bool)] {
        [("--snapshot", snapshot != nil), ("--prometheus-url", prometheus.prometheusURL != nil), ("--cluster", cluster.cluster != nil), ("--user", cluster.user != nil)]
    }

    func inventoryRequest(cluster: ClusterOptions) throws -> WorkloadInventory.Request {
        WorkloadInventory.Request(
            source: snapshot.map(DiagnoseRequest.Source.snapshot) ?? .cluster(cluster.overrides),
            namespace: scope.allNamespaces ? nil : cluster.namespace, allNamespaces: scope.allNamespaces,
            excludedNamespaces: excludedNamespaces, target: try target.map(WorkloadTargetArgument.parse),
            selector: scope.selector.flatMap(LabelSelectorExpression.init))
    }
}
