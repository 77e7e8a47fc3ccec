/// Prices for `cost`: a pricing file for node pools and namespaces, and prices that override
/// its defaults.
package struct PricingSettings: Sendable {
    /// A YAML or JSON pricing file (docs/pricing.md).
    package var file: String?
    package var cpuPerCoreHour: Double?
    package var memoryPerGiBHour: Double?
    package var hoursPerMonth: Double?

    package init(file: String? = nil, cpuPerCoreHour: Double? = nil, memoryPerGiBHour: Double? = nil, hoursPerMonth: Double? = nil) {
        self.file = file
        self.cpuPerCoreHour = cpuPerCoreHour
        self.memoryPerGiBHour = memoryPerGiBHour
        self.hoursPerMonth = hoursPerMonth
    }
}
