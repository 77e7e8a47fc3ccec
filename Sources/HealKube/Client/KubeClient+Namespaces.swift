import Foundation
import HealModel

extension ResourceKind {
    /// v1 Namespaces: not diagnosed, only read to tell an empty namespace from one that does not
    /// exist, and to name the closest ones.
    package static let namespaces = ResourceKind(group: "", version: "v1", plural: "namespaces", kind: "Namespace", namespaced: false, shortNames: ["ns"])
}

extension KubeClient {
    /// Whether namespace `name` exists: false only when the server says so (404 NotFound about
    /// that namespace); nil when it cannot be told (RBAC refuses reading namespaces, which many
    /// namespace-scoped users cannot, or any other failure), so a check built on it never stops a
    /// run that might be right.
    package func namespaceExists(_ name: String) async -> Bool? {
        do {
            _ = try await object(APIResource(.namespaces), namespace: nil, name: name)
            return true
        } catch {
            guard case .status(404, let status, _, _) = error, status?.details?.kind == "namespaces", status?.details?.name == name else {
                logger.debug("cannot tell whether namespace \(name) exists: \(error)")
                return nil
            }
            return false
        }
    }

    /// The names of every namespace, or none when they cannot be listed.
    package func namespaceNames() async -> [String] {
        var names: [String] = []
        do {
            try await list(ResourceKind.namespaces, as: NamedObject.self, namespace: nil) { names += $0.map(\.metadata.name) }
        } catch {
            logger.debug("cannot list namespaces: \(error)")
        }
        return names
    }
}

private struct NamedObject: Decodable, Sendable {
    struct Metadata: Decodable, Sendable { var name: String }
    var metadata: Metadata
}
