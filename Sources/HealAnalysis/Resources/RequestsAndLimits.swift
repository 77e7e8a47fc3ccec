/// A container's CPU and memory requests and limits, as they are or as recommended.
package struct RequestsAndLimits: Sendable, Equatable, Codable {
    package var requests: ResourceAmounts
    package var limits: ResourceAmounts

    package init(requests: ResourceAmounts = ResourceAmounts(), limits: ResourceAmounts = ResourceAmounts()) {
        self.requests = requests
        self.limits = limits
    }
}
