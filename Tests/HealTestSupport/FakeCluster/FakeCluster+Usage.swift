/// metrics-server for the fake cluster: `metrics.k8s.io` is not served (404) until a test sets
/// some usage, then PodMetrics are served for Running pods that have usage (`kubectl top`'s
/// `GET /apis/metrics.k8s.io/v1beta1[/namespaces/NS]/pods`, `labelSelector` honoured).
///
/// ```swift
/// cluster.setUsage(namespace: "shop", deployment: "cart", container: "cart", cpu: "250m", memory: "96Mi")
/// cluster.advanceClock(by: .seconds(30))   // the next "scrape" is 30s later
/// cluster.setUsage(namespace: "shop", deployment: "cart", container: "cart", cpu: "400m", memory: "110Mi")
/// ```
extension FakeCluster {
    /// The usage of `container` in every pod of `namespace/deployment`, now and later, as scraped
    /// now on the cluster's clock. `cpu` and `memory` are quantities (`250m`, `96Mi`).
    package func setUsage(namespace: String, deployment: String, container: String, cpu: String, memory: String) {
        shared.withLock { state in
            let reading = Self.reading(cpu: cpu, memory: memory, at: state.timestampNow)
            state.metricsServer.byDeployment["\(namespace)/\(deployment)", default: [:]][container] = reading
            state.metricsServer.availability = .serving
        }
    }

    /// The usage of `container` in one pod, over what its Deployment's usage says.
    package func setUsage(namespace: String, pod: String, container: String, cpu: String, memory: String) {
        shared.withLock { state in
            let reading = Self.reading(cpu: cpu, memory: memory, at: state.timestampNow)
            state.metricsServer.byPod["\(namespace)/\(pod)", default: [:]][container] = reading
            state.metricsServer.availability = .serving
        }
    }

    /// metrics-server stops answering while its APIService stays registered: every
    /// `metrics.k8s.io` request gets the aggregator's plain-text 503 "service unavailable".
    package func stopMetricsServer() {
        shared.withLock { $0.metricsServer.availability = .down }
    }

    private static func reading(cpu: String, memory: String, at timestamp: String) -> FakeMetricsServer.Reading {
        guard let nanocores = Quantity.nanocores(cpu), let bytes = Quantity.bytes(memory) else {
            preconditionFailure("setUsage: \(cpu) / \(memory) are not CPU and memory quantities")
        }
        return FakeMetricsServer.Reading(nanocores: nanocores, bytes: bytes, timestamp: timestamp)
    }
}
