/// A Kubernetes API URL path taken apart: `/api/v1/namespaces/shop/pods/web/log` has group "",
/// version v1, namespace shop, resource pods, name web, subresource log.
struct APIPath: Sendable, Equatable {
    /// The components that name the group version: `["api", "v1"]` or `["apis", "apps", "v1"]`.
    let groupVersionPrefix: [String]
    let group: String
    let namespace: String?
    let resource: String
    let name: String?
    let subresource: String?

    /// Nil for paths outside `/api/<v>` and `/apis/<g>/<v>` or with more components than a
    /// subresource needs.
    init?(components: [String]) {
        let prefixLength: Int
        switch components.first {
        case "api": prefixLength = 2
        case "apis": prefixLength = 3
        default: return nil
        }
        guard components.count > prefixLength else { return nil }
        groupVersionPrefix = Array(components[..<prefixLength])
        group = prefixLength == 3 ? components[1] : ""
        var rest = components[prefixLength...]
        if rest.first == "namespaces", rest.count >= 3 {
            namespace = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        } else {
            namespace = nil
        }
        guard rest.count <= 3 else { return nil }
        resource = rest[rest.startIndex]
        name = rest.count > 1 ? rest[rest.startIndex + 1] : nil
        subresource = rest.count > 2 ? rest[rest.startIndex + 2] : nil
    }

    var isClusterList: Bool { namespace == nil && name == nil }

    /// `[api, v1, namespaces, shop, pods]` — the path of the List a named object lives in.
    var listComponents: [String] {
        groupVersionPrefix + (namespace.map { ["namespaces", $0] } ?? []) + [resource]
    }
}
