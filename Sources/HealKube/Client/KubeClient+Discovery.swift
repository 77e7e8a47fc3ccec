extension KubeClient {
    /// The resources of one group version (`GET /apis/GROUP/VERSION`, an APIResourceList).
    private struct ResourceList: Decodable {
        struct Resource: Decodable {
            var name: String
        }

        var resources: [Resource]
    }

    /// Whether the server serves `resource` (a plural, "scaledobjects") in `group`/`version`:
    /// what `kubectl api-resources` would list, for a custom resource whose CRD may or may not be
    /// installed. A 404 is false; any other failure throws.
    package func serves(group: String, version: String, resource: String) async throws(KubeError) -> Bool {
        let path = "/apis/\(group)/\(version)"
        do {
            let list = try await get(ResourceList.self, path: path, description: RequestDescription(verb: "get", resource: "\(group)/\(version)", url: url(for: path)))
            return list.resources.contains { $0.name == resource }
        } catch {
            guard case .status(404, _, _, _) = error else { throw error }
            return false
        }
    }
}
