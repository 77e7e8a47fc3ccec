import Foundation

/// One `?watch=1` request: newline-delimited `{"type":…,"object":…}` events as
/// kube-apiserver sends them (or length-prefixed protobuf frames, when asked for protobuf),
/// pulled from the store's history while the connection lasts.
///
/// It starts with synthetic ADDED events for every current object (resourceVersion unset,
/// "" or "0") or with the changes after the given resourceVersion; one older than the history
/// gets the 410 `Expired` ERROR event and the end of the stream. Objects that start or stop
/// matching the selectors arrive as ADDED or DELETED. The stream ends at `timeoutSeconds`
/// (after a BOOKMARK when `allowWatchBookmarks` is set).
final class WatchStream: LiveStream {
    private let shared: SharedClusterState
    private let type: ResourceType
    private let namespace: String?
    private let labels: LabelSelector
    private let fields: FieldSelector
    private let deadline: Date?
    private let bookmarks: Bool
    private let protobuf: Bool
    /// Each object stripped to its metadata (`as=PartialObjectMetadata`).
    private let metadataOnly: Bool
    private var cursor = 0
    private var pending: [Data] = []
    private var ending = false

    var contentType: String {
        protobuf ? ProtobufEncoder.mediaType + ";stream=watch"
            : metadataOnly ? PartialObjectMetadata.contentType("PartialObjectMetadata") : "application/json"
    }

    init(shared: SharedClusterState, path: APIPath, request: RecordedRequest) throws(APIStatusError) {
        self.shared = shared
        type = ResourceType(group: path.group, resource: path.resource)
        namespace = path.namespace
        do { labels = try LabelSelector(parsing: request.query("labelSelector") ?? "") } catch {
            throw .badRequest("unable to parse requirement: \(error)")
        }
        do { fields = try FieldSelector(parsing: request.query("fieldSelector") ?? "", resource: path.resource) } catch {
            throw .badRequest(error.description)
        }
        deadline = request.query("timeoutSeconds").flatMap { Double($0) }.map { Date().addingTimeInterval($0) }
        bookmarks = request.query("allowWatchBookmarks") == "true"
        let info = type.info()
        metadataOnly = PartialObjectMetadata.requested("PartialObjectMetadata", by: request)
        protobuf = !metadataOnly && ProtobufEncoder.serves(request, apiVersion: info.apiVersion, kind: info.kind)
        let start = request.query("resourceVersion") ?? ""
        guard let requested = Int(start), requested != 0 else {
            shared.withLock { state in
                cursor = state.store.resourceVersion
                pending = state.store.list(type, namespace: namespace).filter { matches($0.object) }
                    .map { line("ADDED", $0.object) }
            }
            return
        }
        cursor = requested
    }

    func next(waitingAtMost timeout: Duration) -> LiveStreamStep {
        if !pending.isEmpty { return .send(pending.removeFirst()) }
        if ending { return .end }
        if let deadline, Date() >= deadline {
            ending = true
            return bookmarks ? .send(bookmark()) : .end
        }
        var until = Date().addingTimeInterval(Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        if let deadline { until = min(until, deadline) }
        let lines = shared.wait(until: until) { state -> [Data]? in
            guard let events = state.store.events(after: cursor) else {
                ending = true
                let status = KubeStatus.body(
                    code: 410, reason: "Expired",
                    message: "too old resource version: \(cursor) (\(state.store.oldestWatchable))")
                return [line("ERROR", status)]
            }
            cursor = events.last?.resourceVersion ?? cursor
            let lines = events.compactMap(convert)
            return lines.isEmpty ? nil : lines
        }
        guard let lines else { return .idle }
        pending = Array(lines.dropFirst())
        return .send(lines[0])
    }

    /// The event this watch sees for a change, if any.
    private func convert(_ event: WatchEvent) -> Data? {
        guard event.key.type == type, namespace == nil || event.key.namespace == namespace else { return nil }
        let now = matches(event.object)
        switch event.kind {
        case .added: return now ? line("ADDED", event.object) : nil
        case .deleted: return now ? line("DELETED", event.object) : nil
        case .modified:
            switch (event.previous.map(matches) ?? false, now) {
            case (true, true): return line("MODIFIED", event.object)
            case (false, true): return line("ADDED", event.object)
            case (true, false):
                // The API server sends the last matching state, stamped with the change's version.
                let last = event.previous?.setting(
                    path: ["metadata", "resourceVersion"], to: .string(String(event.resourceVersion)))
                return last.map { line("DELETED", $0) }
            case (false, false): return nil
            }
        }
    }

    private func matches(_ object: JSONValue) -> Bool {
        labels.matches(object.labels) && fields.matches(object)
    }

    /// A BOOKMARK carries only the resourceVersion, in an otherwise empty object of the kind
    /// (for pods exactly as captured: `"spec":{"containers":null},"status":{}`).
    private func bookmark() -> Data {
        let info = type.info()
        var object: JSONValue = [
            "kind": .string(info.kind), "apiVersion": .string(info.apiVersion),
            "metadata": ["resourceVersion": .string(String(shared.withLock { $0.store.resourceVersion }))],
        ]
        if type == .pods {
            object = object.setting("spec", to: ["containers": .null]).setting("status", to: .object([]))
        }
        return line("BOOKMARK", object)
    }

    private func line(_ type: String, _ object: JSONValue) -> Data {
        let object = metadataOnly ? PartialObjectMetadata.stripped(object) : object
        if protobuf {
            let info = self.type.info()
            return ProtobufEncoder.watchFrame(type: type, object: object, apiVersion: info.apiVersion, kind: info.kind)
        }
        return Data((JSONValue.object([.init(key: "type", value: .string(type)), .init(key: "object", value: object)])
            .serializedText + "\n").utf8)
    }
}
