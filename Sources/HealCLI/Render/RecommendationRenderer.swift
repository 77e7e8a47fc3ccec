import HealAnalysis
import HealApp
import HealModel

/// Renders a recommendation report in the format `-o` asked for.
enum RecommendationRenderer {
    static func render(_ report: RecommendationReport, as format: RecommendFormat, at time: Timestamp, colors: Bool) throws -> String {
        switch format {
        case .table: table(report, wide: false, palette: Palette(enabled: colors))
        case .wide: table(report, wide: true, palette: Palette(enabled: colors))
        case .json: try ReportRenderer.json(VersionedDocument(kind: kind, body: report, generatedAt: time))
        case .yaml: try ReportRenderer.yaml(VersionedDocument(kind: kind, body: report, generatedAt: time))
        case .csv: csv(report)
        case .patch: try patches(report)
        }
    }

    static let kind = "ResourceRecommendationReport"

    // MARK: Table

    /// One row per container: current → recommended, the difference per pod and × replicas,
    /// severity and confidence; `wide` adds the source and the reasons. Containers without a
    /// recommendation ("?") are explained under the table.
    static func table(_ report: RecommendationReport, wide: Bool, palette: Palette) -> String {
        let fleet = report.metadata.clusters != nil
        guard !report.workloads.isEmpty else { return "No workloads found.\n" + FleetText.failures(report.errors, not: "sized") }
        var headers = (fleet ? ["cluster"] : []) + ["namespace", "workload", "container", "cpu request", "cpu limit", "memory request", "memory limit", "diff per pod", "diff × replicas", "severity", "confidence"]
        if wide { headers += ["source", "reason"] }
        var table = TextTable(headers: headers)
        var unknown: [String] = []
        for workload in report.workloads {
            for container in workload.containers {
                let recommended = container.recommended
                var cells = (fleet ? [workload.cluster ?? ""] : []).map { TextTable.Cell(text: $0) } + [
                    workload.ref.namespace ?? "", workload.ref.typeAndName, container.name,
                    change(cores: container.current.requests.cpu, to: recommended.map { $0.requests.cpu }),
                    change(cores: container.current.limits.cpu, to: recommended.map { $0.limits.cpu }),
                    change(bytes: container.current.requests.memory, to: recommended.map { $0.requests.memory }),
                    change(bytes: container.current.limits.memory, to: recommended.map { $0.limits.memory }),
                    difference(container.difference?.perPod),
                    difference(container.difference?.total, replicas: workload.replicas),
                ].map { TextTable.Cell(text: $0) }
                cells.append(TextTable.Cell(text: container.severity == .unknown ? "?" : container.severity.rawValue, paint: paint(container.severity, palette)))
                cells.append(TextTable.Cell(text: container.confidence == .unknown ? "?" : container.confidence.rawValue))
                if wide {
                    cells.append(TextTable.Cell(text: workload.source.rawValue))
                    cells.append(TextTable.Cell(text: container.reasons.joined(separator: "; ")))
                }
                table.rows.append(cells)
                if recommended == nil, !wide {
                    unknown.append("? \(FleetText.prefix(workload.cluster))\(workload.ref.namespace ?? "")/\(workload.ref.typeAndName) (\(container.name)): \(container.reasons.joined(separator: "; "))")
                }
            }
        }
        var text = table.render()
        if !unknown.isEmpty { text += "\n" + unknown.joined(separator: "\n") + "\n" }
        if let note = report.metadata.usage.note { text += "\nnote: \(note)\n" }
        text += FleetText.failures(report.errors, not: "sized")
        if let applied = report.applied { text += "\n" + appliedTable(applied) }
        return text
    }

    /// What --apply did: one line per change, the patch under it.
    static func appliedTable(_ results: [ResizeResult]) -> String {
        guard !results.isEmpty else { return "Nothing to apply: every recommendation matches what runs.\n" }
        var table = TextTable(headers: ["namespace", "workload", "outcome", "detail"])
        for result in results {
            table.rows.append([result.workload.namespace ?? "", result.workload.typeAndName, result.outcome.rawValue, result.detail].map { TextTable.Cell(text: $0) })
        }
        return table.render()
    }

    private static func paint(_ severity: SizingSeverity, _ palette: Palette) -> (String) -> String {
        switch severity {
        case .critical: { palette.severity($0, .critical) }
        case .warning: { palette.severity($0, .warning) }
        default: { $0 }
        }
    }

    static func change(cores current: Double?, to recommended: Double??) -> String {
        arrow(current.map(Quantity.formatCores), recommended.map { $0.map(Quantity.formatCores) })
    }

