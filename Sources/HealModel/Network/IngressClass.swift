/// networking.k8s.io/v1, cluster-scoped: which controller serves Ingresses naming this class.
package struct IngressClass: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var controller: String?
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
}

extension ResourceKind {
    package static let ingressClasses = ResourceKind(group: "networking.k8s.io", version: "v1", plural: "ingressclasses", kind: "IngressClass", namespaced: false, statusSubresource: false)
}

extension IngressClass: KubeResource {
    package static var resource: ResourceKind { .ingressClasses }
}

extension ClusterSnapshot {
    package var ingressClasses: [IngressClass] {
        get { self[IngressClass.self] }
        _modify { yield &self[IngressClass.self] }
    }
}
