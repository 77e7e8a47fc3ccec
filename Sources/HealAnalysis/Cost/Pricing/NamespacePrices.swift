/// Prices for the namespaces a pattern matches (a team's chargeback rate, a batch discount).
/// They replace the node pool's, because they are what the namespace's owner is billed.
package struct NamespacePrices: Sendable, Equatable {
    package var pattern: NamespacePattern
    package var cpuPerCoreHour: Double?
    package var memoryPerGiBHour: Double?

    package init(pattern: NamespacePattern, cpuPerCoreHour: Double? = nil, memoryPerGiBHour: Double? = nil) {
        self.pattern = pattern
        self.cpuPerCoreHour = cpuPerCoreHour
        self.memoryPerGiBHour = memoryPerGiBHour
    }
}
