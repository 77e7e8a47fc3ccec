import HealAnalysis
import HealKube
import HealModel
import Logging

/// The workloads recommend-limits and cost work on: read live or from --snapshot, narrowed to
/// the TYPE/NAME argument and -l.
struct WorkloadInventory {
    struct Request {
        var source: DiagnoseRequest.Source
        var namespace: String?
        var allNamespaces: Bool
        var excludedNamespaces: [String]
        var target: (kind: ResourceKind, name: String)?
        var selector: LabelSelectorExpression?
    }

    var workloads: [WorkloadResources]
    var read: SnapshotReader.Outcome

    /// What a workload's requests, replicas, autoscaling, pods and OOM kills are read from.
    static let kinds: Set<ResourceKind> = [.pods, .replicaSets, .deployments, .statefulSets, .daemonSets, .nodes, .horizontalPodAutoscalers]

    static func load(_ request: Request, environment: CLIEnvironment, logger: Logger) async throws -> WorkloadInventory {
        let read = try await SnapshotReader(environment: environment, logger: logger).read(SnapshotReader.Request(
            source: request.source, namespace: request.namespace, allNamespaces: request.allNamespaces,
            excludedNamespaces: request.excludedNamespaces, kinds: kinds, logs: nil))
        var workloads = WorkloadResources.all(in: read.snapshot)
        if let target = request.target {
            workloads = workloads.filter { $0.ref.kind == target.kind.kind && $0.ref.name == target.name }
            if workloads.isEmpty {
                throw CLIError.targetNotFound(type: target.kind.kind.lowercased(), name: target.name, namespace: read.namespaces?.first)
            }
        }
        if let selector = request.selector {
            workloads = workloads.filter { selector.matches($0.labels) }
        }
        return WorkloadInventory(workloads: workloads, read: read)
    }
}
