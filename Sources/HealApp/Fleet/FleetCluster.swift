import HealAnalysis
import HealModel

/// One cluster of a `recommend-limits` or `cost` run over several: its context and server and
/// where its usage came from, or the error that kept it out (also listed in `errors`).
package struct FleetCluster: Encodable, Sendable {
    package var context: String
    package var server: String?
    package var usage: RecommendationReport.UsageDescription?
    package var error: UnreadableResource?

    /// A fleet document's `errors`: the clusters that failed, then each answering cluster's own,
    /// tagged with it.
    static func errors(_ failures: [UnreadableResource], _ members: [(context: String, errors: [UnreadableResource])]) -> [UnreadableResource] {
        failures + members.flatMap { $0.errors.inCluster($0.context) }
    }

    /// One entry per context of `order`: the cluster's own metadata, or its failure.
    static func entries(
        order: [String], answered: [(context: String, source: DiagnosisReport.Source, usage: RecommendationReport.UsageDescription)],
        failures: [UnreadableResource]
    ) -> [FleetCluster] {
        order.map { context in
            let member = answered.first { $0.context == context }
            return FleetCluster(context: context, server: member?.source.server, usage: member?.usage, error: failures.first { $0.cluster == context })
        }
    }
}

extension RecommendationReport.UsageDescription {
    /// Several clusters' usage as one: the weakest source any of them had, so the figures are
    /// never read as surer than the least-measured cluster's, and each cluster's source in the
    /// note — or, when every cluster said the same without an endpoint of its own, that.
    static func fleet(_ usages: [(context: String, usage: Self)]) -> Self {
        if let first = usages.first?.usage, usages.allSatisfy({ $0.usage.source == first.source && $0.usage.endpoint == nil && $0.usage.note == first.note }) {
            return first
        }
        let rank: [UsageSourceKind: Int] = [.none: 0, .metricsServer: 1, .prometheus: 2]
        let weakest = usages.map(\.usage.source).min { rank[$0, default: 0] < rank[$1, default: 0] } ?? .none
        let each = usages.map { "\($0.context): \($0.usage.endpoint ?? $0.usage.source.rawValue)" + ($0.usage.note.map { " (\($0))" } ?? "") }
        return Self(source: weakest, note: each.isEmpty ? nil : "usage per cluster — " + each.joined(separator: "; "))
    }
}
