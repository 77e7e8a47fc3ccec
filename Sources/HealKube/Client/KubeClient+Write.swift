import Foundation
import HealModel

extension KubeClient {
    /// One object as JSON (`GET …/NAME`), for callers that decode it themselves or keep it
    /// whole as a prior state.
    package func object(_ resource: APIResource, namespace: String?, name: String) async throws(KubeError) -> Data {
        let path = resource.collectionPath(namespace: namespace) + "/\(name)"
        let description = RequestDescription(verb: "get", resource: resource.groupResource, namespace: namespace, name: name, url: url(for: path))
        return try await send(APIRequest(path: path, description: description)).body
    }

    /// Creates an object (`POST`); the server's copy comes back. Not retried after a lost
    /// connection: the first attempt may have created it.
    package func create(_ resource: APIResource, namespace: String?, body: Data) async throws(KubeError) -> Data {
        let path = resource.collectionPath(namespace: namespace)
        var request = APIRequest(
            method: "POST", path: path, body: body, contentType: "application/json",
            description: RequestDescription(verb: "create", resource: resource.groupResource, namespace: namespace, url: url(for: path)))
        request.idempotent = false
        request.query = [("fieldManager", Self.fieldManager)]
        return try await send(request).body
    }

    /// Replaces an object (`PUT`). The body's `metadata.resourceVersion` is the precondition:
    /// a stale one is refused with 409 Conflict.
    package func replace(_ resource: APIResource, namespace: String?, name: String, body: Data, dryRun: Bool = false) async throws(KubeError) -> Data {
        let path = resource.collectionPath(namespace: namespace) + "/\(name)"
        var request = APIRequest(
            method: "PUT", path: path, body: body, contentType: "application/json",
            description: RequestDescription(verb: "update", resource: resource.groupResource, namespace: namespace, name: name, url: url(for: path)))
        request.idempotent = false
        request.query = [("fieldManager", Self.fieldManager)]
        if dryRun { request.query.append(("dryRun", "All")) }
        return try await send(request).body
    }

    /// Deletes an object (`DELETE`). `uid` is the precondition: when the name now belongs to
    /// another object (deleted and re-created meanwhile), the server refuses with 409.
    package func delete(_ resource: APIResource, namespace: String?, name: String, uid: String?, dryRun: Bool = false) async throws(KubeError) {
        let path = resource.collectionPath(namespace: namespace) + "/\(name)"
        let options: [String: Any] = ["kind": "DeleteOptions", "apiVersion": "v1"]
            .merging(uid.map { ["preconditions": ["uid": $0]] } ?? [:]) { old, _ in old }
        var request = APIRequest(
            method: "DELETE", path: path,
            body: (try? JSONSerialization.data(withJSONObject: options, options: [.sortedKeys])) ?? Data(), contentType: "application/json",
            description: RequestDescription(verb: "delete", resource: resource.groupResource, namespace: namespace, name: name, url: url(for: path)))
        request.idempotent = false
        if dryRun { request.query.append(("dryRun", "All")) }
        _ = try await send(request)
    }
}
