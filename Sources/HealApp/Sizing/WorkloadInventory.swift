import HealAnalysis
import HealKube
import HealModel
import Logging

/// The workloads recommend-limits and cost work on: read live or from snapshot files, narrowed
/// to one TYPE/NAME and a label selector.
package struct WorkloadInventory {
    package struct Request: Sendable {
        package var source: DiagnoseRequest.Source
        package var namespace: String?
        package var allNamespaces: Bool
        package var excludedNamespaces: [String]
        package var target: ResourceTarget?
        package var selector: LabelSelectorExpression?

        package init(
            source: DiagnoseRequest.Source, namespace: String?, allNamespaces: Bool, excludedNamespaces: [String] = [], target: ResourceTarget? = nil,
            selector: LabelSelectorExpression? = nil
        ) {
            self.source = source
            self.namespace = namespace
            self.allNamespaces = allNamespaces
            self.excludedNamespaces = excludedNamespaces
            self.target = target
            self.selector = selector
        }
    }

    var workloads: [WorkloadResources]
    var read: SnapshotReader.Outcome

    /// What a workload's requests, replicas, autoscaling, pods and OOM kills are read from.
    static let kinds: Set<ResourceKind> = [.pods, .replicaSets, .deployments, .statefulSets, .daemonSets, .nodes, .horizontalPodAutoscalers]

    static func load(_ request: Request, environment: AppEnvironment, logger: Logger) async throws -> WorkloadInventory {
        let read = try await SnapshotReader(environment: environment, logger: logger).read(SnapshotReader.Request(
            source: request.source, namespace: request.namespace, allNamespaces: request.allNamespaces,
            excludedNamespaces: request.excludedNamespaces, kinds: kinds, logs: nil))
        var workloads = WorkloadResources.all(in: read.snapshot)
        if let target = request.target {
            workloads = workloads.filter { $0.ref.kind == target.kind.kind && $0.ref.name == target.name }
            if workloads.isEmpty {
                throw AppError.targetNotFound(type: target.kind.kind.lowercased(), name: target.name, namespace: read.namespaces?.first)
            }
        }
        if let selector = request.selector {
            workloads = workloads.filter { selector.matches($0.labels) }
        }
        return WorkloadInventory(workloads: workloads, read: read)
    }
}
