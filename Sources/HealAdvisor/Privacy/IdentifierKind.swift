/// What a masked identifier was, which decides its placeholder: names become `<kind>-<n>`
/// (`pod-3`), hosts and registries stay host names, addresses stay addresses (from the ranges
/// reserved for documentation) and e-mails stay e-mails, so the model still reads the text as
/// it was meant.
///
/// The cases are listed from the most to the least telling: a name known as several kinds (a
/// Deployment, its Service and its container all called `web`) gets one placeholder, of the
/// first kind in this order.
package enum IdentifierKind: String, Sendable, CaseIterable {
    case namespace
    case deployment
    case statefulset
    case daemonset
    case cronjob
    case job
    case replicaset
    case pod
    case service
    case endpointslice
    case ingress
    case hpa
    case pdb
    case pvc
    case pv
    case configmap
    case secret
    case serviceaccount
    case node
    case container
    /// Any other kind an owner reference or an event names (custom resources such as Argo
    /// Rollouts): the name is as private as a Deployment's.
    case object
    case registry
    case host
    /// IPv4.
    case ip
    case ipv6
    case email

    /// The `number`th placeholder of this kind (numbers start at 1).
    package func placeholder(_ number: Int) -> String {
        switch self {
        case .host: "host-\(number).example"
        case .registry: "registry-\(number).example"
        case .email: "user-\(number)@example.com"
        case .ip: Self.ipv4Placeholder(number)
        case .ipv6: Self.ipv6Placeholder(number)
        default: "\(rawValue)-\(number)"
        }
    }

    /// The kind for an object kind as the API names it (`ReplicaSet`, an owner reference's or an
    /// event's kind); kinds without a case of their own are `.object`.
    package static func forObjectKind(_ kind: String) -> IdentifierKind {
        switch kind {
        case "Namespace": .namespace
        case "Deployment": .deployment
        case "StatefulSet": .statefulset
        case "DaemonSet": .daemonset
        case "CronJob": .cronjob
        case "Job": .job
        case "ReplicaSet": .replicaset
        case "Pod": .pod
        case "Service": .service
        case "EndpointSlice", "Endpoints": .endpointslice
        case "Ingress": .ingress
        case "HorizontalPodAutoscaler": .hpa
        case "PodDisruptionBudget": .pdb
        case "PersistentVolumeClaim": .pvc
        case "PersistentVolume": .pv
        case "ConfigMap": .configmap
        case "Secret": .secret
        case "ServiceAccount": .serviceaccount
        case "Node": .node
        default: .object
        }
    }

    /// Position in `allCases`: lower is more telling.
    var rank: Int { Self.ranks[self, default: Self.allCases.count] }

    private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })

    /// The three IPv4 documentation networks (RFC 5737) first, 254 addresses each, then the
    /// benchmarking network 198.18.0.0/15 (RFC 2544): never a real host, still an address.
    private static func ipv4Placeholder(_ number: Int) -> String {
        let documentation = ["192.0.2", "198.51.100", "203.0.113"]
        let perNetwork = 254
        if number <= documentation.count * perNetwork {
            let index = number - 1
            return "\(documentation[index / perNetwork]).\(index % perNetwork + 1)"
        }
        let offset = number - documentation.count * perNetwork - 1
        guard offset < 1 << 17 else { return "ip-\(number)" }
        return "198.\(18 + (offset >> 16)).\((offset >> 8) & 0xFF).\(offset & 0xFF)"
    }

    /// In the IPv6 documentation prefix 2001:db8::/32 (RFC 3849).
    private static func ipv6Placeholder(_ number: Int) -> String {
        if number <= 0xFFFF { return "2001:db8::\(String(number, radix: 16))" }
        return "2001:db8::\(String(number >> 16, radix: 16)):\(String(number & 0xFFFF, radix: 16))"
    }
}
