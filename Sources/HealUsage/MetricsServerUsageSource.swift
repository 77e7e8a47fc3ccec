import HealAnalysis
import HealKube
import HealModel

/// Usage from metrics-server (`metrics.k8s.io`): current usage only, read once or sampled for a
/// few minutes (`MetricsSampler`), so its answers are always low confidence. A workload's
/// figures pool the readings of the pods it runs now (`WorkloadResources.podNames`); a workload
/// none of whose pods has metrics is left out.
///
/// When the API server does not serve metrics.k8s.io (404) or its APIService is down (503),
/// `usage(for:)` throws `UsageError.metricsServerUnavailable`; other refusals (403 …) throw the
/// `KubeError`, which names `list pods.metrics.k8s.io`.
package struct MetricsServerUsageSource: UsageSource {
    static let podMetrics = APIResource(group: "metrics.k8s.io", version: "v1beta1", plural: "pods")

    package let kind = UsageSourceKind.metricsServer
    let client: KubeClient
    let sampler: MetricsSampler

    package init(client: KubeClient, sampler: MetricsSampler = .single) {
        self.client = client
        self.sampler = sampler
    }

    package var label: String {
        sampler.samples == 1
            ? "metrics-server (1 sample)"
            : "metrics-server (\(sampler.samples) samples, \(sampler.interval.components.seconds)s apart)"
    }

    /// Reads one namespace when every workload lives there, else all namespaces at once.
    package func usage(for query: UsageQuery) async throws -> [ResourceRef: WorkloadUsage] {
        guard !query.workloads.isEmpty else { return [:] }
        let namespaces = Set(query.workloads.compactMap(\.ref.namespace))
        let namespace = namespaces.count == 1 ? namespaces.first : nil
        let readings = try await sampler.collect { try await read(namespace: namespace) }
        return Self.usage(of: query.workloads, readings: readings, cpuPercentiles: query.cpuPercentiles)
    }

    /// Pools the readings per workload and container. A pod's scrape read twice (sampling faster
    /// than metrics-server scrapes) counts once: same pod, same `timestamp`.
    static func usage(
        of workloads: [WorkloadResources], readings: [[PodMetrics]], cpuPercentiles: [Double]
    ) -> [ResourceRef: WorkloadUsage] {
        var scrapes: [String: [Timestamp: PodMetrics]] = [:]
        for pod in readings.joined() {
            scrapes["\(pod.metadata.namespace ?? "")/\(pod.metadata.name)", default: [:]][pod.timestamp] = pod
        }
        var answer: [ResourceRef: WorkloadUsage] = [:]
        for workload in workloads {
            var containers: [String: ContainerSamples] = [:]
            let pods = workload.podNames.flatMap { name in
                (scrapes["\(workload.ref.namespace ?? "")/\(name)"] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
            }
            for pod in pods {
                for container in pod.containers {
                    if var samples = containers[container.name] {
                        samples.add(container.usage, scrapedAt: pod.timestamp)
                        containers[container.name] = samples
                    } else {
                        containers[container.name] = ContainerSamples(container.usage, scrapedAt: pod.timestamp)
                    }
                }
            }
            guard !containers.isEmpty else { continue }
            answer[workload.ref] = WorkloadUsage(
                workload: workload.ref, source: .metricsServer,
                containers: containers.reduce(into: [:]) { result, entry in
                    result[entry.key] = entry.value.usage(of: entry.key, cpuPercentiles: cpuPercentiles)
                })
        }
        return answer
    }

    private func read(namespace: String?) async throws -> [PodMetrics] {
        let resource = Self.podMetrics
        let path = resource.collectionPath(namespace: namespace)
        let description = RequestDescription(
            verb: "list", resource: resource.groupResource, namespace: namespace, url: client.connection.server + path)
        do {
            return try await client.get(PodMetricsList.self, path: path, description: description).items
        } catch {
            if let status = error.httpStatus, status == 404 || status == 503 {
                throw UsageError.metricsServerUnavailable(path: path, status: status, detail: error.serverMessage)
            }
            if case .invalidResponse(let detail, _) = error {
                throw UsageError.metricsAnswerInvalid(path: path, detail: detail)
            }
            throw error
        }
    }
}
