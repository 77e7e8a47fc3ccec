/// What a request was for, in RBAC terms: "list deployments.apps in namespace shop". Every
/// error carries one, so a 403 can name the verb and resource that was refused.
package struct RequestDescription: Sendable, Equatable, CustomStringConvertible {
    package var verb: String
    package var resource: String
    package var namespace: String?
    package var name: String?
    package var url: String

    package init(verb: String, resource: String, namespace: String? = nil, name: String? = nil, url: String) {
        self.verb = verb
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.url = url
    }

    package var description: String {
        var text = "\(verb) \(resource)"
        if let name { text += " \(name)" }
        if let namespace {
            text += " in namespace \(namespace)"
        } else if verb == "list" || verb == "watch" {
            text += " at cluster scope"
        }
        return text
    }
}
