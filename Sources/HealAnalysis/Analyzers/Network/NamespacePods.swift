import HealModel

/// The pods of one namespace, indexed by label, so that a Service's selector is matched against
/// the pods carrying its rarest label instead of every pod of the namespace: with 2,000 Services
/// over 20,000 pods that is the difference between linear and quadratic. Holds positions in the
/// snapshot's pods, not copies of them.
struct NamespacePods {
    private struct Label: Hashable {
        var key: String
        var value: String
    }

    private let pods: [Pod]
    private let positions: [Int]
    private let positionsByLabel: [Label: [Int]]

    /// Every namespace's pods among `pods`.
    static func byNamespace(_ pods: [Pod]) -> [String: NamespacePods] {
        Dictionary(grouping: pods.indices) { pods[$0].metadata.namespace ?? "" }.mapValues { NamespacePods(pods, positions: $0) }
    }

    init(_ pods: [Pod], positions: [Int]) {
        self.pods = pods
        self.positions = positions
        var byLabel: [Label: [Int]] = [:]
        for position in positions {
            for (key, value) in pods[position].metadata.labels { byLabel[Label(key: key, value: value), default: []].append(position) }
        }
        positionsByLabel = byLabel
    }

    /// The namespace's pods, in snapshot order.
    var all: [Pod] { positions.map { pods[$0] } }

    /// The pods a Service-style selector selects, in snapshot order (none for an empty one).
    func selected(by selector: [String: String]) -> [Pod] {
        let candidates = selector.map { positionsByLabel[Label(key: $0.key, value: $0.value)] ?? [] }.min { $0.count < $1.count } ?? []
        return candidates.map { pods[$0] }.filter { selector.selects($0.metadata.labels) }
    }
}
