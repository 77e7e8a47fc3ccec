import Foundation
import HealAnalysis
import HealKube
import HealModel

/// Reads what a blue/green Service's status depends on — the Service, the Deployments of its
/// namespace, the pods its selector could pick whatever the colour, their EndpointSlices and
/// pod events — and evaluates it. Six requests, whatever the cluster's size.
package struct FailoverObserver: Sendable {
    package let client: KubeClient
    package let service: String
    package let namespace: String
    package let label: String?

    package init(client: KubeClient, service: String, namespace: String, label: String?) {
        self.client = client
        self.service = service
        self.namespace = namespace
        self.label = label
    }

    /// Read from the API, as a switch needs (it must see its own writes); with `informers` (a
    /// read-only look from a process that keeps them), from their stores when they are all
    /// current.
    package func status(now: Date = Date(), informers: SharedInformers? = nil) async throws -> FailoverStatus {
        let current = try informers.flatMap { try FailoverInformers($0, observer: self).currentSnapshot(label: label) }
        let snapshot = if let current { current } else { try await snapshot() }
        return try FailoverStatus.evaluate(snapshot, service: service, namespace: namespace, label: label, now: Timestamp(now))
    }

    package func snapshot() async throws -> ClusterSnapshot {
        let found = try await serviceObject()
        var snapshot = ClusterSnapshot()
        snapshot.services = [found]
        async let slices = all(.endpointSlices, EndpointSlice.self, labelSelector: "kubernetes.io/service-name=\(service)")
        async let events = all(.events, Event.self, fieldSelector: "involvedObject.kind=Pod")
        snapshot.deployments = try await all(.deployments, Deployment.self)
        let topology = try BlueGreenTopology.discover(service: found, deployments: snapshot.deployments, label: label)
        snapshot.pods = try await all(.pods, Pod.self, labelSelector: topology.podSelector)
        snapshot.endpointSlices = try await slices
        snapshot.events = try await events
        snapshot.collected = [.services, .deployments, .pods, .endpointSlices, .events]
        return snapshot
    }

    package func serviceObject() async throws -> Service {
        try await object(.services, named: service, as: Service.self)
    }

    /// One object of the namespace, freshly read; a 404 becomes `objectMissing`.
    package func object<Object: Decodable>(_ kind: ResourceKind, named name: String, as type: Object.Type) async throws -> Object {
        do {
            let data = try await client.object(APIResource(kind), namespace: namespace, name: name)
            return try JSONDecoder().decode(type, from: data)
        } catch let error as KubeError where error.httpStatus == 404 {
            throw FailoverError.objectMissing(kind: kind.kind.lowercased(), name: name, namespace: namespace)
        }
    }

    private func all<Object: Decodable & Sendable>(
        _ kind: ResourceKind, _ type: Object.Type, labelSelector: String? = nil, fieldSelector: String? = nil
    ) async throws -> [Object] {
        var items: [Object] = []
        try await client.list(kind, as: type, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector) { items += $0 }
        return items
    }
}
