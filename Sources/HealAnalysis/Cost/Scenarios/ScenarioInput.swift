/// What the scenarios are computed from: one pod's requests, the replica counts of each
/// strategy, the daily schedule and the prices.
package struct ScenarioInput: Sendable, Equatable {
    /// The sum of one pod's container requests (cores, bytes); nil counts as 0.
    package var perPod: ResourceAmounts
    /// Always-on replicas.
    package var replicas: Int
    /// Replicas outside peak hours.
    package var minReplicas: Int
    package var peakReplicas: Int
    package var peakHoursPerDay: Double
    /// Hours a day scaled to zero.
    package var offHoursPerDay: Double
    package var daysPerMonth: Double
    /// The warm standby colour's size.
    package var standbyReplicas: Int
    /// One pod's requests as recommend-limits would set them; nil without a recommendation.
    package var rightSizedPerPod: ResourceAmounts?
    package var prices: PriceSheet
    /// Where the pods run, for the node-pool and namespace prices; nil and empty offline.
    package var namespace: String?
    package var nodeLabels: [String: String]
    /// Requests that were missing and counted as 0.
    package var missingRequests: [MissingRequest]

    package init(
        perPod: ResourceAmounts, replicas: Int, minReplicas: Int, peakReplicas: Int, peakHoursPerDay: Double, offHoursPerDay: Double,
        daysPerMonth: Double = 30, standbyReplicas: Int = 1, rightSizedPerPod: ResourceAmounts? = nil, prices: PriceSheet,
        namespace: String? = nil, nodeLabels: [String: String] = [:], missingRequests: [MissingRequest] = []
    ) {
        self.perPod = perPod
        self.replicas = replicas
        self.minReplicas = minReplicas
        self.peakReplicas = peakReplicas
        self.peakHoursPerDay = peakHoursPerDay
        self.offHoursPerDay = offHoursPerDay
        self.daysPerMonth = daysPerMonth
        self.standbyReplicas = standbyReplicas
        self.rightSizedPerPod = rightSizedPerPod
        self.prices = prices
        self.namespace = namespace
        self.nodeLabels = nodeLabels
        self.missingRequests = missingRequests
    }

    /// The inputs a person sets, named as their flags, for errors.
    package enum Field: String, Sendable, Equatable {
        case replicas
        case minReplicas = "min-replicas"
        case peakReplicas = "peak-replicas"
        case standbyReplicas = "standby-replicas"
        case peakHoursPerDay = "peak-hours"
        case offHoursPerDay = "off-hours"
    }
}
