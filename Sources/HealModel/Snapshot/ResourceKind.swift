/// The kinds diagnose reads, with what is needed to address them on the API server.
package enum ResourceKind: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case pods
    case events
    case deployments
    case replicaSets = "replicasets"
    case statefulSets = "statefulsets"
    case daemonSets = "daemonsets"
    case jobs
    case services
    case endpointSlices = "endpointslices"
    case nodes
    case persistentVolumeClaims = "persistentvolumeclaims"
    case horizontalPodAutoscalers = "horizontalpodautoscalers"
    case ingresses
    case podDisruptionBudgets = "poddisruptionbudgets"

    /// The plural resource name used in API paths and RBAC rules.
    package var plural: String { rawValue }

    package var kind: String {
        switch self {
        case .pods: "Pod"
        case .events: "Event"
        case .deployments: "Deployment"
        case .replicaSets: "ReplicaSet"
        case .statefulSets: "StatefulSet"
        case .daemonSets: "DaemonSet"
        case .jobs: "Job"
        case .services: "Service"
        case .endpointSlices: "EndpointSlice"
        case .nodes: "Node"
        case .persistentVolumeClaims: "PersistentVolumeClaim"
        case .horizontalPodAutoscalers: "HorizontalPodAutoscaler"
        case .ingresses: "Ingress"
        case .podDisruptionBudgets: "PodDisruptionBudget"
        }
    }

    package var group: String {
        switch self {
        case .pods, .events, .services, .nodes, .persistentVolumeClaims: ""
        case .deployments, .replicaSets, .statefulSets, .daemonSets: "apps"
        case .jobs: "batch"
        case .endpointSlices: "discovery.k8s.io"
        case .horizontalPodAutoscalers: "autoscaling"
        case .ingresses: "networking.k8s.io"
        case .podDisruptionBudgets: "policy"
        }
    }

    package var version: String {
        self == .horizontalPodAutoscalers ? "v2" : "v1"
    }

    package var apiVersion: String {
        group.isEmpty ? version : "\(group)/\(version)"
    }

    package var isNamespaced: Bool { self != .nodes }

    /// "deployments.apps", "pods" — the form RBAC messages and kubectl use.
    package var groupResource: String {
        group.isEmpty ? plural : "\(plural).\(group)"
    }

    package init?(kind: String) {
        guard let match = ResourceKind.allCases.first(where: { $0.kind == kind }) else { return nil }
        self = match
    }

    /// What a user may type, as kubectl accepts it: "po", "pod", "pods", "deploy",
    /// "deployment.apps", "svc", "hpa" …
    package init?(userInput: String) {
        let parts = userInput.lowercased().split(separator: ".", maxSplits: 1).map(String.init)
        guard let bare = parts.first else { return nil }
        // "deployments.apps" names the group too, and it must be the kind's own (events are
        // served by the core group and events.k8s.io alike).
        let group = parts.count == 2 ? parts[1] : nil
        let match = ResourceKind.allCases.first { kind in
            (kind.plural == bare || kind.kind.lowercased() == bare || kind.shortNames.contains(bare))
                && (group == nil || group == kind.group || (kind == .events && group == "events.k8s.io"))
        }
        guard let match else { return nil }
        self = match
    }

    private var shortNames: [String] {
        switch self {
        case .pods: ["po"]
        case .events: ["ev"]
        case .deployments: ["deploy"]
        case .replicaSets: ["rs"]
        case .statefulSets: ["sts"]
        case .daemonSets: ["ds"]
        case .jobs: []
        case .services: ["svc"]
        case .endpointSlices: []
        case .nodes: ["no"]
        case .persistentVolumeClaims: ["pvc"]
        case .horizontalPodAutoscalers: ["hpa"]
        case .ingresses: ["ing"]
        case .podDisruptionBudgets: ["pdb"]
        }
    }

    package static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
