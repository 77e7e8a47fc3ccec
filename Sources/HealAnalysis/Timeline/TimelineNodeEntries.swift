import HealModel

/// The nodes the pods run on, when their state changed: not Ready, under pressure, without a
/// pod network, cordoned. Each is a change from outside the workload.
enum TimelineNodeEntries {
    static let troubleWhenTrue: Set<String> = ["MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable"]

    static func entries(_ nodes: [Node]) -> [TimelineEntry] {
        nodes.flatMap { node -> [TimelineEntry] in
            let ref = ResourceRef(kind: "Node", namespace: nil, name: node.metadata.name)
            var entries = (node.status?.conditions ?? []).compactMap { condition -> TimelineEntry? in
                let trouble = condition.type == "Ready" ? !condition.isTrue : troubleWhenTrue.contains(condition.type) && condition.isTrue
                guard trouble, let since = condition.lastTransitionTime else { return nil }
                let state = condition.type == "Ready" ? (condition.status == "Unknown" ? "stopped reporting (Ready=Unknown)" : "became NotReady") : "reports \(condition.type)"
                return TimelineEntry(
                    time: since, kind: .node, object: ref, title: "node \(ref.name) \(condition.type == "Ready" ? "NotReady" : condition.type)",
                    sentence: "node \(ref.name) \(state)\(condition.reason.map { ": \($0)" } ?? "")\(condition.message.map { " — \(Wording.clip($0, 140))" } ?? "").",
                    evidence: ["\(condition.type)=\(condition.status) since \(since)"], isChange: true)
            }
            if node.spec?.unschedulable == true, let since = node.spec?.taints.first(where: { $0.key == "node.kubernetes.io/unschedulable" })?.timeAdded {
                entries.append(TimelineEntry(
                    time: since, kind: .node, object: ref, title: "node \(ref.name) cordoned", sentence: "node \(ref.name) was cordoned.",
                    evidence: ["spec.unschedulable: true; taint node.kubernetes.io/unschedulable added \(since)"], isChange: true))
            }
            return entries
        }
    }
}
