import HealModel

/// The pods of one namespace, indexed by label, so that a Service's selector is matched against
/// the pods carrying its rarest label instead of every pod of the namespace: with 2,000 Services
/// over 20,000 pods that is the difference between linear and quadratic.
struct NamespacePods {
    private struct Label: Hashable {
        var key: String
        var value: String
    }

    let all: [Pod]
    private let positionsByLabel: [Label: [Int]]

    init(_ pods: [Pod]) {
        all = pods
        var positions: [Label: [Int]] = [:]
        for (position, pod) in pods.enumerated() {
            for (key, value) in pod.metadata.labels { positions[Label(key: key, value: value), default: []].append(position) }
        }
        positionsByLabel = positions
    }

    /// The pods a Service-style selector selects, in namespace order (none for an empty one).
    func selected(by selector: [String: String]) -> [Pod] {
        let candidates = selector.map { positionsByLabel[Label(key: $0.key, value: $0.value)] ?? [] }.min { $0.count < $1.count } ?? []
        return candidates.map { all[$0] }.filter { selector.selects($0.metadata.labels) }
    }
}
