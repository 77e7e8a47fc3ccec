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
    package func replace(_ resource: APIResource, namespace: String?, name: String, body: Data) async throws(KubeError) -> Data {
        let path = resource.collectionPath(namespace: namespace) + "/\(name)"
        var request = APIRequest(
            method: "PUT", path: path, body: body, contentType: "application/json",
            description: RequestDescription(verb: "update", resource: resource.groupResource, namespace: namespace, name: name, url: url(for: path)))
        request.idempotent = false
        request.query = [("fieldManager", Self.fieldManager)]
        return try await send(request).body
    }
}