    static func change(bytes current: Double?, to recommended: Double??) -> String {
        arrow(current.map(Quantity.formatBytes), recommended.map { $0.map(Quantity.formatBytes) })
    }

    /// "100m → 212m", "100m" when unchanged, "100m → ?" without a recommendation, "-" for unset.
    private static func arrow(_ current: String?, _ recommended: String??) -> String {
        guard let recommended else { return "\(current ?? "-") → ?" }
        let new = recommended ?? "-"
        let old = current ?? "-"
        return old == new ? old : "\(old) → \(new)"
    }

    /// "+112m/+224Mi", signed; "-" when unknown.
    static func difference(_ amounts: ResourceAmounts?, replicas: Int? = nil) -> String {
        guard let amounts, amounts.cpu != nil || amounts.memory != nil else { return "-" }
        let cpu = amounts.cpu.map { signed($0, Quantity.formatCores) } ?? "?"
        let memory = amounts.memory.map { signed($0, Quantity.formatBytes) } ?? "?"
        let text = "\(cpu)/\(memory)"
        return replicas.map { "\(text) (×\($0))" } ?? text
    }

    private static func signed(_ value: Double, _ format: (Double) -> String) -> String {
        if abs(value) < 1e-9 { return "0" }
        return (value < 0 ? "-" : "+") + format(abs(value))
    }

    // MARK: CSV

    /// One line per container, quantities as Kubernetes writes them, empty cells for unset.
    static func csv(_ report: RecommendationReport) -> String {
        let headers = [
            "namespace", "kind", "name", "container", "replicas",
            "cpu_request", "cpu_request_recommended", "cpu_limit", "cpu_limit_recommended",
            "memory_request", "memory_request_recommended", "memory_limit", "memory_limit_recommended",
            "cpu_diff_per_pod", "memory_diff_per_pod", "cpu_diff_total", "memory_diff_total",
            "severity", "confidence", "source", "history_seconds", "samples", "reason",
        ]
        let fleet = report.metadata.clusters != nil
        var lines = [((fleet ? ["cluster"] : []) + headers).joined(separator: ",")]
        for workload in report.workloads {
            for container in workload.containers {
                let recommended = container.recommended
                let fields: [String] = (fleet ? [workload.cluster ?? ""] : []) + [
                    workload.ref.namespace ?? "", workload.ref.kind, workload.ref.name, container.name, String(workload.replicas),
                    cores(container.current.requests.cpu), cores(recommended?.requests.cpu),
                    cores(container.current.limits.cpu), cores(recommended?.limits.cpu),
                    bytes(container.current.requests.memory), bytes(recommended?.requests.memory),
                    bytes(container.current.limits.memory), bytes(recommended?.limits.memory),
                    number(container.difference?.perPod.cpu), number(container.difference?.perPod.memory),
                    number(container.difference?.total.cpu), number(container.difference?.total.memory),
                    container.severity.rawValue, container.confidence.rawValue, workload.source.rawValue,
                    number(container.window?.seconds), container.window.map { String($0.samples) } ?? "",
                    container.reasons.joined(separator: "; "),
                ]
                lines.append(fields.map(CSVField.quoted).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cores(_ value: Double?) -> String { value.map(Quantity.formatCores) ?? "" }
    private static func bytes(_ value: Double?) -> String { value.map(Quantity.formatBytes) ?? "" }

    /// Plain numbers (cores, bytes, seconds), up to 6 decimals, no exponent.
    private static func number(_ value: Double?) -> String {
        value.map { PlainNumber.text($0, decimals: 6) } ?? ""
    }

    // MARK: Patches

    /// `kubectl patch` commands, ready to paste: one per workload that changes, with a comment
    /// line saying what and why.
    static func patches(_ report: RecommendationReport) throws -> String {
        var text = ""
        for workload in report.workloads {
            guard let json = try workload.patchJSON else { continue }
            let namespace = workload.ref.namespace ?? "default"
            let context = workload.cluster.map { " --context \(ShellWord.quoted($0))" } ?? ""
            text += "# \(FleetText.prefix(workload.cluster))\(namespace)/\(workload.ref.typeAndName): severity \(workload.severity.rawValue)\n"
            text += "kubectl\(context) patch \(workload.ref.kind.lowercased()) \(workload.ref.name) -n \(namespace) --type strategic -p '\(json)'\n"
        }
        return text.isEmpty ? "# Nothing to change.\n" : text
    }
}
