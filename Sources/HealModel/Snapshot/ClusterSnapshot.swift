/// Everything one diagnosis reads, whether fetched from a live cluster or loaded from files.
package struct ClusterSnapshot: Sendable {
    package var pods: [Pod] = []
    package var events: [Event] = []
    package var deployments: [Deployment] = []
    package var replicaSets: [ReplicaSet] = []
    package var statefulSets: [StatefulSet] = []
    package var daemonSets: [DaemonSet] = []
    package var jobs: [Job] = []
    package var services: [Service] = []
    package var endpointSlices: [EndpointSlice] = []
    package var nodes: [Node] = []
    package var persistentVolumeClaims: [PersistentVolumeClaim] = []
    package var horizontalPodAutoscalers: [HorizontalPodAutoscaler] = []
    package var ingresses: [Ingress] = []
    package var podDisruptionBudgets: [PodDisruptionBudget] = []
    package var logs: [ContainerLogKey: ContainerLogs] = [:]
    private var interner = ContainerSpecInterner()

    /// Kinds that were read (possibly empty). An analyzer whose input kind is missing stays
    /// silent instead of reporting "no endpoints" for endpoints nobody fetched.
    package var collected: Set<ResourceKind> = []
    /// What could not be read (RBAC, say), each with the server's reason.
    package var unreadable: [UnreadableResource] = []
    /// "Now" for ages and grace periods: the wall clock for a live cluster, the newest time in
    /// the data for a snapshot, so that a snapshot reads the same whenever it is analysed.
    package var referenceTime: Timestamp?

    package init() {}

    package mutating func insert(_ object: KubeObject) {
        switch object {
        case .pod(var pod):
            interner.intern(&pod)
            pods.append(pod)
        case .event(let event): events.append(event)
        case .deployment(let deployment): deployments.append(deployment)
        case .replicaSet(let replicaSet): replicaSets.append(replicaSet)
        case .statefulSet(let statefulSet): statefulSets.append(statefulSet)
        case .daemonSet(let daemonSet): daemonSets.append(daemonSet)
        case .job(let job): jobs.append(job)
        case .service(let service): services.append(service)
        case .endpointSlice(let slice): endpointSlices.append(slice)
        case .node(let node): nodes.append(node)
        case .persistentVolumeClaim(let claim): persistentVolumeClaims.append(claim)
        case .horizontalPodAutoscaler(let autoscaler): horizontalPodAutoscalers.append(autoscaler)
        case .ingress(let ingress): ingresses.append(ingress)
        case .podDisruptionBudget(let budget): podDisruptionBudgets.append(budget)
        }
    }

    /// Adds everything from `other` (another page, another namespace, another file).
    package mutating func merge(_ other: ClusterSnapshot) {
        if pods.isEmpty, interner.isEmpty {
            // Adopt the other's pods (and their interned specs) as they are, without a copy.
            pods = other.pods
            interner = other.interner
        } else {
            for var pod in other.pods {
                interner.intern(&pod)
                pods.append(pod)
            }
        }
        events += other.events
        deployments += other.deployments
        replicaSets += other.replicaSets
        statefulSets += other.statefulSets
        daemonSets += other.daemonSets
        jobs += other.jobs
        services += other.services
        endpointSlices += other.endpointSlices
        nodes += other.nodes
        persistentVolumeClaims += other.persistentVolumeClaims
        horizontalPodAutoscalers += other.horizontalPodAutoscalers
        ingresses += other.ingresses
        podDisruptionBudgets += other.podDisruptionBudgets
        logs.merge(other.logs) { _, new in new }
        collected.formUnion(other.collected)
        unreadable += other.unreadable
    }
}

package struct UnreadableResource: Sendable, Equatable, Codable {
    /// "deployments.apps", "pods/log".
    package var resource: String
    package var namespace: String?
    /// The server's `reason` ("Forbidden") or a short cause.
    package var reason: String
    package var message: String

    package init(resource: String, namespace: String?, reason: String, message: String) {
        self.resource = resource
        self.namespace = namespace
        self.reason = reason
        self.message = message
    }
}
