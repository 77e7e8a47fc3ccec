/// How much a recommendation can be trusted: from Prometheus, by the length of its history;
/// from metrics-server or OOM kills alone, low; `unknown` when there is no recommendation.
package enum RecommendationConfidence: String, Codable, Sendable {
    case unknown
    case low
    case medium
    case high
}
