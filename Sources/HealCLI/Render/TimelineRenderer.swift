import HealAnalysis
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
        return "\(time) … \(TimelineText.clock(until))"
    }

    static func table(_ timeline: Timeline, wide: Bool) -> String {
        var text = "Timeline of \(subject(timeline)) since \(timeline.since)\n\n"
        if timeline.entries.isEmpty {
            text += "Nothing happened in the window.\n"
        } else {
            var table = TextTable(headers: ["", "time", "kind", "object", "what"] + (wide ? ["evidence"] : []))
            for (index, entry) in timeline.entries.enumerated() {
                let row = [mark(index, in: timeline), when(entry), entry.kind.rawValue, entry.object.typeAndName, entry.sentence]
                    + (wide ? [entry.evidence.joined(separator: "; ")] : [])
                table.rows.append(row.map { TextTable.Cell(text: $0) })
            }
            text += table.render()
        }
        text += "\n\(timeline.verdict)\n"
        for trigger in timeline.triggers.dropFirst() {
            text += "Also before it (◆\(trigger.rank)): \(trigger.reason)\n"
        }
        text += "\nCoverage:\n" + timeline.coverage.map { "  \($0.source): \($0.note)\n" }.joined()
        return text
    }

    static func markdown(_ timeline: Timeline) -> String {
        var text = "# Timeline of \(subject(timeline))\n\nSince \(timeline.since), until \(timeline.until).\n\n"
        text += "**\(timeline.verdict)**\n\n"
        if !timeline.entries.isEmpty {
            text += "| | time | kind | object | what |\n|---|---|---|---|---|\n"
            for (index, entry) in timeline.entries.enumerated() {
                text += "| \(mark(index, in: timeline)) | \(when(entry)) | \(entry.kind.rawValue) | \(cell(entry.object.typeAndName)) | \(cell(entry.sentence)) |\n"
            }
            text += "\n"
        }
        if timeline.triggers.count > 1 {
            text += "## Probable triggers\n\n" + timeline.triggers.map { "\($0.rank). \($0.reason)\n" }.joined() + "\n"
        }
        text += "## Coverage\n\n" + timeline.coverage.map { "- **\($0.source)**: \($0.note)\n" }.joined()
        return text
    }

    private static func subject(_ timeline: Timeline) -> String {
        timeline.target.map { "\($0.typeAndName) in namespace \($0.namespace ?? "default")" } ?? "namespace \(timeline.namespace ?? "(all)")"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
