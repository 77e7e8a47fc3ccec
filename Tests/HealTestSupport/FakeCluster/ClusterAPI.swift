import Foundation

/// The HTTP front end of a `FakeCluster`, in the shape of kube-apiserver: GET (objects, lists
/// with selectors and paging, watches, pod logs), POST, PUT, PATCH and DELETE on resource
/// paths; the service proxy and metrics.k8s.io. Paths outside `/api` and `/apis/<group>`
/// (`/version`, discovery) come from the captured fixtures.
struct ClusterAPI: RequestBackend {
    let shared: SharedClusterState
    private let discovery = FixtureResponder(root: Fixtures.capturedAPIPaths, logs: nil)

    init(shared: SharedClusterState) {
        self.shared = shared
    }

    func respond(to request: RecordedRequest) -> BackendReply {
        runHooks(for: request)
        if let target = ServiceProxy.Target(request) {
            switch shared.withLock({ ServiceProxy.route(target, request, in: $0) }) {
            case .answer(let response):
                return .complete(response)
            case .upstream(let respond, let forwarded):
                let reply = respond(forwarded)
                return .complete(WireResponse(status: reply.status, contentType: reply.contentType, body: reply.body))
            }
        }
        if FakeMetricsServer.serves(request) {
            return .complete(shared.withLock { FakeMetricsServer.respond(to: request, in: $0) })
        }
        guard let path = APIPath(components: request.path.split(separator: "/").map(String.init)) else {
            return .complete(discovery.response(to: request))
        }
        do {
            switch (request.method, path.name) {
            case ("GET", nil) where ["1", "true"].contains(request.query("watch")):
                return .live(try WatchStream(shared: shared, path: path, request: request))
            case ("GET", nil):
                return .complete(try list(path, request: request))
            case ("GET", _?) where path.subresource == "log":
                return .complete(try log(path, request: request))
            case ("GET", _?):
                let object = try shared.withLock { state throws(APIStatusError) in
                    guard let object = state.store[state.key(path)] else {
                        throw .notFound(state.key(path).type, name: path.name ?? "")
                    }
                    return object
                }
                let info = ResourceType(group: path.group, resource: path.resource).info(version: path.groupVersionPrefix.last ?? "v1")
                if ProtobufEncoder.serves(request, apiVersion: info.apiVersion, kind: info.kind) {
                    return .complete(.protobuf(ProtobufEncoder.object(object, apiVersion: info.apiVersion, kind: info.kind)))
                }
                return .complete(.json(object))
            case ("POST", nil):
                let body = try parse(request)
                return .complete(.json(try shared.withLock { try $0.create(body, in: path, dryRun: dryRun(request), manager: manager(request)) }, status: 201))
            case ("PUT", _?):
                let body = try parse(request)
                return .complete(.json(try shared.withLock { try $0.replace(body, at: path, dryRun: dryRun(request), manager: manager(request)) }))
            case ("PATCH", _?):
                let strategy = try patchStrategy(request)
                let body = try parse(request)
                return .complete(.json(try shared.withLock {
                    try $0.patch(body, at: path, strategy: strategy, dryRun: dryRun(request), manager: manager(request))
                }))
            case ("DELETE", _?):
                return .complete(.json(try shared.withLock { try $0.delete(at: path, dryRun: dryRun(request)) }))
            default:
                throw APIStatusError.methodNotAllowed()
            }
        } catch let error as APIStatusError {
            // Asked for protobuf, kube-apiserver sends its errors as protobuf too.
            if ProtobufEncoder.serves(request, apiVersion: "v1", kind: "Status") {
                return .complete(.protobuf(ProtobufEncoder.object(error.body, apiVersion: "v1", kind: "Status"), status: error.code))
            }
            return .complete(.json(error.body, status: error.code))
        } catch {
            return .complete(.json(KubeStatus.body(code: 500, reason: "InternalError", message: "\(error)"), status: 500))
        }
    }

    /// Runs (outside the lock, as another client would act) the hooks waiting for this request.
    private func runHooks(for request: RecordedRequest) {
        let due = shared.withLock { state in
            let matching = state.hooks.filter { $0.method == request.method && $0.path == request.path }
            state.hooks.removeAll { $0.method == request.method && $0.path == request.path }
            return matching
        }
        for hook in due { hook.action() }
    }

