import Foundation

/// A stateful Kubernetes API server for tests: objects live in memory, every write bumps one
/// global resourceVersion and reaches open watches, and deterministic controllers play the
/// deployment, replicaset, endpointslice and garbage-collector controllers and the kubelet.
///
/// Pods follow their own spec: the kubelet pulls images from an `ImageRegistry`
/// (`setRegistry`), resolves Secret and ConfigMap references, and checks what the Deployment's
/// program needs (`setNeeds`: memory, environment variables), so a PATCH that fixes a template
/// heals the pods it rolls out and a wrong fix does not. Rollouts step by maxSurge and
/// maxUnavailable; a template patched back to an older ReplicaSet's reuses it with the next
/// revision. `setBehaviour` overrides all that for a Deployment (`healthy`, `crashLoop`, …).
///
/// ```swift
/// let cluster = try FakeCluster.agenticDemo()       // four broken workloads, as captured, settled
/// defer { cluster.stop() }
/// // … run the code under test against cluster.baseURL: it patches memory-hungry to 328Mi …
/// try cluster.strategicMergePatch(
///     at: "/apis/apps/v1/namespaces/agentic-demo/deployments/memory-hungry",
///     json: #"{"spec":{"template":{"spec":{"containers":[{"name":"memory-hungry","resources":{"limits":{"memory":"328Mi"}}}]}}}}"#)
/// #expect(await cluster.settle())                        // the rollout is over: …
/// // … the new pod runs and is Ready; the crash-looping one is gone
/// cluster.advanceClock(by: .seconds(30))           // back-offs move on without waiting
/// ```
///
/// It keeps real time (`Timing.realistic`, after the v1.24 capture in
/// `../shared/fixtures/k8s-v1.24/`): a write returns at once and the controllers react on their
/// own thread `reactionDelay` later, one phase at a time, so a client sees what it would see
/// from a real control plane — the new ReplicaSet after ~100 ms, `observedGeneration` lagging
/// behind `generation`, status writes bumping the resourceVersion (a stale write gets 409), new
/// pods Pending before they run, old ones listed with a `deletionTimestamp` for seconds.
/// `settle()` waits for all that to end. Seeded clusters (`load`, `agenticDemo`, `blueGreen`)
/// start settled. With `Timing.instant` every write settles before its response goes out: for
/// tests of the controllers' decisions. What changes with time alone (a crash loop's next
/// restart, ErrImagePull turning into ImagePullBackOff, `readyAfter`) is applied when due on
/// the cluster's clock, which `advanceClock(by:)` moves ahead. The API server can be stopped
/// and started again on the same port with everything kept (`stopAPIServer`).
package final class FakeCluster: Sendable {
    /// What a Deployment's pods do whatever their spec says (without one, they follow the spec).
    package enum PodBehaviour: Sendable, Equatable {
        /// Running and Ready.
        case healthy
        /// Running, but Ready only once this long has passed since the pod was created.
        case readyAfter(Duration)
        /// Running while the readiness probe fails with `message` (e.g. `Readiness probe failed:
        /// HTTP probe failed with statuscode: 404`), reported as a Warning `Unhealthy` event.
        case notReady(message: String)
        /// CrashLoopBackOff after exiting with `exitCode` (`lastState.terminated.reason` Error,
        /// restartCount 4), a Warning `BackOff` event; the pod's log is `log`.
        case crashLoop(exitCode: Int, log: [String])
        /// ImagePullBackOff on a missing tag, phase Pending, with the kubelet's `Failed` events.
        case imagePullBackOff
        /// OOMKilled (exit code 137) in CrashLoopBackOff until every container's memory limit
        /// is at least `needsMemory` (a quantity such as `300Mi`); healthy from then on.
        case oomKilled(needsMemory: String)
    }

    /// The HTTP server answering from this cluster: scripts (`server.script`),
    /// `requireAuthorization` and request recording work as with fixtures.
    package let server: FakeAPIServer
    let shared: SharedClusterState

    /// Starts an empty cluster and its server on 127.0.0.1.
    package init(timing: Timing = .realistic) throws {
        let shared = SharedClusterState()
        shared.withLock { $0.timing = timing }
        self.shared = shared
        server = try FakeAPIServer(backend: ClusterAPI(shared: shared))
        ClusterController.startTimer(shared)
    }

    deinit { stop() }

    /// `http://127.0.0.1:<port>`
    package var baseURL: URL { server.baseURL }

    /// Stops the server (ending open watches) and the controller's timer. Idempotent.
    package func stop() {
        shared.withLock { $0.stopped = true }
        server.stop()
    }

    /// The captured blue/green namespace `mcp-failover-clean` (Services `web`, `web-blue`,
    /// `web-green`; Deployments `web-blue` with 2 Ready pods and `web-green` with 0; their
    /// ReplicaSets and EndpointSlices), settled, with the controllers taking over from there.
    package static func blueGreen(timing: Timing = .realistic) throws -> FakeCluster {
        let cluster = try FakeCluster(timing: timing)
        try cluster.load([
            "api/v1/namespaces/mcp-failover-clean/services.json",
            "apis/apps/v1/namespaces/mcp-failover-clean/deployments.json",
            "apis/apps/v1/namespaces/mcp-failover-clean/replicasets.json",
            "api/v1/namespaces/mcp-failover-clean/pods.json",
            "apis/discovery.k8s.io/v1/namespaces/mcp-failover-clean/endpointslices.json",
        ].map { Fixtures.capturedAPIPaths.appending(path: $0) })
        return cluster
    }

    /// Seeds the objects of a JSON file: every item of a List (`PodList`, or kubectl's mixed
    /// `List`) or a single object, kept as they are (uid, resourceVersion, status). Watch
    /// history starts after the seed; the controllers then settle at once, whatever the timing.
    package func load(_ file: URL) throws {
        try load([file])
    }

    /// Seeds several files before the controllers look (a Deployment seeded without its
    /// ReplicaSets would get a new one).
    func load(_ files: [URL]) throws {
        let documents = try files.map { try JSONValue(parsing: Data(contentsOf: $0)) }
        shared.withLock { state in
            for document in documents {
                seed(document, into: &state)
            }
            state.reconcileInstantly()
        }
    }

    private func seed(_ document: JSONValue, into state: inout ClusterState) {
        guard let items = document["items"]?.arrayValue else {
            seed(object: document, into: &state)
            return
        }
        let listKind = document["kind"]?.stringValue ?? ""
        let itemKind = JSONValue.string(String(listKind.dropLast("List".count)))
        for item in items {
            seed(object: item.prepending([
                .init(key: "kind", value: item["kind"] ?? itemKind),
                .init(key: "apiVersion", value: item["apiVersion"] ?? document["apiVersion"] ?? "v1"),
            ]), into: &state)
        }
        let version = document.value(at: ["metadata", "resourceVersion"])?.stringValue
        state.store.noteSeeded(resourceVersion: version.flatMap { Int($0) } ?? 0)
    }

    /// Creates one object from its JSON (a manifest as `kubectl apply` sends it), as a POST
    /// would: it gets a uid, creationTimestamp and resourceVersion, and the controllers react
    /// (after `reactionDelay`; `settle()` waits for them).
    package func create(json: String) throws {
        let object = try JSONValue(parsing: Data(json.utf8))
        let type = ResourceType(kind: object["kind"]?.stringValue ?? "", apiVersion: object["apiVersion"]?.stringValue ?? "v1")
        let path = try Self.apiPath(collectionOf: type, apiVersion: object["apiVersion"]?.stringValue ?? "v1",
                                    namespace: object.namespace ?? "default")
        _ = try shared.withLock { try $0.create(object, in: path, dryRun: false) }
    }

    /// Sets what the pods of `namespace/deployment` do, now and for pods created later,
    /// whatever their spec says. Returns the instant of the change: with `.instant` timing the
    /// new statuses are visible then, otherwise after the next controller round.
    @discardableResult
    package func setBehaviour(_ behaviour: PodBehaviour, namespace: String, deployment: String) -> ContinuousClock.Instant {
        shared.withLock { state in
            state.behaviours["\(namespace)/\(deployment)"] = behaviour
            Kubelet.resync(deployment: "\(namespace)/\(deployment)", in: &state)
            state.react()
            return .now
        }
    }

    /// The object at an API path such as `/api/v1/namespaces/ns/services/web`, as a GET would
    /// return it; nil when there is none.
    package func object(at path: String) -> Data? {
        guard let apiPath = Self.apiPath(path) else { return nil }
        return shared.withLock { $0.store[$0.key(apiPath)]?.serialized }
    }

    /// The objects of a collection path such as `/api/v1/namespaces/ns/events` (without a
    /// namespace: all of them), in list order, each as a GET would return it.
    package func objects(in collectionPath: String) -> [Data] {
        guard let path = Self.apiPath(collectionPath) else { return [] }
        let type = ResourceType(group: path.group, resource: path.resource)
        return shared.withLock { $0.store.list(type, namespace: path.namespace).map(\.object.serialized) }
    }

    /// A JSON merge patch (RFC 7386) as another client would send it: a `metadata.resourceVersion`
    /// in it must match, the write bumps the resourceVersion and the controllers react.
    /// Throws `APIStatusError` (404, 409) as the API server would answer. `manager` is the
    /// field manager `managedFields` records, `kubectl patch`'s by default.
    package func mergePatch(at path: String, json: String, manager: String = "kubectl-patch") throws {
        try patch(at: path, json: json, strategy: .merge, manager: manager)
    }

    /// A strategic merge patch (containers and env merge by name), as `kubectl set image`,
    /// `kubectl set env` and `kubectl patch` send; otherwise like `mergePatch`.
    package func strategicMergePatch(at path: String, json: String, manager: String = "kubectl-patch") throws {
        try patch(at: path, json: json, strategy: .strategic, manager: manager)
    }

    private func patch(at path: String, json: String, strategy: JSONMergePatch.Strategy, manager: String) throws {
        guard let apiPath = Self.apiPath(path) else { throw APIStatusError.badRequest("not an API path: \(path)") }
        let patch = try JSONValue(parsing: Data(json.utf8))
        _ = try shared.withLock { try $0.patch(patch, at: apiPath, strategy: strategy, dryRun: false, manager: manager) }
    }

    /// Runs `action` once, just before the server handles the next request with this method and
    /// path (no query) — e.g. a concurrent writer between a client's GET and its PATCH. It does
    /// not run for requests a script (`server.script`) answers.
    package func beforeNext(method: String, path: String, _ action: @escaping @Sendable (FakeCluster) -> Void) {
        shared.withLock { state in
            state.hooks.append(ClusterState.RequestHook(method: method, path: path) { [weak self] in
                if let self { action(self) }
            })
        }
    }

    private func seed(object: JSONValue, into state: inout ClusterState) {
        let type = ResourceType(kind: object["kind"]?.stringValue ?? "", apiVersion: object["apiVersion"]?.stringValue ?? "v1")
        let namespace = type.info().namespaced ? object.namespace : nil
        state.store.seed(object, at: ObjectKey(type: type, namespace: namespace, name: object.name))
    }

    private static func apiPath(_ path: String) -> APIPath? {
        APIPath(components: path.split(separator: "/").map(String.init))
    }

    private static func apiPath(collectionOf type: ResourceType, apiVersion: String, namespace: String) throws -> APIPath {
        let prefix = type.group.isEmpty ? "/api/\(apiVersion)" : "/apis/\(apiVersion)"
        let scope = type.info().namespaced ? "/namespaces/\(namespace)" : ""
        guard let path = apiPath("\(prefix)\(scope)/\(type.resource)") else {
            throw APIStatusError.badRequest("cannot store \(type.qualifiedName)")
        }
        return path
    }
}
