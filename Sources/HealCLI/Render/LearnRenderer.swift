import Foundation
import HealApp
import HealModel
import HealStore
import Yams

/// Tables and versioned documents for the learn subcommands. Times in documents are RFC 3339
/// (as in the memory's own export); tables show ages, kubectl style.
enum LearnRenderer {
    /// The document's kinds, one per subcommand that reports.
    enum Kind: String {
        case patternList = "LearnedPatternList"
        case patternDetail = "LearnedPatternDetail"
        case stats = "LearnStats"
        case forgetResult = "LearnForgetResult"
        case resetResult = "LearnResetResult"
        case pruneResult = "LearnPruneResult"
        case importResult = "LearnImportResult"
    }

    /// `table` for people; otherwise `body` as a versioned JSON/YAML document.
    static func render<Body: Encodable>(_ kind: Kind, _ body: Body, as format: LearnOutputFormat, at now: Date, table: () -> String) throws -> String {
        let document = VersionedDocument(kind: kind.rawValue, body: body, generatedAt: Timestamp(now))
        switch format {
        case .table: return table()
        case .json: return try json(document)
        case .yaml: return try yaml(document)
        }
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try MemoryCoding.encoder(pretty: true).encode(value), as: UTF8.self) + "\n"
    }

    /// The JSON text re-emitted as block YAML, scalar for scalar: numbers keep their JSON
    /// spelling, strings are quoted only where plain YAML would read them as something else
    /// (times, numbers), so YAML holds exactly the JSON's values.
    static func yaml<Value: Encodable>(_ value: Value) throws -> String {
        let json = String(decoding: try MemoryCoding.encoder(pretty: false).encode(value), as: UTF8.self)
        guard let node = try Yams.compose(yaml: json) else { return "" }
        return try Yams.serialize(node: blockStyle(node), width: -1)
    }

    private static func blockStyle(_ node: Yams.Node) -> Yams.Node {
        switch node {
        case .scalar(var scalar):
            if scalar.style == .doubleQuoted { scalar.style = .any }
            return .scalar(scalar)
        case .mapping(let mapping):
            return .mapping(Yams.Node.Mapping(mapping.map { (blockStyle($0.key), blockStyle($0.value)) }, mapping.tag, .block))
        case .sequence(let sequence):
            return .sequence(Yams.Node.Sequence(sequence.map(blockStyle), sequence.tag, .block))
        case .alias:
            return node
        }
    }

    // MARK: Tables

    static func patternTable(_ patterns: [LearnedPattern], now: Date) -> String {
        guard !patterns.isEmpty else { return "No learned patterns.\n" }
        var table = TextTable(headers: ["id", "action", "successes", "failures", "success rate", "last used", "workloads", "fingerprint"])
        for pattern in patterns {
            table.rows.append([
                pattern.id, pattern.action, String(pattern.successes), String(pattern.failures), percent(pattern.successRate),
                age(pattern.lastUsedAt, now: now), String(pattern.learnedValues.count), pattern.fingerprint,
            ].map { TextTable.Cell(text: $0) })
        }
        return table.render()
    }

    static func detail(_ detail: PatternDetail, now: Date) -> String {
        let pattern = detail.pattern
        var text = """
            Pattern:      \(pattern.id)
            Action:       \(pattern.action)
            Fingerprint:  \(pattern.fingerprint)
            Signature:    \(pairs(pattern.signature))
            Template:     \(pairs(pattern.template))
            Outcomes:     \(pattern.successes) succeeded, \(pattern.failures) failed (\(percent(pattern.successRate)) success rate)
            Created:      \(MemoryCoding.format(pattern.createdAt)) (\(age(pattern.createdAt, now: now)) ago)
            Last used:    \(MemoryCoding.format(pattern.lastUsedAt)) (\(age(pattern.lastUsedAt, now: now)) ago)

            """
        text += "Learned values:\n"
        text += pattern.learnedValues.isEmpty ? "  none yet\n" : pattern.learnedValues.keys.sorted().map { "  \($0): \(pairs(pattern.learnedValues[$0] ?? [:]))\n" }.joined()
        text += "\nAttempts (\(detail.attempts.count) kept):\n"
        guard !detail.attempts.isEmpty else { return text + "  none kept (pruned)\n" }
        var table = TextTable(headers: ["id", "finished", "workload", "outcome", "source", "duration", "user", "context", "verification"])
        for attempt in detail.attempts {
            table.rows.append([
                String(attempt.id.prefix(8)), "\(age(attempt.finishedAt, now: now)) ago", attempt.workload.description, attempt.outcome.rawValue,
                attempt.source.rawValue, DurationText.format(seconds: attempt.durationSeconds), attempt.user, attempt.context, attempt.verification,
            ].map { TextTable.Cell(text: $0) })
        }
        return text + table.render()
    }

    static func stats(_ stats: LearnStats, location: String) -> String {
        let sources = AttemptRecord.Source.allCases.map { "\($0.rawValue) \(stats.attempts.bySource[$0.rawValue] ?? 0)" }.joined(separator: ", ")
        // Refused and unverified attempts only appear once there are some (they are new).
        let unjudged = [(stats.attempts.refused, "refused"), (stats.attempts.unverified, "unverified"), (stats.attempts.interrupted, "interrupted")]
            .filter { $0.0 > 0 }.map { ", \($0.0) \($0.1)" }.joined()
        return """
            Store:                 \(location)
            Patterns:              \(stats.patterns)
            Incidents handled:     \(stats.incidents.handled) (\(stats.incidents.fixed) fixed, \(stats.incidents.unresolved) unresolved)
            Attempts:              \(stats.attempts.total) (\(stats.attempts.succeeded) succeeded, \(stats.attempts.rolledBack) rolled back, \(stats.attempts.failed) failed\(unjudged))
            Attempts by source:    \(sources)
            Attempts pruned:       \(stats.attemptsPruned) (counted in patterns, not in these figures)
            Mean time to detect:   \(stats.meanTimeToDetectSeconds.map(seconds) ?? "-")
            Mean time to repair:   \(stats.meanTimeToRepairSeconds.map(seconds) ?? "-")
            LLM calls made:        \(stats.llmCalls)
            LLM calls avoided:     \(stats.llmCallsAvoided) (learned replays of fixes an LLM planned)

            """
    }

    static func counts(_ verb: String, _ counts: StoreCounts, location: String) -> String {
        "\(verb) \(counts.patterns) pattern\(counts.patterns == 1 ? "" : "s") and \(counts.attempts) attempt\(counts.attempts == 1 ? "" : "s") in \(location).\n"
    }

    static func imported(_ result: ImportResult) -> String {
        let counts = result.counts
        return "Imported \(result.file) into \(result.store): \(counts.patternsAdded) patterns added, \(counts.patternsMerged) merged; "
            + "\(counts.attemptsAdded) attempts added, \(counts.attemptsSkipped) already present or pruned.\n"
    }

    private static func pairs(_ values: [String: String]) -> String {
        values.isEmpty ? "-" : values.keys.sorted().map { "\($0)=\(values[$0] ?? "")" }.joined(separator: ", ")
    }

    private static func percent(_ rate: Double) -> String {
        "\(Int((rate * 100).rounded()))%"
    }

    private static func age(_ date: Date, now: Date) -> String {
        DurationText.format(seconds: now.timeIntervalSince(date))
    }

    private static func seconds(_ value: Double) -> String {
        value < 120 ? String(format: "%.1fs", value) : DurationText.format(seconds: value)
    }
}
