import HealAnalysis
import HealApp
import HealModel

/// Renders a timeline in the format `-o` asked for. The first failure is marked `!`, the probable
/// triggers `◆1`, `◆2`…; the verdict and what each source covers follow the entries.
enum TimelineRenderer {
    static let kind = "Timeline"

    static func render(_ timeline: Timeline, as format: TimelineFormat, at time: Timestamp) throws -> String {
        switch format {
        case .table: table(timeline, wide: false)
        case .wide: table(timeline, wide: true)
        case .json: try ReportRenderer.json(VersionedDocument(kind: kind, body: timeline, generatedAt: time))
        case .yaml: try ReportRenderer.yaml(VersionedDocument(kind: kind, body: timeline, generatedAt: time))
        case .markdown: markdown(timeline)
        case .html: html(timeline, at: time)
        }
    }

    /// "!" for the first failure, "◆1" for the first-ranked trigger.
    private static func mark(_ index: Int, in timeline: Timeline) -> String {
        if index == timeline.firstFailure { return "!" }
        return timeline.triggers.first { $0.entry == index }.map { "◆\($0.rank)" } ?? ""
    }

    private static func when(_ entry: TimelineEntry) -> String {
        let time = entry.time.description
        guard let until = entry.until else { return time }
        return "\(time) … \(TimelineText.clock(until, sameDayAs: entry.time))"
    }

    static func table(_ timeline: Timeline, wide: Bool) -> String {
        var text = "Timeline of \(subject(timeline)) since \(timeline.since)\n\n"
        if timeline.entries.isEmpty {
            text += "Nothing happened in the window.\n"
        } else {
            let fleet = timeline.clusters != nil
            var table = TextTable(headers: ["", "time"] + (fleet ? ["cluster"] : []) + ["kind", "object", "what"] + (wide ? ["evidence"] : []))
            for (index, entry) in timeline.entries.enumerated() {
                let row = [mark(index, in: timeline), when(entry)] + (fleet ? [entry.cluster ?? ""] : []) + [entry.kind.rawValue, entry.object.typeAndName, entry.sentence]
                    + (wide ? [entry.evidence.joined(separator: "; ")] : [])
                table.rows.append(row.map { TextTable.Cell(text: $0) })
            }
            text += table.render()
        }
        text += "\n\(timeline.verdict)\n"
        for trigger in timeline.triggers.dropFirst() {
            text += "Also before it (◆\(trigger.rank)): \(trigger.reason)\n"
        }
        if let clusters = timeline.clusters {
            text += "\nPer cluster:\n" + clusters.compactMap { cluster in cluster.verdict.map { "  \(cluster.context): \($0)\n" } }.joined()
            text += FleetText.failures(timeline.errors ?? [], not: "read")
        }
        text += "\nCoverage:\n" + timeline.coverage.map { "  \($0.source): \($0.note)\n" }.joined()
        return text
    }

    static func markdown(_ timeline: Timeline) -> String {
        var text = "# Timeline of \(subject(timeline))\n\nSince \(timeline.since), until \(timeline.until).\n\n"
        text += "**\(timeline.verdict)**\n\n"
        if let clusters = timeline.clusters {
            text += clusters.map { cluster in
                "- **\(MarkdownReport.cell(cluster.context))**: " + MarkdownReport.cell(cluster.verdict ?? cluster.error.map { "not read: \($0.message)" } ?? "") + "\n"
            }.joined() + "\n"
        }
        let fleet = timeline.clusters != nil
        if !timeline.entries.isEmpty {
            text += fleet ? "| | time | cluster | kind | object | what |\n|---|---|---|---|---|---|\n" : "| | time | kind | object | what |\n|---|---|---|---|---|\n"
            for (index, entry) in timeline.entries.enumerated() {
                let cluster = fleet ? " \(MarkdownReport.cell(entry.cluster ?? "")) |" : ""
                text += "| \(mark(index, in: timeline)) | \(when(entry)) |\(cluster) \(entry.kind.rawValue) | \(MarkdownReport.cell(entry.object.typeAndName)) | \(MarkdownReport.cell(entry.sentence)) |\n"
            }
            text += "\n"
        }
        if timeline.triggers.count > 1 {
            text += "## Probable triggers\n\n" + timeline.triggers.map { "\($0.rank). \($0.reason)\n" }.joined() + "\n"
        }
        text += "## Coverage\n\n" + timeline.coverage.map { "- **\($0.source)**: \($0.note)\n" }.joined()
        return text
    }

