/// What one container does when the kubelet tries to run it, before time comes into it (the
/// kubelet turns an outcome into a container status that moves on with the back-off clock).
enum ContainerOutcome: Equatable {
    /// The image does not pull. `backingOff` skips the first ErrImagePull attempt (the
    /// `imagePullBackOff` behaviour reports ImagePullBackOff at once).
    case pullFails(ImageRegistry.PullFailure, backingOff: Bool)
    /// The container cannot be created (CreateContainerConfigError) with this message.
    case configError(String)
    /// The program exits at once with `code` (`reason` Error or OOMKilled), writing `log`.
    case exits(code: Int, reason: String, log: [String])
    case runs(ready: Bool)

    /// The outcome the pod spec earns on this node: image pull, then the container's
    /// configuration, then the program's needs — the order a kubelet finds the problems in.
    static func derived(
        from container: JSONValue, namespace: String, needs: WorkloadNeeds, state: ClusterState
    ) -> ContainerOutcome {
        let image = container["image"]?.stringValue ?? ""
        if let failure = state.registry.failure(pulling: image) { return .pullFails(failure, backingOff: false) }
        let values: [String: String]
        switch ContainerEnvironment.resolve(container, namespace: namespace, store: state.store) {
        case .configError(let message): return .configError(message)
        case .values(let resolved): values = resolved
        }
        if needs.env.contains(where: { values[$0]?.isEmpty ?? true }) {
            // The captured mysql-client's script: print every variable, then give up.
            return .exits(code: 1, reason: "Error", log: needs.env.map { "\($0) is: \(values[$0] ?? "")" }
                + ["ERROR: Missing required environment variables!"])
        }
        if let need = needs.memory, let outcome = memory(of: container, needs: need) {
            return needs.outOfMemoryLog.map { .exits(code: 1, reason: "Error", log: $0) } ?? outcome
        }
        return .runs(ready: true)
    }

    /// OOMKilled (exit code 137) when the container's memory limit is below `need`, logging
    /// what the captured memory-hungry workload logs before the kill; nil when the limit is
    /// enough or there is none.
    static func memory(of container: JSONValue, needs need: String) -> ContainerOutcome? {
        guard let limit = container.value(at: ["resources", "limits", "memory"])?.stringValue,
            let limitBytes = Quantity.bytes(limit), limitBytes < Quantity.bytes(need) ?? .max
        else { return nil }
        let step = 32 << 20
        let allocations = stride(from: step, through: limitBytes, by: step).map { "allocated \($0 >> 20)Mi" }
        return .exits(code: 137, reason: "OOMKilled",
                      log: ["memory-hog: target allocation \(need) (container limit \(limit))"] + allocations)
    }
}

/// Memory quantities as the API writes them.
enum Quantity {
    /// `128Mi`, `1G`, `300000000` in bytes; nil when it is not a quantity.
    static func bytes(_ quantity: String) -> Int? {
        let units: [(String, Int)] = [
            ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40),
            ("k", 1000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
        ]
        for (suffix, factor) in units where quantity.hasSuffix(suffix) {
            return Int(quantity.dropLast(suffix.count)).map { $0 * factor }
        }
        return Int(quantity)
    }
}
