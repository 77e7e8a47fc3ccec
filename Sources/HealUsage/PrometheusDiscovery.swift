import HealKube
import HealModel

/// Finds the Prometheus server of the usual Helm charts among the cluster's Services, to be
/// reached through the API server's service proxy (`ServiceProxyPrometheusTransport`).
package struct PrometheusDiscovery: Sendable {
    let client: KubeClient
    let rules: [PrometheusServiceRule]

    package init(client: KubeClient, rules: [PrometheusServiceRule] = PrometheusServiceRule.all) {
        self.client = client
        self.rules = rules
    }

    /// Lists Services by each rule's labels in every namespace, or only in `namespace` when
    /// listing Services at cluster scope is forbidden. Several matches: the earliest rule wins,
    /// then namespace and name; a Service matched by two rules counts for the earlier.
    /// Throws `UsageError.prometheusNotFound` when nothing matches, a `KubeError` when a list fails.
    package func discover(namespace: String) async throws -> DiscoveredPrometheus {
        var scope: String?
        var candidates: [DiscoveredPrometheus.Candidate] = []
        for rule in rules {
            let services: [Service]
            do {
                services = try await list(rule, namespace: scope)
            } catch let error as KubeError where error.httpStatus == 403 && scope == nil {
                scope = namespace
                services = try await list(rule, namespace: scope)
            }
            let matches = services.compactMap { service -> DiscoveredPrometheus.Candidate? in
                guard let serviceNamespace = service.metadata.namespace,
                    let port = service.spec.ports.first(where: { $0.name == rule.port })
                else { return nil }
                let found = PrometheusService(namespace: serviceNamespace, name: service.metadata.name, port: rule.port)
                guard !candidates.contains(where: { $0.service.namespace == found.namespace && $0.service.name == found.name }) else {
                    return nil
                }
                return DiscoveredPrometheus.Candidate(service: found, rule: rule, portNumber: port.port)
            }
            candidates += matches.sorted { ($0.service.namespace, $0.service.name) < ($1.service.namespace, $1.service.name) }
        }
        guard let chosen = candidates.first else {
            throw UsageError.prometheusNotFound(namespace: scope, lookedFor: rules.map(\.description))
        }
        return DiscoveredPrometheus(chosen: chosen, passedOver: Array(candidates.dropFirst()), namespace: scope)
    }

    private func list(_ rule: PrometheusServiceRule, namespace: String?) async throws -> [Service] {
        var services: [Service] = []
        try await client.list(.services, as: Service.self, namespace: namespace, labelSelector: rule.selector) { services += $0 }
        return services
    }
}
