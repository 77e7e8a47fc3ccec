/// networking.k8s.io/v1: which pods a policy isolates. Its rules are not read: diagnosis only
/// asks whether it selects anything.
package struct NetworkPolicy: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        /// Empty selects every pod of the namespace.
        package var podSelector: LabelSelector?
        @DefaultEmpty package var policyTypes: [String]
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
}

extension ResourceKind {
    package static let networkPolicies = ResourceKind(group: "networking.k8s.io", version: "v1", plural: "networkpolicies", kind: "NetworkPolicy", statusSubresource: false, shortNames: ["netpol"])
}

extension NetworkPolicy: KubeResource {
    package static var resource: ResourceKind { .networkPolicies }
}

extension ClusterSnapshot {
    package var networkPolicies: [NetworkPolicy] {
        get { self[NetworkPolicy.self] }
        _modify { yield &self[NetworkPolicy.self] }
    }
}
