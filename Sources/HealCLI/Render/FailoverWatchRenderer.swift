import HealActions
import HealAnalysis
import HealKube
import HealModel

/// The stream `failover watch` prints: one line per decision and per switch, then a summary.
enum FailoverWatchRenderer {
    private struct DecisionDocument: Encodable {
        var time: Timestamp
        var decision: String
        var target: String?
        var acting: Bool
        var sentence: String
    }

    private struct ConnectivityDocument: Encodable {
        var time: Timestamp
        /// "disconnected" or "reconnected".
        var event: String
        var server: String
        var error: String?
        var sentence: String
    }

    static func line(_ report: FailoverWatcher.Report, json: Bool, at time: Timestamp) throws -> String {
        switch report {
        case .decision(let decision, let acting, let note):
            let sentence = decision.sentence + (note ?? "")
            guard json else { return "\(time) \(sentence)\n" }
            let (kind, target): (String, String?) = switch decision {
            case .failover(let to, _): ("failover", to)
            case .failback(let to, _): ("failback", to)
            case .wait: ("wait", nil)
            }
            return try ReportRenderer.compactJSON(VersionedDocument(
                kind: "FailoverDecision", body: DecisionDocument(time: time, decision: kind, target: target, acting: acting, sentence: sentence)))
        case .result(let result):
            guard json else {
                return "\(time) \(result.plan.from ?? "none") → \(result.plan.to): \(result.outcome.rawValue) in \(FailoverRenderer.seconds(result.failoverSeconds))\(result.message.map { " — \($0)" } ?? "")\n"
            }
            return try ReportRenderer.compactJSON(VersionedDocument(kind: "FailoverResult", body: result))
        case .connectivity(let server, let error):
            let event = error == nil ? "reconnected" : "disconnected"
            let sentence = WatchConnectivity.sentence(error: error)
            guard json else { return "\(time) \(event.uppercased()) \(sentence)\n" }
            return try ReportRenderer.compactJSON(VersionedDocument(
                kind: "APIServerConnectivity", body: ConnectivityDocument(time: time, event: event, server: server, error: error, sentence: sentence)))
        }
    }

    static func summary(_ summary: FailoverWatcher.Summary, json: Bool) throws -> String {
        if json { return try ReportRenderer.compactJSON(VersionedDocument(kind: "FailoverWatchSummary", body: summary)) }
        return "Stopped after \(DurationText.format(seconds: summary.seconds.rounded())): \(Wording.count(summary.failovers, "failover")), "
            + "\(Wording.count(summary.failbacks, "fail-back")), \(summary.refused) refused, \(summary.rolledBack) rolled back.\n"
    }
}
