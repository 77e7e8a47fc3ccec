/// Prices for the nodes whose labels carry all of `nodeSelector`: explicit prices replace the
/// sheet's, and a spot discount is taken off whichever prices apply to the pool.
package struct NodePoolPrices: Sendable, Equatable {
    package var name: String
    package var nodeSelector: [String: String]
    package var cpuPerCoreHour: Double?
    package var memoryPerGiBHour: Double?
    package var spotDiscountPercent: Double?

    package init(
        name: String, nodeSelector: [String: String], cpuPerCoreHour: Double? = nil, memoryPerGiBHour: Double? = nil,
        spotDiscountPercent: Double? = nil
    ) {
        self.name = name
        self.nodeSelector = nodeSelector
        self.cpuPerCoreHour = cpuPerCoreHour
        self.memoryPerGiBHour = memoryPerGiBHour
        self.spotDiscountPercent = spotDiscountPercent
    }

    package func matches(_ nodeLabels: [String: String]) -> Bool {
        nodeSelector.allSatisfy { nodeLabels[$0.key] == $0.value }
    }
}
