import HealModel

/// The result of running the analyzers over a snapshot.
package struct Diagnosis: Sendable {
    package var findings: [Finding]
    /// Findings the ignore annotation, `--ignore` or the config file left out.
    package var suppressed: [SuppressedFinding]
    package var summary: DiagnosisSummary
    /// Each namespace's resources and how many are healthy; "" holds the cluster-scoped ones
    /// (nodes, volumes).
    package var namespaceHealth: [String: NamespaceHealth]
    /// Analyzer ids that ran.
    package var analyzers: [String]
    /// Analyzers that could not run because a kind they need was not collected.
    package var skipped: [(analyzer: String, missing: [ResourceKind])]

    /// Each namespace's health score (0–100), as the summary's; cluster-scoped objects left out.
    package var healthByNamespace: [String: Int] {
        namespaceHealth.filter { !$0.key.isEmpty }.mapValues(\.score)
    }
}

/// One namespace's share of a diagnosis: the resources assessed and those without a warning or
/// critical finding.
package struct NamespaceHealth: Sendable, Equatable {
    package var resources: Int
    package var healthy: Int

    package init(resources: Int, healthy: Int) {
        self.resources = resources
        self.healthy = healthy
    }

    package var score: Int {
        resources == 0 ? 100 : Int((100 * Double(healthy) / Double(resources)).rounded())
    }
}

/// Runs the selected analyzers and turns their raw findings into a report: one finding per
/// problem per workload, generic symptoms folded into their causes, young problems hidden with
/// `--min-age`, ages measured from the snapshot's clock, a stable order.
package enum Diagnoser {
    package static func diagnose(
        _ snapshot: ClusterSnapshot, options: DiagnosisOptions = DiagnosisOptions(), now: Timestamp,
        analyzers available: [any Analyzer] = AnalyzerRegistry.all
    ) -> Diagnosis {
        let context = AnalysisContext(snapshot: snapshot, now: now)
        var raw: [Finding] = []
        // Every analyzer's findings wait here until all have run: their repeated texts are kept once.
        let texts = FindingTextInterner()
        var ran: [String] = []
        var skipped: [(String, [ResourceKind])] = []
        for analyzer in options.selectedAnalyzers(from: available) {
            let missing = analyzer.descriptor.reads.subtracting(snapshot.collected).sorted()
            guard missing.isEmpty else {
                skipped.append((analyzer.descriptor.id, missing))
                continue
            }
            ran.append(analyzer.descriptor.id)
            var found = analyzer.analyze(context)
            for index in found.indices { texts.intern(&found[index]) }
            raw += found
        }
        if !options.historyFindings.isEmpty {
            ran.append(Anomaly.analyzer)
            raw += options.historyFindings
        }
        if !options.targets.isEmpty {
            raw = raw.filter { finding in options.targets.contains { $0.matches(finding.resource) || $0.matches(finding.owner) } }
        }
        // Raw findings name every object and owner the folded ones do.
        let labels = ObjectLabels(snapshot, findings: raw)
        // `-l` filters findings, not what is read: a Service labelled differently from its pods
        // is still judged against all of them.
        if let selector = options.labelSelector {
            raw = raw.filter { labels.match(selector, $0) }
        }
        var findings = FindingFolder.fold(FindingGrouper.group(raw))
        for index in findings.indices {
            findings[index].durationSeconds = context.age(since: findings[index].since).map { Int($0) }
            scrub(&findings[index])
        }
        if let minimum = options.minimumAgeSeconds {
            findings = findings.filter { ($0.durationSeconds.map(Double.init) ?? .infinity) >= minimum }
        }
        FindingTrigger.attach(to: &findings, snapshot: snapshot, index: context.index, now: now)
        // After folding, so a rule sees the codes the report shows; before the summary, which
        // counts what is left as the health score.
        var suppressed: [SuppressedFinding]
        (findings, suppressed) = Suppressor(rules: options.suppression, labels: labels, index: context.index).apply(to: findings)
        findings.sort(by: reportOrder)
        suppressed.sort { reportOrder($0.finding, $1.finding) }
        let (summary, byNamespace) = DiagnosisSummary.make(
            findings: findings, suppressed: suppressed.count, snapshot: snapshot, index: context.index, targets: options.targets)
        return Diagnosis(findings: findings, suppressed: suppressed, summary: summary, namespaceHealth: byNamespace, analyzers: ran, skipped: skipped)
    }

    /// Every text of a finding may quote what the cluster said (probe output, runtime errors,
    /// logs): secrets and control characters are removed here, once, for all analyzers.
    private static func scrub(_ finding: inout Finding) {
        finding.symptom = SecretScrubber.scrub(finding.symptom)
        finding.rootCause = SecretScrubber.scrub(finding.rootCause)
        for index in finding.evidence.indices {
            finding.evidence[index].text = SecretScrubber.scrub(finding.evidence[index].text)
        }
        if var remediation = finding.remediation {
            remediation.summary = SecretScrubber.scrub(remediation.summary)
            finding.remediation = remediation
        }
    }

    /// Worst first, then by namespace, workload and code.
    private static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.workload != rhs.workload { return lhs.workload < rhs.workload }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return (lhs.container ?? "") < (rhs.container ?? "")
    }
}
