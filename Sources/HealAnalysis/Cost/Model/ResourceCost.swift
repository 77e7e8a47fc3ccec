/// One resource of one container: per-pod amounts in cores or bytes, what was billed and why,
/// and the monthly cost over all replicas.
package struct ResourceCost: Sendable, Equatable, Encodable {
    package var request: Double?
    package var meanUsage: Double?
    /// max(request, mean usage) per pod, or whichever of the two is known.
    package var billed: Double
    package var basis: CostBasis
    package var monthly: Double
    /// The monthly cost of max(0, request − mean usage); nil when usage is unknown. 0 without a
    /// request, since nothing was reserved.
    package var idle: Double?

    package init(request: Double?, meanUsage: Double?, billed: Double, basis: CostBasis, monthly: Double, idle: Double?) {
        self.request = request
        self.meanUsage = meanUsage
        self.billed = billed
        self.basis = basis
        self.monthly = monthly
        self.idle = idle
    }
}
