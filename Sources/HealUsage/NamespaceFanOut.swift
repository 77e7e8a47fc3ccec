import HealAnalysis

/// The workloads grouped by namespace and `body` run for each group, a few namespaces at a time:
/// each query is one single-threaded evaluation on the server, and a run must not monopolise a
/// shared Prometheus. Cluster-scoped refs have no container series and are left out.
enum NamespaceFanOut {
    /// The namespaces read at once by default (`PrometheusUsageSource` takes its own).
    static let concurrency = 4

    static func run<Result: Sendable>(
        _ workloads: [WorkloadResources], concurrency: Int = Self.concurrency,
        _ body: @escaping @Sendable (_ namespace: String, _ workloads: [WorkloadResources]) async throws -> Result
    ) async throws -> [Result] {
        let byNamespace = Dictionary(grouping: workloads.filter { $0.ref.namespace != nil }) { $0.ref.namespace ?? "" }
        var pending = byNamespace.sorted { $0.key < $1.key }[...]
        var results: [Result] = []
        try await withThrowingTaskGroup(of: Result.self) { group in
            var running = 0
            while true {
                while running < concurrency, let next = pending.popFirst() {
                    group.addTask { try await body(next.key, next.value) }
                    running += 1
                }
                guard let found = try await group.next() else { break }
                running -= 1
                results.append(found)
            }
        }
        return results
    }
}
