import HealModel

/// Pods of a Job that succeeded on a later attempt: their failure did not fail the Job, so what
/// they report is history (info), not a problem.
struct RetriedJobAttempts {
    private let completed: Set<String>

    init(_ snapshot: ClusterSnapshot) {
        completed = Set(snapshot.jobs.filter { $0.status?.conditions["Complete"]?.isTrue == true }.map {
            "\($0.metadata.namespace ?? "")/\($0.metadata.name)"
        })
    }

    func contains(_ pod: Pod) -> Bool {
        guard let owner = pod.metadata.controller, owner.kind == "Job" else { return false }
        return completed.contains("\(pod.metadata.namespace ?? "")/\(owner.name)")
    }

    static let note = " Its Job succeeded on a later attempt, so this failure did not fail it."
}
