/// Builds `Status` bodies with the field order and wording of kube-apiserver
/// (compare `Tests/Fixtures/k8s-v1.36/errors/`).
enum KubeStatus {
    static func body(
        code: Int, reason: String, message: String, details: [JSONValue.Member] = []
    ) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init(key: "kind", value: .string("Status")),
            .init(key: "apiVersion", value: .string("v1")),
            .init(key: "metadata", value: .object([])),
            .init(key: "status", value: .string("Failure")),
            .init(key: "message", value: .string(message)),
            .init(key: "reason", value: .string(reason)),
        ]
        if !details.isEmpty { members.append(.init(key: "details", value: .object(details))) }
        members.append(.init(key: "code", value: .number(String(code))))
        return .object(members)
    }

    /// `pods "web" not found` / `deployments.apps "web" not found`, or the generic message the
    /// API server gives when there is no object name to report.
    static func notFound(resource: String?, group: String, name: String?) -> JSONValue {
        var details: [JSONValue.Member] = []
        if let name { details.append(.init(key: "name", value: .string(name))) }
        if !group.isEmpty { details.append(.init(key: "group", value: .string(group))) }
        if let resource { details.append(.init(key: "kind", value: .string(resource))) }
        var message = "the server could not find the requested resource"
        if let resource, let name {
            message = "\(group.isEmpty ? resource : "\(resource).\(group)") \"\(name)\" not found"
        }
        return body(code: 404, reason: "NotFound", message: message, details: details)
    }
}
