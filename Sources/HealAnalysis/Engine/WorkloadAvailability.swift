import HealModel

/// Whether a workload still serves: any of its pods Ready, or its status reporting available
/// replicas. Pod-level problems are critical when nothing serves, warnings when something does.
enum WorkloadAvailability {
    static func isServing(_ workload: ResourceRef?, pod: Pod, context: AnalysisContext) -> Bool {
        guard let workload else { return pod.isReady }
        if workload.kind == "Job" || workload.kind == "CronJob" { return false }
        if context.index.pods(of: workload).contains(where: \.isReady) { return true }
        switch workload.kind {
        case "Deployment":
            return context.snapshot.deployments.first { $0.metadata.name == workload.name && $0.metadata.namespace == workload.namespace }
                .map { $0.availableReplicas > 0 } ?? false
        case "StatefulSet":
            return context.snapshot.statefulSets.first { $0.metadata.name == workload.name && $0.metadata.namespace == workload.namespace }
                .map { ($0.status?.readyReplicas ?? 0) > 0 } ?? false
        case "DaemonSet":
            return context.snapshot.daemonSets.first { $0.metadata.name == workload.name && $0.metadata.namespace == workload.namespace }
                .map { ($0.status?.numberAvailable ?? 0) > 0 } ?? false
        default:
            return false
        }
    }

    static func severity(for workload: ResourceRef?, pod: Pod, context: AnalysisContext) -> Severity {
        isServing(workload, pod: pod, context: context) ? .warning : .critical
    }
}
