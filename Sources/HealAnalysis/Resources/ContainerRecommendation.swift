import HealModel

/// One container's sizing: what it has, what it should have, how sure we are and why.
package struct ContainerRecommendation: Sendable, Equatable, Codable {
    package var name: String
    package var current: RequestsAndLimits
    /// Nil when there is too little evidence to recommend anything (shown as "?").
    package var recommended: RequestsAndLimits?
    /// Recommended minus current requests; nil with no recommendation.
    package var difference: ResourceDifference?
    package var severity: SizingSeverity
    package var confidence: RecommendationConfidence
    /// The usage behind the figures; nil when the source had none for this container.
    package var window: UsageWindow?
    /// The memory the healing store learned this container needed, when it has a record.
    package var learnedMemoryBytes: Double?
    /// Human sentences: the figures used, the floors that applied, or why there is no recommendation.
    package var reasons: [String]

    package init(
        name: String, current: RequestsAndLimits, recommended: RequestsAndLimits?, difference: ResourceDifference?,
        severity: SizingSeverity, confidence: RecommendationConfidence, window: UsageWindow?, learnedMemoryBytes: Double?,
        reasons: [String]
    ) {
        self.name = name
        self.current = current
        self.recommended = recommended
        self.difference = difference
        self.severity = severity
        self.confidence = confidence
        self.window = window
        self.learnedMemoryBytes = learnedMemoryBytes
        self.reasons = reasons
    }

    /// Whether applying the recommendation changes the spec, compared as the patch would write
    /// the quantities (whole millicores and Mi): 100M and 96Mi are the same to a patch.
    package var hasChanges: Bool {
        guard let recommended else { return false }
        return Self.text(cores: recommended.requests.cpu) != Self.text(cores: current.requests.cpu)
            || Self.text(cores: recommended.limits.cpu) != Self.text(cores: current.limits.cpu)
            || Self.text(bytes: recommended.requests.memory) != Self.text(bytes: current.requests.memory)
            || Self.text(bytes: recommended.limits.memory) != Self.text(bytes: current.limits.memory)
    }

    static func text(cores: Double?) -> String? { cores.map(Quantity.formatCores) }
    static func text(bytes: Double?) -> String? { bytes.map(Quantity.formatBytes) }
}
