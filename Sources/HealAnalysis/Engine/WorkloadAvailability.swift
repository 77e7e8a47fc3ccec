import HealModel

/// Whether a workload still serves: any of its pods Ready, or its status reporting available
/// replicas. Pod-level problems are critical when nothing serves, warnings when something does.
enum WorkloadAvailability {
    static func isServing(_ workload: ResourceRef?, pod: Pod, context: AnalysisContext) -> Bool {
        guard let workload else { return pod.isReady }
        if workload.kind == "Job" || workload.kind == "CronJob" { return false }
        return context.index.isServing(workload)
    }

    static func severity(for workload: ResourceRef?, pod: Pod, context: AnalysisContext) -> Severity {
        isServing(workload, pod: pod, context: context) ? .warning : .critical
    }
}
