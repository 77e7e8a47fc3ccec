/// Monthly cost from requests (or usage above them) × replicas × hours, CPU and memory priced
/// separately:
///
///     Σ containers (cores × cpu $/h + bytes / 2³⁰ × memory $/h) × replicas × hours per month
package enum CostModel {
    package static let bytesPerGiB = 1_073_741_824.0

    /// Each container is billed max(request, mean usage) when usage is known, else its request.
    package static func cost(of workload: WorkloadResources, usage: WorkloadUsage?, prices sheet: PriceSheet) -> WorkloadCost {
        let prices = sheet.prices(namespace: workload.ref.namespace, nodeLabels: workload.nodeLabels)
        // A per-pod amount becomes a monthly cost through the same factor for every container.
        let podHours = Double(workload.replicas) * sheet.hoursPerMonth
        let containers = workload.containers.map { container in
            let used = usage?.containers[container.name]
            return ContainerCost(
                name: container.name,
                cpu: resourceCost(
                    request: container.requests.cpu, mean: used?.cpuMeanCores, usageKnown: usage != nil,
                    monthlyPerUnit: prices.cpuPerCoreHour * podHours),
                memory: resourceCost(
                    request: container.requests.memory, mean: used?.memoryMeanBytes, usageKnown: usage != nil,
                    monthlyPerUnit: prices.memoryPerGiBHour / bytesPerGiB * podHours))
        }
        let missing = containers.flatMap { container in
            [(PricedResource.cpu, container.cpu), (.memory, container.memory)]
                .filter { $0.1.basis == .noRequest }
                .map { MissingRequest(container: container.name, resource: $0.0) }
        }
        let idleParts = containers.flatMap { [$0.cpu.idle, $0.memory.idle] }
        return WorkloadCost(
            ref: workload.ref, replicas: workload.replicas, prices: prices, usageSource: usage?.source,
            cpu: containers.reduce(0) { $0 + $1.cpu.monthly },
            memory: containers.reduce(0) { $0 + $1.memory.monthly },
            idle: usage == nil || idleParts.contains(nil) ? nil : idleParts.compactMap(\.self).reduce(0, +),
            cpuBasis: basis(of: containers.map(\.cpu.basis)),
            memoryBasis: basis(of: containers.map(\.memory.basis)),
            containers: containers, missingRequests: missing)
    }

    /// Every workload costed, with totals per namespace and overall.
    package static func report(workloads: [WorkloadResources], usage: [ResourceRef: WorkloadUsage], prices: PriceSheet) -> CostReport {
        CostReport(costs: workloads.map { cost(of: $0, usage: usage[$0.ref], prices: prices) }, prices: prices)
    }

    private static func resourceCost(request: Double?, mean: Double?, usageKnown: Bool, monthlyPerUnit: Double) -> ResourceCost {
        let billed: Double
        let basis: CostBasis
        switch (request, mean) {
        case (let request?, let mean?) where mean > request: (billed, basis) = (mean, .usage)
        case (let request?, _): (billed, basis) = (request, .request)
        case (nil, let mean?): (billed, basis) = (mean, .usage)
        case (nil, nil): (billed, basis) = (0, .noRequest)
        }
        let idle: Double? =
            switch (usageKnown, request, mean) {
            case (false, _, _): nil
            case (true, nil, _): 0
            case (true, let request?, let mean?): max(0, request - mean) * monthlyPerUnit
            case (true, _?, nil): nil
            }
        return ResourceCost(request: request, meanUsage: mean, billed: billed, basis: basis, monthly: billed * monthlyPerUnit, idle: idle)
    }

    private static func basis(of containers: [CostBasis]) -> CostBasis {
        if containers.contains(.usage) { return .usage }
        return containers.contains(.request) ? .request : .noRequest
    }
}
