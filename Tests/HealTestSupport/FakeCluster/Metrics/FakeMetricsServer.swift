import Foundation

/// The fake cluster's metrics-server behind `/apis/metrics.k8s.io/v1beta1`: absent until a
/// test sets some usage (then the API server answers 404 for the group, as without
/// metrics-server), serving PodMetrics for Running pods from then on, or down (the
/// aggregator's 503) when a test says so.
struct FakeMetricsServer: Sendable {
    enum Availability: Sendable {
        case notInstalled, serving, down
    }

    /// One container's usage and when it was "scraped" (set).
    struct Reading: Sendable {
        let nanocores: Int
        let bytes: Int
        let timestamp: String
    }

    var availability = Availability.notInstalled
    /// `namespace/deployment` → container → reading: every pod of the Deployment, now and later.
    var byDeployment: [String: [String: Reading]] = [:]
    /// `namespace/pod` → container → reading; wins over the Deployment's.
    var byPod: [String: [String: Reading]] = [:]

    static let prefix = ["apis", "metrics.k8s.io", "v1beta1"]

    /// Whether the path is under `/apis/metrics.k8s.io/`.
    static func serves(_ request: RecordedRequest) -> Bool {
        request.path.split(separator: "/").map(String.init).starts(with: prefix.prefix(2))
    }

    /// The answer for a path under `/apis/metrics.k8s.io/`.
    static func respond(to request: RecordedRequest, in state: ClusterState) -> WireResponse {
        let components = request.path.split(separator: "/").map(String.init)
        switch state.metricsServer.availability {
        case .notInstalled:
            return .json(KubeStatus.notFound(resource: nil, group: "", name: nil), status: 404)
        case .down:
            // kube-aggregator's http.Error for an APIService that is not Available.
            var response = WireResponse(status: 503, contentType: "text/plain; charset=utf-8", body: Data("service unavailable\n".utf8))
            response.headers.append(("X-Content-Type-Options", "nosniff"))
            return response
        case .serving:
            let rest = components.starts(with: prefix) ? Array(components.dropFirst(prefix.count)) : []
            let namespace: String?
            switch rest {
            case ["pods"]: namespace = nil
            case let parts where parts.count == 3 && parts[0] == "namespaces" && parts[2] == "pods": namespace = parts[1]
            default: return .json(KubeStatus.notFound(resource: nil, group: "", name: nil), status: 404)
            }
            let selector: LabelSelector
            do { selector = try LabelSelector(parsing: request.query("labelSelector") ?? "") } catch {
                return .json(KubeStatus.body(code: 400, reason: "BadRequest", message: "unable to parse requirement: \(error)"), status: 400)
            }
            return .json(list(in: state, namespace: namespace, selector: selector))
        }
    }

    /// A PodMetricsList as metrics-server writes it: one item per Running pod that has usage,
    /// containers in spec order, quantities in Go's canonical form.
    private static func list(in state: ClusterState, namespace: String?, selector: LabelSelector) -> JSONValue {
        let items: [JSONValue] = state.store.list(.pods, namespace: namespace).compactMap { _, pod in
            guard pod.value(at: ["status", "phase"])?.stringValue == "Running", selector.matches(pod.labels),
                let podNamespace = pod.namespace
            else { return nil }
            let deployment = Kubelet.deployment(of: pod, in: state)
            let readings = (deployment.flatMap { state.metricsServer.byDeployment[$0] } ?? [:])
                .merging(state.metricsServer.byPod["\(podNamespace)/\(pod.name)"] ?? [:]) { $1 }
            let containers: [(String, Reading)] = (pod.value(at: ["spec", "containers"])?.arrayValue ?? []).compactMap { container in
                let name = container["name"]?.stringValue ?? ""
                return readings[name].map { (name, $0) }
            }
            guard let newest = containers.map(\.1.timestamp).max() else { return nil }
            return [
                "metadata": [
                    "name": .string(pod.name), "namespace": .string(podNamespace),
                    "creationTimestamp": .string(state.timestampNow), "labels": .stringMap(pod.labels),
                ],
                "timestamp": .string(newest), "window": "15.012s",
                "containers": .array(containers.map { name, reading in
                    ["name": .string(name), "usage": ["cpu": .string(cpu(reading.nanocores)), "memory": .string(memory(reading.bytes))]]
                }),
            ]
        }
        return ["kind": "PodMetricsList", "apiVersion": "metrics.k8s.io/v1beta1", "metadata": .object([]), "items": .array(items)]
    }

    /// CPU as Go's `resource.Quantity` prints nanocores: the largest exact decimal suffix
    /// (`1423108n`, `250m`, `2`).
    private static func cpu(_ nanocores: Int) -> String {
        canonical(nanocores, base: 1000, suffixes: ["n", "u", "m", ""])
    }

    /// Memory as Go's BinarySI prints bytes: the largest exact binary suffix (`11896Ki`, `128Mi`).
    private static func memory(_ bytes: Int) -> String {
        canonical(bytes, base: 1024, suffixes: ["", "Ki", "Mi", "Gi", "Ti"])
    }

    private static func canonical(_ value: Int, base: Int, suffixes: [String]) -> String {
        guard value != 0 else { return "0" }
        var value = value
        var index = 0
        while value % base == 0, index + 1 < suffixes.count {
            value /= base
            index += 1
        }
        return "\(value)\(suffixes[index])"
    }
}
