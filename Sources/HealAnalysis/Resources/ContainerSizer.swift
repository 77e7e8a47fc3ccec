import HealModel

/// Sizes one container: CPU at a usage percentile, memory at the usage peak plus a buffer and
/// never below its `MemoryFloor`; no recommendation when the evidence is too thin.
struct ContainerSizer {
    private struct Sizing {
        var recommended: RequestsAndLimits
        var confidence: RecommendationConfidence
        var reasons: [String]
    }

    var settings: RecommenderSettings
    var source: UsageSourceKind
    var replicas: Int

    func recommend(_ container: ContainerResources, usage: ContainerUsage?, oomKills: [OOMKill], learnedMemoryBytes: Double?)
        -> ContainerRecommendation
    {
        let current = RequestsAndLimits(requests: container.requests, limits: container.limits)
        let floor = MemoryFloor(kills: oomKills + (usage?.oomKills ?? []), learnedBytes: learnedMemoryBytes)
        let shortfalls = shortfalls(of: usage)
        let sizing: Sizing?
        if let usage, shortfalls.isEmpty {
            sizing = size(current, usage: usage, floor: floor)
        } else if let floorBytes = floor.bytes {
            sizing = sizeMemory(current, floorBytes: floorBytes, reasons: shortfalls + ["CPU unchanged: no usage to size it from"] + floor.reasons)
        } else {
            sizing = nil
        }
        return ContainerRecommendation(
            name: container.name, current: current, recommended: sizing?.recommended,
            difference: sizing.map { ResourceDifference(current: current.requests, recommended: $0.recommended.requests, replicas: replicas) },
            severity: sizing.map { severity(current: current, recommended: $0.recommended) } ?? .unknown,
            confidence: sizing?.confidence ?? .unknown, window: usage.map { UsageWindow(seconds: $0.historySeconds, samples: $0.samples) },
            learnedMemoryBytes: learnedMemoryBytes, reasons: sizing?.reasons ?? shortfalls + floor.reasons)
    }

    /// Why the usage cannot be sized from; empty when it can. metrics-server has current usage
    /// only, so its history and sample thresholds do not apply.
    private func shortfalls(of usage: ContainerUsage?) -> [String] {
        guard let usage, usage.samples > 0, source != .none else { return ["no usage data for this container"] }
        guard source == .prometheus else { return [] }
        var shortfalls: [String] = []
        if usage.historySeconds < settings.minimumHistorySeconds {
            shortfalls.append(
                "only \(DurationText.format(seconds: usage.historySeconds)) of history; "
                    + "at least \(DurationText.format(seconds: settings.minimumHistorySeconds)) needed")
        }
        if usage.samples < settings.minimumSamples {
            shortfalls.append("only \(Self.samples(usage.samples)); at least \(settings.minimumSamples) needed")
        }
        return shortfalls
    }

    private func size(_ current: RequestsAndLimits, usage: ContainerUsage, floor: MemoryFloor) -> Sizing {
        let window = DurationText.format(seconds: usage.historySeconds)
        var recommended = current
        var reasons: [String] = []

        let requestPercentile = "p\(Self.number(settings.cpuPercentile))"
        if let used = usage.cpuPercentiles[settings.cpuPercentile] {
            let (request, minimumReason) = cores(used)
            recommended.requests.cpu = request
            reasons.append("CPU \(requestPercentile) over \(window): \(Quantity.formatCores(used))" + (minimumReason.map { ", \($0)" } ?? ""))
            if let limitPercentile = settings.cpuLimitPercentile {
                if let limitUsed = usage.cpuPercentiles[limitPercentile] {
                    // A limit below the request is rejected by the API server.
                    recommended.limits.cpu = max(cores(limitUsed).cores, request)
                    reasons.append("CPU limit p\(Self.number(limitPercentile)) over \(window): \(Quantity.formatCores(limitUsed))")
                } else {
                    reasons.append("no CPU p\(Self.number(limitPercentile)) figure: CPU limit unchanged")
                }
            } else {
                recommended.limits.cpu = nil
                if current.limits.cpu != nil { reasons.append("CPU limit removed: throttling costs more than it saves") }
            }
        } else {
            reasons.append("no CPU \(requestPercentile) figure: CPU unchanged")
        }

        let buffered = usage.memoryPeakBytes.map { $0 * (1 + settings.memoryBufferPercent / 100) }
        if let peak = usage.memoryPeakBytes {
            reasons.append("memory peak \(Quantity.formatBytes(peak)) + \(Self.number(settings.memoryBufferPercent))%")
        }
        reasons += floor.reasons
        if let needed = [buffered, floor.bytes].compactMap(\.self).max() {
            let (memory, minimumReason) = memoryBytes(needed)
            recommended.requests.memory = memory
            recommended.limits.memory = memory
            reasons += minimumReason
        } else {
            reasons.append("no memory figures: memory unchanged")
        }

        return Sizing(recommended: recommended, confidence: confidence(of: usage, reasons: &reasons), reasons: reasons)
    }

    /// Too little usage, but OOM kills (or healing) show a minimum: memory from that alone.
    private func sizeMemory(_ current: RequestsAndLimits, floorBytes: Double, reasons: [String]) -> Sizing {
        let (memory, minimumReason) = memoryBytes(floorBytes)
        var recommended = current
        recommended.requests.memory = memory
        recommended.limits.memory = memory
        return Sizing(recommended: recommended, confidence: .low, reasons: reasons + minimumReason)
    }

    private func confidence(of usage: ContainerUsage, reasons: inout [String]) -> RecommendationConfidence {
        guard source == .prometheus else {
            reasons.append(
                "metrics-server: current usage only, \(Self.samples(usage.samples)) over \(DurationText.format(seconds: usage.historySeconds))")
            return .low
        }
        if usage.historySeconds < settings.lowConfidenceBelowSeconds { return .low }
        if usage.historySeconds < settings.highConfidenceFromSeconds { return .medium }
        return .high
    }

    private func severity(current: RequestsAndLimits, recommended: RequestsAndLimits) -> SizingSeverity {
        max(
            SizingSeverity.cpu(current: current.requests.cpu, recommended: recommended.requests.cpu),
            SizingSeverity.cpu(current: current.limits.cpu, recommended: recommended.limits.cpu),
            SizingSeverity.memory(current: current.requests.memory, recommended: recommended.requests.memory),
            SizingSeverity.memory(current: current.limits.memory, recommended: recommended.limits.memory))
    }

    /// Cores at the minimum or above, rounded up to a whole millicore (less a representation
    /// error's worth, so that 0.212 stays 212m).
    private func cores(_ used: Double) -> (cores: Double, minimumReason: String?) {
        let floored = max(used, settings.minimumCPUCores)
        let reason = floored > used ? "raised to the \(Quantity.formatCores(settings.minimumCPUCores)) minimum" : nil
        return ((floored * 1000 - 1e-6).rounded(.up) / 1000, reason)
    }

    /// Bytes at the minimum or above, rounded up to a whole Mi.
    private func memoryBytes(_ needed: Double) -> (bytes: Double, minimumReason: [String]) {
        let floored = max(needed, settings.minimumMemoryBytes)
        let reason = floored > needed ? ["raised to the \(Quantity.formatBytes(settings.minimumMemoryBytes)) minimum"] : []
        return ((floored / 1_048_576 - 1e-6).rounded(.up) * 1_048_576, reason)
    }

    private static func samples(_ count: Int) -> String {
        count == 1 ? "1 sample" : "\(count) samples"
    }

    /// 95 → "95", 99.5 → "99.5".
    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
