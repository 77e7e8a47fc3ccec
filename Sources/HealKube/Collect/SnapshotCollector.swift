import Foundation
import HealHTTP
import HealModel
import Logging

/// Reads a live cluster into a `ClusterSnapshot`: every requested kind listed concurrently and
/// page by page, then the logs of crashing containers with bounded concurrency. Pods are the
/// core of a diagnosis: if they cannot be read the collection fails. Any other kind that is
/// refused (RBAC), missing (an API group the cluster does not serve) or fails is recorded in
/// `unreadable` and the diagnosis continues without it.
///
/// With a long-running process's informers (the MCP server), a kind whose informer is current
/// (listed and streaming) and complete (nothing trimmed) is read from its store instead of
/// listed; any other is listed as always, and its informer is started so the next collection
/// finds it current. An informer that is not current never answers: an outage or a refusal
/// surfaces as a list's error would.
package struct SnapshotCollector: Sendable {
    private let client: KubeClient
    private let informers: SharedInformers?
    private let logger: Logger

    package init(client: KubeClient, informers: SharedInformers? = nil, logger: Logger = Logger(label: "heal.collect")) {
        self.client = client
        self.informers = informers
        self.logger = logger
    }

    package func collect(
        _ scope: CollectionScope, progress: @escaping @Sendable (CollectionProgress) -> Void = { _ in }
    ) async throws -> ClusterSnapshot {
        let kinds = scope.kinds.union([.pods]).sorted()
        let tracker = ProgressTracker(totalKinds: kinds.count, report: progress)
        var snapshot = ClusterSnapshot()
        snapshot.referenceTime = Timestamp(Date())
        snapshot.namespaceScope = scope.namespace
        snapshot.excludedNamespaces = Set(scope.excludedNamespaces)
        try await withThrowingTaskGroup(of: ClusterSnapshot.self) { group in
            for kind in kinds {
                group.addTask { try await collectKind(kind, scope: scope, tracker: tracker) }
            }
            for try await part in group {
                snapshot.merge(part)
            }
        }
        if scope.logs.enabled {
            let logs = await collectLogs(for: snapshot.pods, policy: scope.logs, tracker: tracker)
            snapshot.logs = logs.logs
            snapshot.unreadable += logs.unreadable
        }
        return snapshot
    }

    /// The logs of the crashing containers among `pods` (the watcher fetches them for pods
    /// that start crashing after the first collection).
    package func crashLogs(for pods: [Pod], policy: LogPolicy = LogPolicy()) async -> [ContainerLogKey: ContainerLogs] {
        await collectLogs(for: pods, policy: policy, tracker: ProgressTracker(totalKinds: 0, report: { _ in })).logs
    }

    private func collectKind(_ kind: ResourceKind, scope: CollectionScope, tracker: ProgressTracker) async throws -> ClusterSnapshot {
        var part = ClusterSnapshot()
        do {
            do {
                try await listInto(&part, kind: kind, scope: scope, tracker: tracker)
            } catch let error as KubeError where error.httpStatus == 410 {
                // The continue token expired mid-list (the server compacted): list again from
                // the start, once, as client-go's pager does.
                logger.info("\(error.request): the list expired while paging; listing again")
                part = ClusterSnapshot()
                try await listInto(&part, kind: kind, scope: scope, tracker: tracker)
            }
            part.collected.insert(kind)
        } catch let error as KubeError where kind.installedByCRD && error.httpStatus == 404 {
            // Its CRDs are not installed: nothing to read, and nothing wrong.
            logger.debug("\(kind.groupResource) is not served here (its CRDs are not installed)")
        } catch let error as KubeError where kind != .pods && Self.isPartial(error) {
            logger.info("cannot \(error.request): \(Self.reason(error))")
            part.unreadable.append(UnreadableResource(
                resource: kind.groupResource, namespace: kind.isNamespaced ? scope.namespace : nil,
                reason: Self.reason(error), message: Self.message(error)))
        }
        await tracker.finishedKind()
        return part
    }

    /// Failures that concern one kind only — RBAC refusing it, the API group not being served,
    /// a server that cannot send it as metadata only (406), the server failing on it after
    /// retries — so the diagnosis goes on without it. Anything else (unreachable server, TLS,
    /// credentials, cancellation) fails the whole collection.
    private static func isPartial(_ error: KubeError) -> Bool {
        guard let status = error.httpStatus else { return false }
        return [403, 404, 406].contains(status) || (500...599).contains(status)
    }

    private func listInto(_ part: inout ClusterSnapshot, kind: ResourceKind, scope: CollectionScope, tracker: ProgressTracker) async throws {
        try await listInto(&part, KindRegistry.type(of: kind), scope: scope, tracker: tracker)
    }

    /// A first list of the kind (`ListReading.initial`: a diagnosis may start a moment behind
    /// etcd), or one per field selector, all at once. What each list brings is reduced as it
    /// arrives and kept in the order of the selectors, so the snapshot reads the same every time.
    private func listInto<Object: KubeResource>(
        _ part: inout ClusterSnapshot, _ type: Object.Type, scope: CollectionScope, tracker: ProgressTracker
    ) async throws {
        let kind = Object.resource
        let namespace = kind.isNamespaced ? scope.namespace : nil
        let excluded = Set(scope.excludedNamespaces)
        let client = self.client
        let selectors = Object.listFieldSelectors
        if var objects = informers.flatMap({ Self.stored(type, namespace: namespace, in: $0) }) {
            objects.removeAll { !$0.metadata.isIn(namespace: namespace, excluding: excluded) }
            Object.reduce(&objects)
            await tracker.addObjects(objects.count)
            part.append(contentsOf: objects)
            return
        }
        if selectors.count == 1 {
            // Straight into the snapshot, page by page: a second array of 20,000 pods would
            // cost as much memory as the pods' own strings.
            try await client.list(kind, as: type, namespace: namespace, fieldSelector: selectors[0], reading: .initial) { items in
                part.append(contentsOf: items.filter { $0.metadata.isIn(namespace: namespace, excluding: excluded) })
                Object.reduce(&part[Object.self])
                await tracker.addObjects(items.count)
            }
            return
        }
        let lists = try await withThrowingTaskGroup(of: (Int, [Object]).self) { group in
            for (position, fieldSelector) in selectors.enumerated() {
                group.addTask {
                    var objects: [Object] = []
                    try await client.list(kind, as: type, namespace: namespace, fieldSelector: fieldSelector, reading: .initial) { items in
                        objects += items.filter { $0.metadata.isIn(namespace: namespace, excluding: excluded) }
                        Object.reduce(&objects)
                        await tracker.addObjects(items.count)
                    }
                    return (position, objects)
                }
            }
            var lists = [[Object]](repeating: [], count: selectors.count)
            for try await (position, objects) in group { lists[position] = objects }
            return lists
        }
        var objects = lists.flatMap { $0 }
        Object.reduce(&objects)
        part.append(contentsOf: objects)
    }

    /// The kind's objects from its informers (one per field selector), when every one is
    /// current and complete; nil otherwise, and the informers are started for next time.
    private static func stored<Object: KubeResource>(_ type: Object.Type, namespace: String?, in informers: SharedInformers) -> [Object]? {
        let feeding = Object.listFieldSelectors.map { informers.informer(type, namespace: namespace, fieldSelector: $0) }
        guard feeding.allSatisfy({ $0.current && $0.complete }) else { return nil }
        return feeding.flatMap { $0.objects(in: namespace) }
    }

    private func collectLogs(for pods: [Pod], policy: LogPolicy, tracker: ProgressTracker) async -> (logs: [ContainerLogKey: ContainerLogs], unreadable: [UnreadableResource]) {
        let targets = CrashingContainers.targets(in: pods, samplesPerWorkload: policy.samplesPerWorkload)
        await tracker.expectLogs(targets.count)
        var logs: [ContainerLogKey: ContainerLogs] = [:]
        var refused: UnreadableResource?
        await withTaskGroup(of: (ContainerLogKey, ContainerLogs, KubeError?).self) { group in
            var pending = targets[...]
            func startNext() {
                guard let target = pending.popFirst() else { return }
                group.addTask { await fetchLogs(target, policy: policy) }
            }
            for _ in 0..<policy.concurrency { startNext() }
            for await (key, entry, failure) in group {
                logs[key] = entry
                if let failure, failure.httpStatus == 403, refused == nil {
                    refused = UnreadableResource(resource: "pods/log", namespace: key.namespace, reason: "Forbidden", message: Self.message(failure))
                }
                await tracker.fetchedLog()
                startNext()
            }
        }
        return (logs, refused.map { [$0] } ?? [])
    }

    private func fetchLogs(_ target: CrashingContainers.Target, policy: LogPolicy) async -> (ContainerLogKey, ContainerLogs, KubeError?) {
        let key = ContainerLogKey(namespace: target.namespace, pod: target.pod, container: target.container)
        var entry = ContainerLogs()
        var failure: KubeError?
        func read(previous: Bool) async -> [String]? {
            do {
                let text = try await client.logs(
                    namespace: target.namespace, pod: target.pod, container: target.container, previous: previous,
                    tailLines: policy.tailLines, limitBytes: policy.limitBytes)
                return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastIfEmpty()
            } catch {
                // A container that never ran answers 400; logs are evidence, not the core.
                logger.debug("no \(previous ? "previous " : "")log for \(target.namespace)/\(target.pod)/\(target.container): \(error)")
                failure = failure ?? error
                return nil
            }
        }
        entry.current = await read(previous: false)
        if target.hasPrevious {
            entry.previous = await read(previous: true)
        }
        return (key, entry, failure)
    }

    static func reason(_ error: KubeError) -> String {
        switch error {
        case .status(let code, let status, _, _): status?.reason ?? "HTTP \(code)"
        case .transport(let failure, _): "\(failure)"
        case .gaveUp(let attempts, let last): "\(reason(last)) (after \(attempts) attempts)"
        case .invalidResponse: "InvalidResponse"
        case .credential: "CredentialFailed"
        }
    }

    static func message(_ error: KubeError) -> String {
        switch error {
        case .status(_, let status, let body, let request): status?.message ?? body ?? "\(request)"
        case .gaveUp(_, let last): message(last)
        case .invalidResponse(let detail, _): detail
        default: "\(error)"
        }
    }
}

extension Array where Element == String {
    /// A log ending in a newline splits into a trailing empty line; drop it.
    fileprivate func dropLastIfEmpty() -> [String] {
        last == "" ? Array(dropLast()) : self
    }
}

/// Counts for the progress line; an actor because kinds report from concurrent tasks.
private actor ProgressTracker {
    private var state: CollectionProgress
    private let report: @Sendable (CollectionProgress) -> Void

    init(totalKinds: Int, report: @escaping @Sendable (CollectionProgress) -> Void) {
        state = CollectionProgress(finishedKinds: 0, totalKinds: totalKinds, objects: 0, logsFetched: 0, logsTotal: 0)
        self.report = report
    }

    func addObjects(_ count: Int) {
        state.objects += count
        report(state)
    }

    func finishedKind() {
        state.finishedKinds += 1
        report(state)
    }

    func expectLogs(_ count: Int) {
        state.logsTotal = count
        report(state)
    }

    func fetchedLog() {
        state.logsFetched += 1
        report(state)
    }
}
