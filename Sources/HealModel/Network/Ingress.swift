package struct Ingress: Decodable, Sendable {
    package struct Backend: Decodable, Sendable {
        package struct ServiceBackend: Decodable, Sendable {
            package struct Port: Decodable, Sendable {
                package var number: Int?
                package var name: String?
            }

            package var name: String
            package var port: Port?
        }

        package var service: ServiceBackend?
    }

    package struct Path: Decodable, Sendable {
        package var path: String?
        package var backend: Backend
    }

    package struct Rule: Decodable, Sendable {
        package struct HTTP: Decodable, Sendable {
            @DefaultEmpty package var paths: [Path]
        }

        package var host: String?
        package var http: HTTP?
    }

    package struct TLS: Decodable, Sendable {
        @DefaultEmpty package var hosts: [String]
        package var secretName: String?
    }

    package struct Spec: Decodable, Sendable {
        package var ingressClassName: String?
        package var defaultBackend: Backend?
        @DefaultEmpty package var tls: [TLS]
        @DefaultEmpty package var rules: [Rule]
    }

    package var metadata: ObjectMeta
    package var spec: Spec
}

extension ResourceKind {
    package static let ingresses = ResourceKind(group: "networking.k8s.io", version: "v1", plural: "ingresses", kind: "Ingress", shortNames: ["ing"])
}

extension Ingress: KubeResource {
    package static var resource: ResourceKind { .ingresses }}

extension ClusterSnapshot {
    package var ingresses: [Ingress] {
        get { self[Ingress.self] }
        _modify { yield &self[Ingress.self] }
    }
}
