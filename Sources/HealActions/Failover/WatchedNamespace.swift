import Foundation
import HealKube
import HealModel

/// The watcher's live copy of what a blue/green Service's status depends on, kept current by
/// watch events. Pod Events are capped to the newest few hundred: only recent ones explain a
/// pod's state.
struct WatchedNamespace {
    enum Change: Sendable {
        case service(WatchEvent<Service>)
        case deployment(WatchEvent<Deployment>)
        case pod(WatchEvent<Pod>)
        case slice(WatchEvent<EndpointSlice>)
        case event(WatchEvent<Event>)
        case tick
    }

    static let eventCap = 500

    private var services: WatchedObjects<Service>
    private var deployments: WatchedObjects<Deployment>
    private var pods: WatchedObjects<Pod>
    private var slices: WatchedObjects<EndpointSlice>
    private var events: WatchedObjects<Event>

    init(_ snapshot: ClusterSnapshot) {
        services = WatchedObjects(snapshot.services) { $0.metadata.name }
        deployments = WatchedObjects(snapshot.deployments) { $0.metadata.name }
        pods = WatchedObjects(snapshot.pods) { $0.metadata.name }
        slices = WatchedObjects(snapshot.endpointSlices) { $0.metadata.name }
        events = WatchedObjects(snapshot.events) { $0.metadata.name }
    }

    var snapshot: ClusterSnapshot {
        var snapshot = ClusterSnapshot()
        snapshot.services = services.values
        snapshot.deployments = deployments.values
        snapshot.pods = pods.values
        snapshot.endpointSlices = slices.values
        snapshot.events = events.values
        snapshot.collected = [.services, .deployments, .pods, .endpointSlices, .events]
        return snapshot
    }

    mutating func apply(_ change: Change) {
        switch change {
        case .service(let event): services.apply(event)
        case .deployment(let event): deployments.apply(event)
        case .pod(let event): pods.apply(event)
        case .slice(let event): slices.apply(event)
        case .event(let event):
            events.apply(event)
            events.cap(Self.eventCap, newerFirst: Event.newerFirst)
        case .tick: break
        }
    }

    /// Every watch (each resuming and relisting on its own, waiting out API server outages) and
    /// a tick, merged into one stream.
    static func changes(observer: FailoverObserver, podSelector: String, tick: Duration, connectivity: WatchConnectivity) -> ChangeFeed {
        let client = observer.client
        let namespace = observer.namespace
        let (stream, continuation) = AsyncThrowingStream<Change, any Error>.makeStream()
        var tasks: [Task<Void, Never>] = []
        func forward<Object: Decodable & Sendable>(
            _ kind: ResourceKind, _ type: Object.Type, labelSelector: String? = nil, fieldSelector: String? = nil,
            _ wrap: @escaping @Sendable (WatchEvent<Object>) -> Change
        ) {
            tasks.append(Task {
                do {
                    for try await event in client.watch(
                        kind, as: type, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector, connectivity: connectivity
                    ) {
                        continuation.yield(wrap(event))
                    }
                } catch {
                    continuation.finish(throwing: error)
                }
            })
        }
        forward(.services, Service.self, fieldSelector: "metadata.name=\(observer.service)") { .service($0) }
        forward(.deployments, Deployment.self) { .deployment($0) }
        forward(.pods, Pod.self, labelSelector: podSelector) { .pod($0) }
        forward(.endpointSlices, EndpointSlice.self, labelSelector: "kubernetes.io/service-name=\(observer.service)") { .slice($0) }
        forward(.events, Event.self, fieldSelector: "involvedObject.kind=Pod") { .event($0) }
        tasks.append(Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                continuation.yield(.tick)
            }
        })
        let feed = ChangeFeed(stream: stream, tasks: tasks)
        continuation.onTermination = { _ in feed.cancel() }
        return feed
    }

    struct ChangeFeed: Sendable {
        let stream: AsyncThrowingStream<Change, any Error>
        let tasks: [Task<Void, Never>]

        func cancel() {
            for task in tasks { task.cancel() }
        }
    }
}
