import Foundation
import HealModel
import Synchronization

/// One kind's objects in one scope, kept current by a list and then a watch that never gives up
/// (`KubeClient.watch`: resumed from the last resourceVersion, relisted on 410, outages waited
/// out with backoff), as client-go's shared informer. Every consumer reads the same store and
/// hears of each change after the store has it; none of them lists or watches on its own.
/// Created and stopped by `SharedInformers`.
package final class Informer<Object: KubeResource>: Sendable {
    package typealias Changes = AsyncThrowingStream<WatchEvent<Object>, any Error>

    private struct State {
        var objects: [String: Object] = [:]
        var synced = false
        /// False once `trimLive` dropped objects since the last list: the store is not all the
        /// scope holds.
        var complete = true
        /// Whether the watch streams now: false from an interruption until it is open again.
        var streaming = false
        /// Why the watch ended for good (a refusal); the store stays as it last was.
        var failure: (any Error)?
        var stopped = false
        var lastHeard: Date?
        var subscribers: [UUID: Changes.Continuation] = [:]
        var syncWaiters: [UUID: CheckedContinuation<Void, any Error>] = [:]
        var task: Task<Void, Never>?
    }

    package let scope: InformerScope
    private let state = Mutex(State())

    init(scope: InformerScope) {
        self.scope = scope
    }

    // MARK: Reading

    /// Whether the first list has arrived: before it the store is empty, not "nothing there".
    package var synced: Bool { state.withLock { $0.synced } }

    /// Synced and streaming: what the store holds is as fresh as the watch (not frozen by an
    /// outage, a refusal or a stop).
    package var current: Bool { status.current }

    /// Whether its watch ended (refused or stopped): it holds what it last had and will not change.
    var ended: Bool { state.withLock { $0.failure != nil || $0.stopped } }

    /// Whether the store holds every object of the scope, none trimmed away (a collection must
    /// not read a trimmed store as if it were a list).
    package var complete: Bool { state.withLock { $0.complete } }

    package var count: Int { state.withLock { $0.objects.count } }

    package var status: InformerStatus {
        state.withLock { state in
            InformerStatus(
                scope: scope, current: state.synced && state.streaming && state.failure == nil && !state.stopped, objects: state.objects.count,
                lastHeard: state.lastHeard)
        }
    }

    /// Whether a consumer follows its changes or waits for its first list.
    var followed: Bool { state.withLock { !$0.subscribers.isEmpty || !$0.syncWaiters.isEmpty } }

    /// Every object, in the order a list returns them (by namespace, then name), so that what
    /// is made from them reads the same every time.
    package var objects: [Object] { objects(in: nil) }

    /// The objects in `namespace` (nil: all), for a consumer sharing a wider informer; in list
    /// order.
    package func objects(in namespace: String?) -> [Object] {
        let entries = state.withLock { state in
            namespace.map { namespace in state.objects.filter { $0.value.metadata.namespace == namespace } } ?? state.objects
        }
        return entries.sorted { $0.key < $1.key }.map(\.value)
    }

    package subscript(namespace: String?, name: String) -> Object? {
        state.withLock { $0.objects[Self.key(namespace: namespace, name: name)] }
    }

    /// Each change from now on, after the store has it. The stream ends with the informer: with
    /// the refusal that ended its watch, or plainly when it is stopped. `newestOnly`: a consumer
    /// that only needs to know something changed keeps the last change, not a backlog of objects.
    package func changes(newestOnly: Bool = false) -> Changes {
        let (stream, continuation) = Changes.makeStream(bufferingPolicy: newestOnly ? .bufferingNewest(1) : .unbounded)
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        let ended = state.withLock { state -> (failure: (any Error)?, stopped: Bool) in
            if state.failure == nil, !state.stopped { state.subscribers[id] = continuation }
            return (state.failure, state.stopped)
        }
        if let failure = ended.failure {
            continuation.finish(throwing: failure)
        } else if ended.stopped {
            continuation.finish()
        }
        return stream
    }

    /// Returns once the first list has arrived; throws the refusal that ended the watch first,
    /// or `CancellationError` when the informer is stopped before.
    package func waitUntilSynced() async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Void, any Error>) in
                state.withLock { state in
                    if state.synced {
                        waiter.resume()
                    } else if let failure = state.failure {
                        waiter.resume(throwing: failure)
                    } else if state.stopped || Task.isCancelled {
                        waiter.resume(throwing: CancellationError())
                    } else {
                        state.syncWaiters[id] = waiter
                    }
                }
            }
        } onCancel: {
            state.withLock { $0.syncWaiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    // MARK: Running

    func start(client: KubeClient, connectivity: WatchConnectivity?) {
        let scope = scope
        state.withLock { state in
            guard state.task == nil, !state.stopped else { return }
            state.task = Task { [self] in
                do {
                    for try await event in client.watch(
                        scope.kind, as: Object.self, namespace: scope.namespace, labelSelector: scope.labelSelector,
                        fieldSelector: scope.fieldSelector, connectivity: connectivity, streaming: { [weak self] in self?.setStreaming($0) }
                    ) {
                        apply(event)
                    }
                    end(nil)
                } catch {
                    end(Task.isCancelled ? nil : error)
                }
            }
        }
    }

    func stop() {
        state.withLock { $0.task }?.cancel()
        end(nil)
    }

    /// A cancelled watch task may still report a connection it opened just before the stop.
    private func setStreaming(_ streaming: Bool) {
        state.withLock { state in
            if !state.stopped { state.streaming = streaming }
        }
    }

    private func apply(_ event: WatchEvent<Object>) {
        state.withLock { state in
            state.lastHeard = .now
            switch event {
            case .added(let object), .modified(let object): state.objects[Self.key(object.metadata)] = object
            case .deleted(let object): state.objects[Self.key(object.metadata)] = nil
            case .relisted(let all, _):
                state.objects = Dictionary(all.map { (Self.key($0.metadata), $0) }, uniquingKeysWith: { _, newer in newer })
                state.synced = true
                state.complete = true
                for waiter in state.syncWaiters.values { waiter.resume() }
                state.syncWaiters = [:]
            case .bookmark: break
            }
            let held = state.objects.count
            Object.trimLive(&state.objects)
            if state.objects.count < held { state.complete = false }
            for subscriber in state.subscribers.values { subscriber.yield(event) }
        }
    }

    /// The watch ended: refused for good (`failure`) or stopped.
    private func end(_ failure: (any Error)?) {
        let subscribers = state.withLock { state -> [Changes.Continuation] in
            guard !state.stopped, state.failure == nil else { return [] }
            if let failure { state.failure = failure } else { state.stopped = true }
            state.streaming = false
            for waiter in state.syncWaiters.values { waiter.resume(throwing: failure ?? CancellationError()) }
            state.syncWaiters = [:]
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        // Outside the lock: finishing runs each stream's termination handler, which takes it.
        for subscriber in subscribers {
            if let failure { subscriber.finish(throwing: failure) } else { subscriber.finish() }
        }
    }

    static func key(_ meta: ObjectMeta) -> String {
        key(namespace: meta.namespace, name: meta.name)
    }

    static func key(namespace: String?, name: String) -> String {
        "\(namespace ?? "")/\(name)"
    }
}
