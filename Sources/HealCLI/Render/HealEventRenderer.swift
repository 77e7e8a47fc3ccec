import HealActions
import HealAnalysis
import HealModel

/// What `diagnose --fix/--watch` prints as it goes: a readable line per event (with the patch
/// under the line that applies it), or a JSON line per event for scripts; then a summary.
enum HealEventRenderer {
    static func line(_ event: HealEvent, json: Bool) throws -> String {
        if json { return try ReportRenderer.compactJSON(VersionedDocument(kind: "HealEvent", body: event)) }
        var text = "\(event.time) \(label(event.type)) \(event.message)\n"
        if event.type == .applying, let patch = event.step?.patch {
            text += "    patch: \(try ReportRenderer.compactJSON(patch))"
        }
        return text
    }

    static func summary(_ summary: HealSummary, json: Bool) throws -> String {
        if json { return try ReportRenderer.compactJSON(VersionedDocument(kind: "HealSummary", body: summary)) }
        let fromMemory = summary.fromMemory > 0 ? " (\(summary.fromMemory) from memory)" : ""
        // Counts shown only when there are any.
        let occasional = [(summary.refused, "refused"), (summary.unverified, "unverified"), (summary.interrupted, "interrupted")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1), " }.joined()
        let conflicts = summary.conflictsRetried > 0 ? " (\(Wording.count(summary.conflictsRetried, "conflict")) retried)" : ""
        return "Healing: \(summary.fixed) fixed\(fromMemory), \(summary.rolledBack) rolled back, \(summary.failed) failed, \(occasional)"
            + "\(summary.leftAlone) left alone\(conflicts); \(Wording.count(summary.detected, "problem")) detected, \(summary.resolved) resolved "
            + "in \(DurationText.format(seconds: summary.seconds.rounded())).\n"
    }

    private static func label(_ type: HealEvent.EventType) -> String {
        switch type {
        case .detected: "DETECTED"
        case .resolved: "RESOLVED"
        case .leftAlone: "LEFT-ALONE"
        case .applying: "APPLYING"
        case .succeeded: "FIXED"
        case .rolledBack: "ROLLED-BACK"
        case .failed: "FAILED"
        case .refused: "REFUSED"
        case .unverified: "UNVERIFIED"
        case .interrupted: "INTERRUPTED"
        case .disconnected: "DISCONNECTED"
        case .reconnected: "RECONNECTED"
        }
    }
}
