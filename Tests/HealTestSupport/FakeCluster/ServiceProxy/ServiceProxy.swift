import Foundation

/// kube-apiserver's service proxy, `/api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/…`,
/// resolved as kube-apiserver does: a port number must be one of the Service's ports (else 503
/// "no service port … found"), a port name is looked up among the ready endpoints (none: 503
/// "no endpoints available for service …"; no Service either: 404 for its endpoints). The request
/// then goes to the test's upstream (`setServiceProxy`) with the path after `/proxy`; without
/// one nothing listens on the pod (503 "error trying to reach service").
enum ServiceProxy {
    /// A test's stand-in for the program behind a Service: it gets the request with the path after `/proxy`.
    typealias Upstream = @Sendable (RecordedRequest) -> UpstreamReply

    enum Route {
        /// The API server answers itself (an error `Status`).
        case answer(WireResponse)
        /// The upstream answers this request (its path is the one after `/proxy`), outside the
        /// cluster's lock so it may act on the cluster.
        case upstream(Upstream, RecordedRequest)
    }

    /// A service proxy path taken apart: `/api/v1/namespaces/NS/services/ID/proxy/PATH`.
    struct Target {
        let namespace: String
        /// `[SCHEME:]NAME[:PORT]`.
        let id: String
        let upstreamPath: String

        /// nil for paths outside the service proxy.
        init?(_ request: RecordedRequest) {
            let components = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
            guard components.count >= 7, components[0] == "api", components[1] == "v1", components[2] == "namespaces",
                components[4] == "services", components[6] == "proxy"
            else { return nil }
            namespace = components[3]
            id = components[5]
            upstreamPath = "/" + components.dropFirst(7).joined(separator: "/")
        }
    }

    /// Where the request for `target` goes.
    static func route(_ target: Target, _ request: RecordedRequest, in state: ClusterState) -> Route {
        let namespace = target.namespace
        let parts = target.id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let (name, port): (String, String)
        switch parts.count {
        case 1: (name, port) = (parts[0], "")
        case 2: (name, port) = (parts[0], parts[1])
        case 3 where ["", "http", "https"].contains(parts[0]): (name, port) = (parts[1], parts[2])
        default: return failure(400, "BadRequest", "invalid service request \"\(target.id)\"")
        }
        let service = state.store[ObjectKey(type: .services, namespace: namespace, name: name)]
        var portName = port
        if let number = Int(port) {
            guard let service else { return .answer(.json(KubeStatus.notFound(resource: "services", group: "", name: name), status: 404)) }
            guard let declared = (service.value(at: ["spec", "ports"])?.arrayValue ?? []).first(where: { $0["port"]?.intValue == number }) else {
                return failure(503, "ServiceUnavailable", "no service port \(number) found for service \"\(name)\"")
            }
            portName = declared["name"]?.stringValue ?? ""
        }
        guard service != nil else { return .answer(.json(KubeStatus.notFound(resource: "endpoints", group: "", name: name), status: 404)) }
        guard let address = readyAddress(namespace: namespace, service: name, portName: portName, in: state) else {
            return failure(503, "ServiceUnavailable", "no endpoints available for service \"\(name)\"")
        }
        guard let upstream = state.upstreams["\(namespace)/\(name)"] else {
            return failure(503, "ServiceUnavailable", "error trying to reach service: dial tcp \(address): connect: connection refused")
        }
        return .upstream(upstream, RecordedRequest(
            method: request.method, path: target.upstreamPath, queryItems: request.queryItems, headers: request.headers, body: request.body))
    }

    /// `IP:port` of the first ready endpoint serving `portName` (empty: the only port).
    private static func readyAddress(namespace: String, service: String, portName: String, in state: ClusterState) -> String? {
        for (_, slice) in state.store.list(.endpointSlices, namespace: namespace) where slice.labels["kubernetes.io/service-name"] == service {
            let ports = slice["ports"]?.arrayValue ?? []
            guard let port = (portName.isEmpty ? ports.first : ports.first { $0["name"]?.stringValue == portName })?["port"]?.intValue else {
                continue
            }
            let ready = (slice["endpoints"]?.arrayValue ?? []).first { $0.value(at: ["conditions", "ready"])?.boolValue == true }
            if let ip = ready?["addresses"]?.arrayValue?.first?.stringValue { return "\(ip):\(port)" }
        }
        return nil
    }

    private static func failure(_ code: Int, _ reason: String, _ message: String) -> Route {
        .answer(.json(KubeStatus.body(code: code, reason: reason, message: message), status: code))
    }
}
