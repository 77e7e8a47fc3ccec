import HealAnalysis
import HealModel

/// Cells more than one report format shows the same way.
extension Finding {
    /// How long the problem has lasted ("3m", "2d"), or "-" when that is unknown.
    var ageText: String {
        durationSeconds.map { DurationText.format(seconds: Double($0)) } ?? "-"
    }

    /// "shop/deployment/web": the workload with its namespace, for one-line listings.
    var workloadPath: String {
        [workload.namespace, workload.typeAndName].compactMap { $0 }.joined(separator: "/")
    }

    /// The fix in one line: the command to run, or what to change by hand.
    var fixText: String? {
        remediation.map { $0.command ?? $0.summary }
    }
}
