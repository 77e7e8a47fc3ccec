import Foundation
import HealModel

/// A taint the scheduler names ("{dedicated: batch}") matched to the nodes that carry it, with
/// what to do: a taint someone put there to reserve nodes is tolerated by the pods meant for
/// them, or taken off; a taint Kubernetes itself sets (the control plane, a node that is not
/// ready, under pressure or cordoned) is not something to tolerate.
struct TaintCause {
    var key: String
    var value: String?
    var effect: String
    var nodes: [String]

    /// Taints the control plane or the node lifecycle controller sets: the fix is elsewhere.
    static let systemPrefixes = ["node-role.kubernetes.io/", "node.kubernetes.io/", "node.cloudprovider.kubernetes.io/"]

    init?(scheduler text: String, nodes: [Node]) {
        let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
        guard let separator = inner.range(of: ": ") ?? inner.range(of: ":") else { return nil }
        let key = String(inner[..<separator.lowerBound])
        let value = String(inner[separator.upperBound...]).trimmingCharacters(in: .whitespaces)
        let carrying = nodes.compactMap { node -> (String, Node.Taint)? in
            node.spec?.taints.first { $0.key == key && ($0.value ?? "") == value }.map { (node.metadata.name, $0) }
        }
        guard let first = carrying.first else { return nil }
        self.key = key
        self.value = value.isEmpty ? nil : value
        effect = first.1.effect
        self.nodes = carrying.map(\.0).sorted()
    }

    var isSystem: Bool { Self.systemPrefixes.contains { key.hasPrefix($0) } }

    /// "dedicated=batch:NoSchedule", as `kubectl taint` writes it.
    var text: String { "\(key)\(value.map { "=\($0)" } ?? ""):\(effect)" }

    /// "(node-2, node-3)".
    var nodeList: String { "(\(Wording.list(Array(nodes.prefix(5))))\(nodes.count > 5 ? " and \(nodes.count - 5) more" : ""))" }

    var description: String {
        isSystem ? "the system taint \(text)" : "taint \(text), which the pod does not tolerate"
    }

    var fix: String? {
        guard !isSystem else { return nil }
        let toleration = "{key: \(key), operator: \(value == nil ? "Exists" : "Equal"),\(value.map { " value: \($0)," } ?? "") effect: \(effect)}"
        return "If the pod belongs on the \(text) nodes, add the toleration \(toleration) to its pod template; otherwise take the taint off a node (kubectl taint node \(nodes[0]) \(text)-) or add nodes without it."
    }

    var evidence: [Evidence] {
        nodes.prefix(3).map { Evidence(.spec, "spec.taints: \(text)", object: ResourceRef(kind: "Node", namespace: nil, name: $0)) }
    }
}
