/// A container that requests nothing of a resource: costing counts it as 0, which understates
/// what the pod really takes from its node, so reports list it.
package struct MissingRequest: Sendable, Equatable, Encodable, CustomStringConvertible {
    package var container: String
    package var resource: PricedResource

    package init(container: String, resource: PricedResource) {
        self.container = container
        self.resource = resource
    }

    /// "container sidecar has no CPU request".
    package var description: String {
        "container \(container) has no \(resource.displayName) request"
    }
}