    private func list(_ path: APIPath, request: RecordedRequest) throws(APIStatusError) -> WireResponse {
        let labelText = request.query("labelSelector") ?? ""
        let fieldText = request.query("fieldSelector") ?? ""
        let labels: LabelSelector
        do { labels = try LabelSelector(parsing: labelText) } catch {
            throw .badRequest("unable to parse requirement: \(error)")
        }
        let fields: FieldSelector
        do { fields = try FieldSelector(parsing: fieldText, resource: path.resource) } catch {
            throw .badRequest(error.description)
        }
        let type = ResourceType(group: path.group, resource: path.resource)
        let (items, version) = shared.withLock { state in
            (state.store.list(type, namespace: path.namespace), state.store.resourceVersion)
        }
        let matching = items.filter { labels.matches($0.object.labels) && fields.matches($0.object) }
        let pager = ListPager(
            items: matching.map { item in
                (path.namespace == nil ? "\(item.key.namespace.map { "\($0)/" } ?? "")\(item.key.name)" : item.key.name,
                 item.object.setting("kind", to: nil).setting("apiVersion", to: nil))
            },
            resourceVersion: String(version), countsRemaining: labelText.isEmpty && fieldText.isEmpty)
        let page: (items: [JSONValue], metadata: [JSONValue.Member])
        do {
            // resourceVersion=0 reads the watch cache, which (as in v1.24) ignores limit and
            // answers in one piece.
            let fromWatchCache = request.query("resourceVersion") == "0" && request.query("continue") == nil
            let limit = fromWatchCache ? nil : request.query("limit").flatMap { Int($0) }
            page = try pager.page(limit: limit, continueToken: request.query("continue"))
        } catch {
            throw .badRequest(error.reason)
        }
        let info = type.info(version: path.groupVersionPrefix.last ?? "v1")
        let metadata = JSONValue.object([.init(key: "resourceVersion", value: .string(String(version)))] + page.metadata)
        if let answer = PartialObjectMetadata.listAnswer(["metadata": metadata, "items": .array(page.items)], to: request) {
            return answer
        }
        if ProtobufEncoder.serves(request, apiVersion: info.apiVersion, kind: info.kind) {
            return .protobuf(ProtobufEncoder.list(metadata: metadata, items: page.items, apiVersion: info.apiVersion, kind: info.kind))
        }
        return .json([
            "kind": .string(info.kind + "List"), "apiVersion": .string(info.apiVersion),
            "metadata": metadata,
            "items": .array(page.items),
        ])
    }

    private func log(_ path: APIPath, request: RecordedRequest) throws(APIStatusError) -> WireResponse {
        let lines = try shared.withLock { state throws(APIStatusError) in
            try PodLogs.lines(at: path, container: request.query("container"), in: state)
        }
        let tail = request.query("tailLines").flatMap { Int($0) }.map { lines.suffix(max(0, $0)) } ?? lines[...]
        let text = tail.map { $0 + "\n" }.joined()
        return WireResponse(status: 200, contentType: "text/plain", body: Data(text.utf8))
    }

    private func parse(_ request: RecordedRequest) throws(APIStatusError) -> JSONValue {
        do { return try JSONValue(parsing: request.body) } catch {
            throw .badRequest("the body of the request could not be decoded: \(error)")
        }
    }

    private func patchStrategy(_ request: RecordedRequest) throws(APIStatusError) -> JSONMergePatch.Strategy {
        let contentType = request.header("content-type")?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch contentType {
        case "application/merge-patch+json": return .merge
        case "application/strategic-merge-patch+json": return .strategic
        default: throw .unsupportedMediaType()
        }
    }

    private func dryRun(_ request: RecordedRequest) -> Bool {
        request.query("dryRun") == "All"
    }

    /// The `fieldManager` a write names, else what kube-apiserver derives from the User-Agent
    /// (its program name).
    private func manager(_ request: RecordedRequest) -> String {
        request.query("fieldManager")
            ?? request.header("User-Agent").flatMap { $0.split(separator: "/").first.map(String.init) } ?? "unknown"
    }
}
