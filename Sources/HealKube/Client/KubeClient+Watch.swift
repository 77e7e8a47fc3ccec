import Foundation
import HealHTTP
import HealModel
import HealProtobuf

extension KubeClient {
    /// A watch that never gives up on a transient failure, as client-go's reflector: when the
    /// server closes the stream (its timeout), it resumes from the last resourceVersion seen
    /// (events and bookmarks); when the server says that version is too old (410 Gone, as an
    /// HTTP status or as an ERROR event inside the stream), it lists again and yields
    /// `.relisted` before watching on. Without a starting version it lists first. A refused,
    /// reset or timed-out connection, a TLS failure, 429 or 5xx — an API server restarting —
    /// is retried forever with exponential backoff (`Backoff.watch`: 0.5 s doubling to 3 s), each
    /// interruption and resumption reported to `connectivity`. The stream ends with an error
    /// only when the server refuses (401 after a credential refresh, 403, 404 …). `streaming`
    /// hears each time the watch opens (true) and each interruption (false).
    package func watch<Object: Decodable & Sendable>(
        _ kind: ResourceKind, as type: Object.Type, namespace: String?, labelSelector: String? = nil,
        fieldSelector: String? = nil, from resourceVersion: String? = nil, timeoutSeconds: Int = 300,
        connectivity: WatchConnectivity? = nil, streaming: @escaping @Sendable (Bool) -> Void = { _ in }
    ) -> AsyncThrowingStream<WatchEvent<Object>, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                // One identity per watch, so an outage ends when every watch is back.
                let watchID = "\(kind.groupResource)#\(UUID().uuidString)"
                do {
                    var version = resourceVersion
                    // The first list may come from the watch cache, as an informer's does; a
                    // relist after 410 reads etcd, so that it never goes back in time.
                    var reading: ListReading = resourceVersion == nil ? .initial : .consistent
                    var backoff = Backoff.watch
                    while !Task.isCancelled {
                        do {
                            if version == nil {
                                // A relist (after 410) is not streaming: the store is behind until it lands.
                                streaming(false)
                                var items: [Object] = []
                                let listed = try await list(
                                    kind, as: type, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector,
                                    reading: reading
                                ) { items += $0 }
                                reading = .consistent
                                version = listed
                                continuation.yield(.relisted(items, resourceVersion: listed))
                            }
                            let started = ContinuousClock.now
                            do {
                                try await watchOnce(
                                    kind, as: type, namespace: namespace, labelSelector: labelSelector, fieldSelector: fieldSelector,
                                    version: &version, timeoutSeconds: timeoutSeconds, continuation: continuation
                                ) {
                                    streaming(true)
                                    if backoff.failing { connectivity?.resumed(watchID, resource: kind.groupResource) }
                                }
                            } catch {
                                // A stream that opened and lived is a fresh start; one that dropped at once is not.
                                if started.duration(to: .now) >= .seconds(1) { backoff.reset() }
                                throw error
                            }
                            backoff.reset()
                            // A server that ends every stream at once must not be hammered.
                            if started.duration(to: .now) < .seconds(1) {
                                try await Task.sleep(for: retryPolicy.baseDelay * 4)
                            }
                        } catch let error as KubeError where error.isTransient || error.httpStatus == 410 {
                            // 410 here is a relist whose continue token expired: list again from the start.
                            if error.httpStatus == 410 { version = nil }
                            let delay = backoff.next(retryAfter: error.retryAfter)
                            streaming(false)
                            if let connectivity {
                                connectivity.interrupted(watchID, resource: kind.groupResource, error: error, retryIn: delay)
                            } else {
                                logger.debug("watch \(kind.groupResource) interrupted (\(error)); resuming in \(delay)")
                            }
                            try await Task.sleep(for: delay)
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Runs one watch request to its end, keeping `version` at the last resourceVersion seen
    /// (even when the stream then breaks, so a retry resumes from there), or nil when the watch
    /// must start over with a fresh list.
    private func watchOnce<Object: Decodable & Sendable>(
        _ kind: ResourceKind, as type: Object.Type, namespace: String?, labelSelector: String?, fieldSelector: String?,
        version: inout String?,
        timeoutSeconds: Int, continuation: AsyncThrowingStream<WatchEvent<Object>, any Error>.Continuation,
        opened: () -> Void
    ) async throws {
        let path = Self.collectionPath(kind, namespace: namespace)
        let description = RequestDescription(verb: "watch", resource: kind.groupResource, namespace: namespace, url: url(for: path))
        var request = APIRequest(path: path, description: description)
        request.query = [
            ("watch", "1"), ("resourceVersion", version ?? ""), ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", String(timeoutSeconds)),
        ]
        if let labelSelector = labelSelector.nonEmpty { request.query.append(("labelSelector", labelSelector)) }
        if let fieldSelector = fieldSelector.nonEmpty { request.query.append(("fieldSelector", fieldSelector)) }
        request.timeout = .zero
        if Self.readsProtobuf(kind, as: type) { request.accept = Self.protobufFirst }
        if kind.readsMetadataOnly { request.accept = Self.metadataOnly }

        let response = try await openStream(request)
        if response.status == 410 {
            version = nil
            return
        }
        guard response.status == 200 else {
            var body = Data()
            for try await chunk in response.body { body.append(chunk) }
            throw statusError(HTTPResponse(status: response.status, headers: response.headers, body: body), request: description)
        }
        opened()

        let protobuf = KubeProtobuf.isProtobuf(contentType: response.headers.value(for: "Content-Type"))
        logger.debug("\(description) from \(version ?? "the start"): streaming \(protobuf ? "protobuf frames" : "JSON lines")")
        var events = WatchEventSplitter(protobuf: protobuf)
        do {
            for try await chunk in response.body {
                for line in try events.lines(in: chunk, request: description) {
                    version = try handle(line, as: type, latest: version ?? "", request: description, continuation: continuation)
                    if version == nil { return }
                }
            }
        } catch let error as HTTPError {
            throw KubeError.transport(error, request: description)
        }
        if let last = events.remainder() {
            version = try handle(last, as: type, latest: version ?? "", request: description, continuation: continuation)
        }
    }

    /// Decodes one event line, yields it, and returns the version to resume from (nil: relist).
    private func handle<Object: Decodable & Sendable>(
        _ line: Data, as type: Object.Type, latest: String, request: RequestDescription,
        continuation: AsyncThrowingStream<WatchEvent<Object>, any Error>.Continuation
    ) throws -> String? {
        let header = try decode(WatchFrameHeader.self, from: line, request: request)
        let version = header.object?.metadata?.resourceVersion ?? latest
        switch header.type {
        case "ADDED", "MODIFIED", "DELETED":
            let object = try decode(WatchFrame<Object>.self, from: line, request: request).object
            switch header.type {
            case "ADDED": continuation.yield(.added(object))
            case "MODIFIED": continuation.yield(.modified(object))
            default: continuation.yield(.deleted(object))
            }
            return version
        case "BOOKMARK":
            continuation.yield(.bookmark(resourceVersion: version))
            return version
        case "ERROR":
            let status = try decode(WatchFrame<APIStatus>.self, from: line, request: request).object
            if status.code == 410 { return nil }
            throw KubeError.status(code: status.code ?? 500, status: status, body: nil, request: request)
        default:
            throw KubeError.invalidResponse(detail: "unknown watch event type \"\(header.type)\"", request: request)
        }
    }

    /// Opens the stream; a 401 refreshes an exec-plugin or token-file credential once, as for
    /// every other request.
    private func openStream(_ request: APIRequest) async throws(KubeError) -> HTTPStreamingResponse {
        var material = try await credentialMaterial(request)
        var renewed = false
        while true {
            let response: HTTPStreamingResponse
            do {
                response = try await http.stream(httpRequest(request, material: material))
            } catch {
                throw .transport(error, request: request.description)
            }
            guard let fresh = try await renewedMaterial(afterStatus: response.status, material, alreadyRenewed: &renewed, request)
            else { return response }
            material = fresh
        }
    }
}

private struct WatchFrameHeader: Decodable {
    struct Object: Decodable {
        struct Metadata: Decodable {
            var resourceVersion: String?
        }

        var metadata: Metadata?
    }

    var type: String
    var object: Object?
}

private struct WatchFrame<Object: Decodable>: Decodable {
    var object: Object
}
