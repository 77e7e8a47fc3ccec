/// Gateway API (gateway.networking.k8s.io/v1), served only where its CRDs are installed:
/// GatewayClasses (which controller implements a class), Gateways (listeners of a class) and
/// HTTPRoutes (which Gateways they attach to, and which backends they send requests to).
package struct GatewayClass: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var controllerName: String?
    }

    package var metadata: ObjectMeta
    package var spec: Spec?
}

package struct Gateway: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var gatewayClassName: String
    }

    package struct Status: Decodable, Sendable {
        @DefaultEmpty package var conditions: [Condition]
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?
}

package struct HTTPRoute: Decodable, Sendable {
    /// A backend (a Service unless `group`/`kind` say otherwise), in the route's namespace unless
    /// `namespace` names another.
    package struct BackendRef: Decodable, Sendable {
        package var group: String?
        package var kind: String?
        package var name: String
        package var namespace: String?
        package var port: Int?

        package var isService: Bool { (group ?? "").isEmpty && (kind ?? "Service") == "Service" }
    }

    package struct Rule: Decodable, Sendable {
        /// Which requests the rule takes: a path match (`PathPrefix /api`); no match is every request.
        package struct Match: Decodable, Sendable {
            package struct Path: Decodable, Sendable {
                package var value: String?
            }

            package var path: Path?
        }

        @DefaultEmpty package var matches: [Match]
        @DefaultEmpty package var backendRefs: [BackendRef]
    }

    /// A Gateway (unless `kind` says otherwise) the route attaches to.
    package struct ParentRef: Decodable, Sendable {
        package var kind: String?
        package var name: String
        package var namespace: String?
    }

    package struct Spec: Decodable, Sendable {
        @DefaultEmpty package var parentRefs: [ParentRef]
        @DefaultEmpty package var hostnames: [String]
        @DefaultEmpty package var rules: [Rule]
    }

    /// What each parent's controller says of the route (Accepted, ResolvedRefs).
    package struct ParentStatus: Decodable, Sendable {
        package var controllerName: String?
        @DefaultEmpty package var conditions: [Condition]
    }

    package struct Status: Decodable, Sendable {
        @DefaultEmpty package var parents: [ParentStatus]
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?
}

extension ResourceKind {
    package static let gatewayClasses = ResourceKind(
        group: "gateway.networking.k8s.io", version: "v1", plural: "gatewayclasses", kind: "GatewayClass", namespaced: false,
        shortNames: ["gc"], installedByCRD: true)
    package static let gateways = ResourceKind(
        group: "gateway.networking.k8s.io", version: "v1", plural: "gateways", kind: "Gateway", shortNames: ["gtw"], installedByCRD: true)
    package static let httpRoutes = ResourceKind(
        group: "gateway.networking.k8s.io", version: "v1", plural: "httproutes", kind: "HTTPRoute", installedByCRD: true)
}

extension GatewayClass: KubeResource {
    package static var resource: ResourceKind { .gatewayClasses }
}

extension Gateway: KubeResource {
    package static var resource: ResourceKind { .gateways }
}

extension HTTPRoute: KubeResource {
    package static var resource: ResourceKind { .httpRoutes }
}

extension ClusterSnapshot {
    package var gatewayClasses: [GatewayClass] {
        get { self[GatewayClass.self] }
        _modify { yield &self[GatewayClass.self] }
    }

    package var gateways: [Gateway] {
        get { self[Gateway.self] }
        _modify { yield &self[Gateway.self] }
    }

    package var httpRoutes: [HTTPRoute] {
        get { self[HTTPRoute.self] }
        _modify { yield &self[HTTPRoute.self] }
    }
}
