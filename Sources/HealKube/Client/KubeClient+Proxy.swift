import HealHTTP

extension KubeClient {
    /// GET through a proxy subresource (`/api/v1/namespaces/NS/services/NAME:PORT/proxy/…`)
    /// with the client's credentials, TLS and retries. The upstream's answer comes back whatever
    /// its status; the API server's own refusals (a `Status` body: 401/403, a missing Service,
    /// 503 without endpoints) throw as for any request, naming `get <resource>`.
    package func proxyGet(
        _ path: String, query: [(String, String)], resource: String, namespace: String, name: String
    ) async throws(KubeError) -> HTTPResponse {
        var request = APIRequest(
            path: path,
            description: RequestDescription(verb: "get", resource: resource, namespace: namespace, name: name, url: url(for: path)))
        request.query = query
        request.accept = "application/json, */*"
        request.relaysUpstream = true
        return try await send(request)
    }
}
