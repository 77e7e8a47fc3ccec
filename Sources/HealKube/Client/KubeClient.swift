import Foundation
import HealHTTP
import HealModel
import HealProtobuf
import Logging

/// Typed access to one API server: GET, paginated LIST, WATCH, PATCH, pod logs. Adds
/// credentials and impersonation to every request, retries throttling and server errors,
/// refreshes a rejected credential once, and turns every failure into a `KubeError` that names
/// the verb and resource.
package struct KubeClient: Sendable {
    package static let userAgent = "kubectl-heal/\(HealVersion.current) (linux)"
    /// Who owns the fields kubectl-heal writes (server-side field management).
    package static let fieldManager = "kubectl-heal"

    package let connection: ClusterConnection
    let http: HTTPClient
    let credentials: CredentialProvider
    let retryPolicy: RetryPolicy
    let logger: Logger

    package init(
        connection: ClusterConnection, retryPolicy: RetryPolicy = .standard,
        logger: Logger = Logger(label: "heal.kube"), pluginTimeout: Duration = .seconds(60)
    ) {
        self.connection = connection
        self.http = HTTPClient(logger: logger)
        self.credentials = SharedCredentialProviders.provider(for: connection.credential, pluginTimeout: pluginTimeout)
        self.retryPolicy = retryPolicy
        self.logger = logger
    }

    // MARK: Typed calls

    package func get<Object: Decodable>(_ type: Object.Type, path: String, description: RequestDescription) async throws(KubeError) -> Object {
        let response = try await send(APIRequest(path: path, description: description))
        return try decode(type, from: response.body, request: description)
    }

    /// The server's version (`GET /version`), also a cheap reachability and credential check.
    package func serverVersion() async throws(KubeError) -> ServerVersion {
        try await get(ServerVersion.self, path: "/version", description: RequestDescription(verb: "get", resource: "version", url: url(for: "/version")))
    }

    /// Lists every object of a kind, page by page (`limit` + `continue`), handing the items to
    /// `onPage` in order as soon as they are decoded. The next page is requested while the current
    /// one decodes (its continue token is read from the list's metadata); at most three batches of
    /// a list wait in memory and one batch per core is decoded at a time across the process, so
    /// memory holds a few batches of JSON whatever the cluster's size. Returns the list's
    /// resourceVersion, from which a watch can start.
    ///
    /// `reading` says where the server reads it from and in what pages (`ListReading`). A page
    /// that holds more than a page's worth of items (an unpaged list, or a watch cache that
    /// ignores `limit`) is decoded in batches of that size; `onPage` gets one batch at a time.
    @discardableResult
    package func list<Object: Decodable & Sendable>(
        _ kind: ResourceKind, as type: Object.Type, namespace: String?, labelSelector: String? = nil,
        fieldSelector: String? = nil, reading: ListReading = .consistent, onPage: (_ items: [Object]) async throws -> Void
    ) async throws -> String {
        let path = Self.collectionPath(kind, namespace: namespace)
        let description = RequestDescription(verb: "list", resource: kind.groupResource, namespace: namespace, url: url(for: path))
        let client = self
        let batchSize = reading.pageSize
        let protobuf = Self.readsProtobuf(kind, as: type)
        return try await withThrowingTaskGroup(of: (Int, [Object]).self) { decoders in
            var continueToken: String?
            var resourceVersion = ""
            var batchCount = 0
            var decoded: [Int: [Object]] = [:]
            var delivered = 0
            func deliverReady() async throws {
                while let items = decoded.removeValue(forKey: delivered) {
                    try await onPage(items)
                    delivered += 1
                }
            }
            func waitForRoom() async throws {
                while batchCount - delivered - decoded.count > 2, let (index, items) = try await decoders.next() {
                    decoded[index] = items
                }
                try await deliverReady()
            }
            repeat {
                var request = APIRequest(path: path, description: description)
                request.query = reading.query(fieldSelector: fieldSelector, isFirstPage: continueToken == nil)
                if let labelSelector = labelSelector.nonEmpty { request.query.append(("labelSelector", labelSelector)) }
                if let fieldSelector = fieldSelector.nonEmpty { request.query.append(("fieldSelector", fieldSelector)) }
                if let continueToken { request.query.append(("continue", continueToken)) }
                if protobuf { request.accept = Self.protobufFirst }
                if kind.readsMetadataOnly { request.accept = Self.metadataListOnly }
                let response = try await send(request)
                let body = response.body
                let page: ListPageBatches?
                let contentType = response.headers.value(for: "Content-Type")
                do {
                    page = try ListPageBatches.cut(body, contentType: contentType, batchSize: batchSize)
                } catch {
                    throw KubeError.invalidResponse(detail: "protobuf: \(error)", request: description)
                }
                // Which wire answered, for `-vv`: a proxy or server that turns protobuf down shows here.
                logger.debug("\(description): \(body.count) bytes as \(KubeProtobuf.isProtobuf(contentType: contentType) ? "protobuf" : "JSON")")
                if let page {
                    for batch in page.batches {
                        let index = batchCount
                        batchCount += 1
                        decoders.addTask {
                            try await DecodeLimit.shared.run {
                                let json: Data
                                do { json = try batch.jsonArray() } catch {
                                    throw KubeError.invalidResponse(detail: "protobuf: \(error)", request: description)
                                }
                                return (index, try client.decode([Object].self, from: json, itemOffset: batch.firstIndex, request: description))
                            }
                        }
                        try await waitForRoom()
                    }
                    resourceVersion = page.metadata.resourceVersion ?? resourceVersion
                    continueToken = page.metadata.continueToken
                } else {
                    let whole = try decode(ListPage<Object>.self, from: body, request: description)
                    decoded[batchCount] = whole.items
                    batchCount += 1
                    resourceVersion = whole.metadata?.resourceVersion ?? resourceVersion
                    continueToken = whole.metadata?.continueToken
                    try await waitForRoom()
                }
            } while continueToken != nil
            for try await (index, items) in decoders {
                decoded[index] = items
            }
            try await deliverReady()
            return resourceVersion
        }
    }

    /// What a list or watch of a built-in kind asks for: protobuf, else JSON (a server may
    /// answer JSON for any reason — an aggregated API, a proxy — and is read either way).
    static let protobufFirst = "\(KubeProtobuf.mediaType), application/json"
    /// No plain `application/json` to fall back on: a server that cannot strip a Secret to its
    /// metadata answers 406 rather than sending its data.
    static let metadataListOnly = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"
    static let metadataOnly = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"

    /// Protobuf is asked for when the narrow schema covers what `type` reads: the kind's
    /// registered model. A decoder that keeps more (a whole pod template) reads JSON.
    static func readsProtobuf(_ kind: ResourceKind, as type: Any.Type) -> Bool {
        !kind.readsMetadataOnly && KindRegistry.isModel(type, of: kind) && KubeProtobuf.readsList(apiVersion: kind.apiVersion, kind: kind.kind)
    }

    /// The tail of a container's log. `previous` reads the instance before the current one.
    package func logs(
        namespace: String, pod: String, container: String, previous: Bool, tailLines: Int, limitBytes: Int
    ) async throws(KubeError) -> String {
        let path = "/api/v1/namespaces/\(namespace)/pods/\(pod)/log"
        var request = APIRequest(
            path: path,
            description: RequestDescription(verb: "get", resource: "pods/log", namespace: namespace, name: pod, url: url(for: path)))
        request.accept = "text/plain, */*"
        request.query = [("container", container), ("tailLines", String(tailLines)), ("limitBytes", String(limitBytes))]
        if previous { request.query.append(("previous", "true")) }
        let response = try await send(request)
        return String(decoding: response.body, as: UTF8.self)
    }

    package enum PatchType: String, Sendable {
        case merge = "application/merge-patch+json"
        case strategicMerge = "application/strategic-merge-patch+json"
        case json = "application/json-patch+json"
    }

    /// Patches one object and returns the server's answer (the object as stored, or as it
    /// would be stored when `dryRun` is set — the server-side dry run, `dryRun=All`).
    package func patch(
        _ kind: ResourceKind, namespace: String?, name: String, body: Data, type: PatchType, dryRun: Bool,
        fieldManager: String = KubeClient.fieldManager
    ) async throws(KubeError) -> Data {
        let path = Self.collectionPath(kind, namespace: namespace) + "/\(name)"
        var request = APIRequest(
            method: "PATCH", path: path, body: body, contentType: type.rawValue,
            description: RequestDescription(verb: "patch", resource: kind.groupResource, namespace: namespace, name: name, url: url(for: path)))
        request.idempotent = false
        request.query = [("fieldManager", fieldManager)]
        if dryRun { request.query.append(("dryRun", "All")) }
        return try await send(request).body
    }

    // MARK: Plumbing

    package static func collectionPath(_ kind: ResourceKind, namespace: String?) -> String {
        let prefix = kind.group.isEmpty ? "/api/\(kind.version)" : "/apis/\(kind.group)/\(kind.version)"
        guard kind.isNamespaced, let namespace else { return "\(prefix)/\(kind.plural)" }
        return "\(prefix)/namespaces/\(namespace)/\(kind.plural)"
    }

    func url(for path: String) -> String {
        connection.server + path
    }

    /// `itemOffset`: decoding a batch of a list page's items, a failure names the item by its
    /// index in the page.
    func decode<Object: Decodable>(
        _ type: Object.Type, from body: Data, itemOffset: Int? = nil, request: RequestDescription
    ) throws(KubeError) -> Object {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw .invalidResponse(detail: DecodingErrorDescription.describe(error, itemOffset: itemOffset), request: request)
        }
    }

    /// Sends with credentials, retries and a single credential refresh after a 401.
    func send(_ request: APIRequest) async throws(KubeError) -> HTTPResponse {
        var attempt = 1
        var renewed = false
        var material = try await credentialMaterial(request)
        while true {
            let response: HTTPResponse
            do {
                response = try await http.send(httpRequest(request, material: material))
            } catch {
                let failure = KubeError.transport(error, request: request.description)
                guard retryPolicy.shouldRetry(error, idempotent: request.idempotent) else {
                    throw attempt > 1 ? .gaveUp(attempts: attempt, last: failure) : failure
                }
                guard attempt < retryPolicy.maxAttempts else { throw .gaveUp(attempts: attempt, last: failure) }
                try await pause(retryPolicy.delay(beforeAttempt: attempt, retryAfter: nil), request)
                attempt += 1
                continue
            }
            if (200..<300).contains(response.status) || (request.relaysUpstream && Self.apiStatus(in: response.body) == nil) {
                return response
            }
            if let fresh = try await renewedMaterial(afterStatus: response.status, material, alreadyRenewed: &renewed, request) {
                material = fresh
                continue
            }
            let failure = statusError(response, request: request.description)
            let retryAfter = response.headers.value(for: "Retry-After")
            guard retryPolicy.shouldRetry(status: response.status, idempotent: request.idempotent, hasRetryAfter: retryAfter != nil) else {
                throw failure
            }
            guard attempt < retryPolicy.maxAttempts else { throw .gaveUp(attempts: attempt, last: failure) }
            let delay = retryPolicy.delay(beforeAttempt: attempt, retryAfter: retryAfter)
            logger.debug("\(request.description): HTTP \(response.status), retrying in \(delay)")
            try await pause(delay, request)
            attempt += 1
        }
    }

    func httpRequest(_ request: APIRequest, material: CredentialProvider.Material) -> HTTPRequest {
        var headers = [HTTPHeader("Accept", request.accept), HTTPHeader("User-Agent", Self.userAgent)]
        if let contentType = request.contentType { headers.append(HTTPHeader("Content-Type", contentType)) }
        if let authorization = material.authorization { headers.append(HTTPHeader("Authorization", authorization.value)) }
        if let impersonation = connection.impersonation {
            if let user = impersonation.user { headers.append(HTTPHeader("Impersonate-User", user)) }
            for group in impersonation.groups { headers.append(HTTPHeader("Impersonate-Group", group)) }
        }
        var tls = connection.tls
        if let certificate = material.clientCertificate, let key = material.clientKey {
            tls.clientCertificate = certificate
            tls.clientKey = key
        }
        let timeout: Duration? = request.timeout.map { $0 == .zero ? nil : $0 } ?? connection.requestTimeout
        return HTTPRequest(
            method: request.method, url: url(for: request.path) + request.encodedQuery, headers: headers,
            body: request.body, timeout: timeout, connectTimeout: min(timeout ?? .seconds(10), .seconds(10)),
            tls: tls, proxyURL: connection.proxyURL)
    }

    func credentialMaterial(_ request: APIRequest) async throws(KubeError) -> CredentialProvider.Material {
        do {
            return try await credentials.current()
        } catch {
            throw credentialError(error, request)
        }
    }

    /// After a 401, a credential that can change (exec plugin, token file) is fetched again,
    /// once per request; nil when the status stands as the answer.
    func renewedMaterial(
        afterStatus status: Int, _ material: CredentialProvider.Material, alreadyRenewed: inout Bool, _ request: APIRequest
    ) async throws(KubeError) -> CredentialProvider.Material? {
        guard status == 401, credentials.isRefreshable, !alreadyRenewed else { return nil }
        alreadyRenewed = true
        logger.debug("\(request.description): 401, fetching the credential again")
        return try await refreshedMaterial(after: material, request)
    }

    private func refreshedMaterial(after stale: CredentialProvider.Material, _ request: APIRequest) async throws(KubeError) -> CredentialProvider.Material {
        do {
            return try await credentials.refresh(after: stale)
        } catch {
            throw credentialError(error, request)
        }
    }

    private func credentialError(_ error: any Error, _ request: APIRequest) -> KubeError {
        if let error = error as? KubeAuthError { return .credential(error, request: request.description) }
        return .transport(.cancelled(url: url(for: request.path)), request: request.description)
    }

    func statusError(_ response: HTTPResponse, request: RequestDescription) -> KubeError {
        let status = Self.apiStatus(in: response.body)
        let snippet = String(decoding: response.body.prefix(512), as: UTF8.self)
        return .status(code: response.status, status: status, body: status == nil ? snippet : nil, request: request)
    }

    /// The body's `Status`, or nil when the body is something else (a proxy in front of the
    /// API server, or an upstream behind a proxy subresource): then the caller keeps the raw body.
    static func apiStatus(in body: Data) -> APIStatus? {
        // Asked for protobuf, the API server sends its errors as protobuf too.
        let json = body.starts(with: KubeProtobuf.magic) ? (try? KubeProtobuf.json(ofAnswer: body)) : body
        guard let json, let status = try? JSONDecoder().decode(APIStatus.self, from: json), status.kind == "Status" else { return nil }
        return status
    }

    private func pause(_ delay: Duration, _ request: APIRequest) async throws(KubeError) {
        do {
            try await Task.sleep(for: delay)
        } catch {
            throw .transport(.cancelled(url: url(for: request.path)), request: request.description)
        }
    }
}

/// `GET /version`.
package struct ServerVersion: Decodable, Sendable {
    package var gitVersion: String
}

/// One page of a List response.
struct ListPage<Object: Decodable>: Decodable {
    struct Metadata: Decodable {
        var resourceVersion: String?
        var continueToken: String?
        var remainingItemCount: Int?

        private enum CodingKeys: String, CodingKey {
            case resourceVersion, remainingItemCount
            case continueToken = "continue"
        }

        /// No metadata: a list that says nothing about its version or next page.
        init() {}

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            resourceVersion = try container.decodeIfPresent(String.self, forKey: .resourceVersion)
            remainingItemCount = try container.decodeIfPresent(Int.self, forKey: .remainingItemCount)
            let token = try container.decodeIfPresent(String.self, forKey: .continueToken)
            continueToken = token.nonEmpty
        }
    }

    var metadata: Metadata?
    @DefaultEmpty var items: [Object]
}
