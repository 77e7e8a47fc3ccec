import ArgumentParser
import HealApp

/// Prices for `cost`: flags for the common case, a file for node pools and namespaces.
struct PricingOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Price of one vCPU for one hour (default 0.031611).", valueName: "dollars"))
    var cpuPrice: Double?

    @Option(help: ArgumentHelp("Price of one GiB of memory for one hour (default 0.004237).", valueName: "dollars"))
    var memoryPrice: Double?

    @Option(help: ArgumentHelp("Hours billed per month (default 730).", valueName: "hours"))
    var hoursPerMonth: Double?

    @Option(help: ArgumentHelp("Prices per node pool and namespace, spot discounts (YAML; see docs/pricing.md). Flags override its defaults.", valueName: "file"), completion: .file())
    var pricing: String?

    func validate() throws {
        for (flag, value) in [("--cpu-price", cpuPrice), ("--memory-price", memoryPrice)] {
            if let value, !(value.isFinite && value >= 0) {
                throw ValidationError("\(flag) \(value) is not a price; use a number of dollars per hour, 0 or more")
            }
        }
        if let hoursPerMonth, !(hoursPerMonth >= 1 && hoursPerMonth <= 744) {
            throw ValidationError("--hours-per-month \(hoursPerMonth) is out of range; use 1 to 744 (730 is the average month)")
        }
    }

    var settings: PricingSettings {
        PricingSettings(file: pricing, cpuPerCoreHour: cpuPrice, memoryPerGiBHour: memoryPrice, hoursPerMonth: hoursPerMonth)
    }
}
