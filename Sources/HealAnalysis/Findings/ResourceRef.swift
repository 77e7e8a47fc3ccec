/// Names one object: `Deployment/agentic-demo/mysql-client`.
package struct ResourceRef: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    package var kind: String
    package var namespace: String?
    package var name: String

    package init(kind: String, namespace: String?, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// kubectl's `TYPE/NAME` form: "deployment/mysql-client".
    package var typeAndName: String {
        "\(kind.lowercased())/\(name)"
    }

    package var description: String {
        namespace.map { "\(kind)/\($0)/\(name)" } ?? "\(kind)/\(name)"
    }

    package static func < (lhs: ResourceRef, rhs: ResourceRef) -> Bool {
        (lhs.namespace ?? "", lhs.kind, lhs.name) < (rhs.namespace ?? "", rhs.kind, rhs.name)
    }
}
