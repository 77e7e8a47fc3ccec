/// A refused API call: the HTTP code and the `Status` body kube-apiserver sends for it.
package struct APIStatusError: Error, CustomStringConvertible {
    package let code: Int
    let body: JSONValue

    package var message: String { body["message"]?.stringValue ?? "" }
    package var reason: String { body["reason"]?.stringValue ?? "" }
    package var description: String { "\(code) \(reason): \(message)" }

    static func notFound(_ type: ResourceType, name: String) -> APIStatusError {
        APIStatusError(code: 404, body: KubeStatus.notFound(resource: type.resource, group: type.group, name: name))
    }

    static func conflict(_ type: ResourceType, name: String) -> APIStatusError {
        APIStatusError(code: 409, body: KubeStatus.body(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(type.qualifiedName) \"\(name)\": the object has been "
                + "modified; please apply your changes to the latest version and try again",
            details: details(type, name: name)))
    }

    static func alreadyExists(_ type: ResourceType, name: String) -> APIStatusError {
        APIStatusError(code: 409, body: KubeStatus.body(
            code: 409, reason: "AlreadyExists", message: "\(type.qualifiedName) \"\(name)\" already exists",
            details: details(type, name: name)))
    }

    static func badRequest(_ message: String) -> APIStatusError {
        APIStatusError(code: 400, body: KubeStatus.body(code: 400, reason: "BadRequest", message: message))
    }

    static func unsupportedMediaType() -> APIStatusError {
        APIStatusError(code: 415, body: KubeStatus.body(
            code: 415, reason: "UnsupportedMediaType",
            message: "the body of the request was in an unknown format - accepted media types include: "
                + "application/merge-patch+json, application/strategic-merge-patch+json"))
    }

    static func methodNotAllowed() -> APIStatusError {
        APIStatusError(code: 405, body: KubeStatus.body(
            code: 405, reason: "MethodNotAllowed",
            message: "the server does not allow this method on the requested resource"))
    }

    /// `name`, then `group` for non-core types, then `kind` (the plural resource).
    private static func details(_ type: ResourceType, name: String) -> [JSONValue.Member] {
        [.init(key: "name", value: .string(name))]
            + (type.group.isEmpty ? [] : [.init(key: "group", value: .string(type.group))])
            + [.init(key: "kind", value: .string(type.resource))]
    }
}
