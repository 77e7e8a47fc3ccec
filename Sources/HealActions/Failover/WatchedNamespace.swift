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

    private var services: [String: Service] = [:]
    private var deployments: [String: Deployment] = [:]
    private var pods: [String: Pod] = [:]
    private var slices: [String: EndpointSlice] = [:]
    private var events: [String: Event] = [:]

    init(_ snapshot: ClusterSnapshot) {
        services = Self.keyed(snapshot.services, \.metadata)
        deployments = Self.keyed(snapshot.deployments, \.metadata)
        pods = Self.keyed(snapshot.pods, \.metadata)
        slices = Self.keyed(snapshot.endpointSlices, \.metadata)
        events = Self.keyed(snapshot.events, \.metadata)
    }

    var snapshot: ClusterSnapshot {
        var snapshot = ClusterSnapshot()
        snapshot.services = Array(services.values)
        snapshot.deployments = Array(deployments.values)
        snapshot.pods = Array(pods.values)
        snapshot.endpointSlices = Array(slices.values)
        snapshot.events = Array(events.values)
        snapshot.collected = [.services, .deployments, .pods, .endpointSlices, .events]
        return snapshot
    }

    mutating func apply(_ change: Change) {
        switch change {
        case .service(let event): Self.apply(event, to: &services, \.metadata)
        case .deployment(let event): Self.apply(event, to: &deployments, \.metadata)
        case .pod(let event): Self.apply(event, to: &pods, \.metadata)
        case .slice(let event): Self.apply(event, to: &slices, \.metadata)
        case .event(let event):
            Self.apply(event, to: &events, \.metadata)
            if events.count > Self.eventCap {
                let newest = events.values.sorted { ($0.lastSeen ?? Timestamp(secondsSince1970: 0)) > ($1.lastSeen ?? Timestamp(secondsSince1970: 0)) }
                events = Self.keyed(Array(newest.prefix(Self.eventCap)), \.metadata)
            }
        case .tick: break
        }
    }

    private static func apply<Object>(_ event: WatchEvent<Object>, to objects: inout [String: Object], _ meta: KeyPath<Object, ObjectMeta>) {
        switch event {
        case .added(let object), .modified(let object): objects[object[keyPath: meta].name] = object
        case .deleted(let object): objects[object[keyPath: meta].name] = nil
        case .relisted(let all, _): objects = keyed(all, meta)
        case .bookmark: break
        }
    }

    private static func keyed<Object>(_ objects: [Object], _ meta: KeyPath<Object, ObjectMeta>) -> [String: Object] {
        Dictionary(objects.map { ($0[keyPath: meta].name, $0) }, uniquingKeysWith: { _, newer in newer })
    }

    /// Every watch (each resuming and relisting on its own) and a tick, merged into one stream.
    static func changes(observer: FailoverObserver, podSelector: String, tick: Duration) -> ChangeFeed {
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
                    for try await event in client.watch(kind, as: type, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector) {
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
