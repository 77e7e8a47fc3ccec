/// One object of a kind diagnose reads, decoded by its `kind` field (as items of a mixed
/// `kubectl get -o json` List carry it).
package enum KubeObject: Sendable {
    case pod(Pod)
    case event(Event)
    case deployment(Deployment)
    case replicaSet(ReplicaSet)
    case statefulSet(StatefulSet)
    case daemonSet(DaemonSet)
    case job(Job)
    case service(Service)
    case endpointSlice(EndpointSlice)
    case node(Node)
    case persistentVolumeClaim(PersistentVolumeClaim)
    case horizontalPodAutoscaler(HorizontalPodAutoscaler)
    case ingress(Ingress)
    case podDisruptionBudget(PodDisruptionBudget)

    /// Decodes an object of the given kind from `decoder`.
    package init(kind: ResourceKind, from decoder: any Decoder) throws {
        switch kind {
        case .pods: self = .pod(try Pod(from: decoder))
        case .events: self = .event(try Event(from: decoder))
        case .deployments: self = .deployment(try Deployment(from: decoder))
        case .replicaSets: self = .replicaSet(try ReplicaSet(from: decoder))
        case .statefulSets: self = .statefulSet(try StatefulSet(from: decoder))
        case .daemonSets: self = .daemonSet(try DaemonSet(from: decoder))
        case .jobs: self = .job(try Job(from: decoder))
        case .services: self = .service(try Service(from: decoder))
        case .endpointSlices: self = .endpointSlice(try EndpointSlice(from: decoder))
        case .nodes: self = .node(try Node(from: decoder))
        case .persistentVolumeClaims: self = .persistentVolumeClaim(try PersistentVolumeClaim(from: decoder))
        case .horizontalPodAutoscalers: self = .horizontalPodAutoscaler(try HorizontalPodAutoscaler(from: decoder))
        case .ingresses: self = .ingress(try Ingress(from: decoder))
        case .podDisruptionBudgets: self = .podDisruptionBudget(try PodDisruptionBudget(from: decoder))
        }
    }
}
