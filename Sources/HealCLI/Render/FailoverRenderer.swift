import Foundation
import HealActions
import HealAnalysis
import HealModel

/// Tables and documents for `failover status`, the plan, each step and the result.
enum FailoverRenderer {
    static func status(_ status: FailoverStatus, as format: FailoverOutputFormat, at time: Timestamp) throws -> String {
        switch format {
        case .json: return try ReportRenderer.json(VersionedDocument(kind: "FailoverStatus", body: status, generatedAt: time))
        case .yaml: return try ReportRenderer.yaml(VersionedDocument(kind: "FailoverStatus", body: status, generatedAt: time))
        case .table: break
        }
        var text = "Service \(status.service) (namespace \(status.namespace)): \(status.verdict.rawValue.uppercased()) — \(status.reason)\n"
        text += "Colour label: \(status.colourLabel); active colour: \(status.activeColour ?? "none")\n\n"
        var table = TextTable(headers: ["colour", "deployment", "active", "replicas", "ready", "endpoints", "state", "image", "reason"])
        for colour in status.colours {
            table.rows.append([
                colour.colour, colour.deployment.isEmpty ? "<none>" : colour.deployment, colour.active ? "yes" : "no",
                String(colour.desiredReplicas), String(colour.readyReplicas),
                colour.active ? "\(colour.readyEndpoints)/\(colour.endpoints) ready" : "-", colour.state.rawValue,
                colour.images.isEmpty ? "-" : colour.images.joined(separator: ","), colour.reason ?? "-",
            ].map { TextTable.Cell(text: $0) })
        }
        text += table.render()
        text += "\nRecommendation: \(status.recommendation.text)\n"
        if let command = status.recommendation.command { text += "  \(command)\n" }
        return text
    }

    static func plan(_ plan: FailoverPlan, as format: FailoverOutputFormat) throws -> String {
        switch format {
        case .json: return try ReportRenderer.json(VersionedDocument(kind: "FailoverPlan", body: plan))
        case .yaml: return try ReportRenderer.yaml(VersionedDocument(kind: "FailoverPlan", body: plan))
        case .table: break
        }
        if plan.alreadyActive {
            return "service/\(plan.service) already sends traffic to \(plan.to); nothing to do.\n"
        }
        var text = "Plan: fail over service/\(plan.service) in namespace \(plan.namespace) from \(plan.from ?? "no colour") to \(plan.to)\n"
        for (number, step) in plan.steps.enumerated() {
            text += "  \(number + 1). \(step.description)\n"
        }
        if case .keep = plan.oldColour, let old = plan.fromDeployment {
            text += "  deployment/\(old) keeps its replicas (--keep-old).\n"
        }
        return text
    }

    /// One line per step as it ends: progress for `failover --apply`, the stream of `watch`.
    static func stepLine(_ step: FailoverResult.Step, json: Bool) throws -> String {
        if json { return try ReportRenderer.compactJSON(VersionedDocument(kind: "FailoverStep", body: step)) }
        return "\(step.kind.rawValue): \(step.result.rawValue) in \(seconds(step.seconds)) — \(step.detail)\n"
    }

    static func result(_ result: FailoverResult, as format: FailoverOutputFormat) throws -> String {
        switch format {
        case .json: return try ReportRenderer.json(VersionedDocument(kind: "FailoverResult", body: result))
        case .yaml: return try ReportRenderer.yaml(VersionedDocument(kind: "FailoverResult", body: result))
        case .table: break
        }
        if result.outcome == .nothingToDo { return try plan(result.plan, as: .table) }
        var table = TextTable(headers: ["step", "result", "time", "detail"])
        for step in result.steps {
            table.rows.append([step.kind.rawValue, step.result.rawValue, seconds(step.seconds), step.detail].map { TextTable.Cell(text: $0) })
        }
        var text = "\n" + table.render()
        text += "\nOutcome: \(result.outcome.rawValue); failover time \(seconds(result.failoverSeconds))"
        if result.totalSeconds > result.failoverSeconds + 0.05 { text += ", total \(seconds(result.totalSeconds))" }
        return text + "\n"
    }

    static func seconds(_ value: Double) -> String {
        String(format: "%.2fs", value)
    }
}