    /// The entries as a table whose rows say what they are (`failure`, `trigger`, their kind),
    /// the verdict above it and the coverage below.
    static func html(_ timeline: Timeline, at time: Timestamp) -> String {
        func e(_ text: String) -> String { MarkupText.escape(text) }
        var body = "<section class=\"verdict\" data-triggers=\"\(timeline.triggers.count)\" data-entries=\"\(timeline.entries.count)\">\n<p>\(e(timeline.verdict))</p>\n"
        for trigger in timeline.triggers.dropFirst() { body += "<p>Also before it (◆\(trigger.rank)): \(e(trigger.reason))</p>\n" }
        for cluster in timeline.clusters ?? [] {
            body += "<p class=\"cluster\"><strong>\(e(cluster.context))</strong>: \(e(cluster.verdict ?? cluster.error.map { "not read: \($0.message)" } ?? ""))</p>\n"
        }
        let fleet = timeline.clusters != nil
        body += "</section>\n<section class=\"entries\">\n<h2>What happened</h2>\n<table>\n<tr><th></th><th>time</th>\(fleet ? "<th>cluster</th>" : "")<th>kind</th><th>object</th><th>what</th></tr>\n"
        for (index, entry) in timeline.entries.enumerated() {
            var classes = ["entry", entry.kind.rawValue]
            if index == timeline.firstFailure { classes.append("failure") }
            if timeline.triggers.contains(where: { $0.entry == index }) { classes.append("trigger") }
            let evidence = entry.evidence.isEmpty ? "" : "<details><summary>evidence</summary><ul>" + entry.evidence.map { "<li>\(e($0))</li>" }.joined() + "</ul></details>"
            body += "<tr class=\"\(classes.joined(separator: " "))\"><td>\(e(mark(index, in: timeline)))</td><td>\(e(when(entry)))</td>"
                + (fleet ? "<td>\(e(entry.cluster ?? ""))</td>" : "") + "<td>\(e(entry.kind.rawValue))</td>"
                + "<td>\(e(entry.object.typeAndName))</td><td>\(e(entry.sentence))\(evidence)</td></tr>\n"
        }
        body += "</table>\n</section>\n<section class=\"coverage\">\n<h2>Coverage</h2>\n<ul>\n"
            + timeline.coverage.map { "<li><strong>\(e($0.source))</strong>: \(e($0.note))</li>\n" }.joined() + "</ul>\n</section>\n"
        return HTMLPage.document(
            title: "kubectl heal timeline — \(subject(timeline))", heading: "Timeline of \(subject(timeline))",
            subtitle: "since \(timeline.since), until \(timeline.until)", body: body, footer: "Generated \(time) · \(kind)")
    }

    /// One line of `--watch`: "+" a new entry, "~" one that grew, "!" a new verdict,
    /// DISCONNECTED and RECONNECTED for the API server.
    static func watchLine(_ line: TimelineWatchLine, json: Bool, wide: Bool) throws -> String {
        if json { return try ReportRenderer.compactJSON(VersionedDocument(kind: "TimelineUpdate", body: line)) }
        guard let entry = line.entry else {
            let mark = line.type == .verdict ? "!" : line.type.rawValue.uppercased()
            return "\(mark) \(line.time) \(line.sentence ?? "")\n"
        }
        let evidence = wide && !entry.evidence.isEmpty ? " [\(entry.evidence.joined(separator: "; "))]" : ""
        return "\(line.type == .update ? "~" : "+") \(when(entry)) \(entry.kind.rawValue) \(entry.object.typeAndName): \(entry.sentence)\(evidence)\n"
    }

    private static func subject(_ timeline: Timeline) -> String {
        let subject = timeline.target.map { "\($0.typeAndName) in namespace \($0.namespace ?? "default")" } ?? timeline.namespace.map { "namespace \($0)" } ?? "all namespaces"
        return subject + (timeline.clusters.map { " across \($0.count) clusters" } ?? "")
    }

}
