import HealAnalysis
import HealApp
import HealModel

/// Renders `cost` and `cost scenarios` results in the format `-o` asked for.
enum CostRenderer {
    static func render(_ document: CostDocument, as format: CostFormat, at time: Timestamp) throws -> String {
        switch format {
        case .table: table(document)
        case .json: try ReportRenderer.json(VersionedDocument(kind: "CostReport", body: document, generatedAt: time))
        case .yaml: try ReportRenderer.yaml(VersionedDocument(kind: "CostReport", body: document, generatedAt: time))
        case .csv: csv(document.report)
        }
    }

    static func render(_ document: ScenarioDocument, as format: ScenarioFormat, at time: Timestamp) throws -> String {
        switch format {
        case .table: table(document)
        case .json: try ReportRenderer.json(VersionedDocument(kind: "CostScenarioReport", body: document, generatedAt: time))
        case .yaml: try ReportRenderer.yaml(VersionedDocument(kind: "CostScenarioReport", body: document, generatedAt: time))
        }
    }

    // MARK: cost

    /// Workloads, then totals per namespace and overall, then what the figures rest on.
    static func table(_ document: CostDocument) -> String {
        let report = document.report
        let fleet = report.clusters != nil
        let failures = FleetText.failures(document.errors, not: "priced")
        guard !report.workloads.isEmpty else { return "No workloads found.\n" + failures }
        let money = { Money.format($0, currency: report.currency) }
        let cluster = { (name: String?) in fleet ? [name ?? ""] : [] }
        var workloads = TextTable(headers: cluster("cluster") + ["namespace", "workload", "replicas", "cpu", "memory", "monthly", "idle", "basis", "prices"])
        for cost in report.workloads {
            workloads.rows.append((cluster(cost.cluster) + [
                cost.ref.namespace ?? "", cost.ref.typeAndName, String(cost.replicas), money(cost.cpu), money(cost.memory), money(cost.total),
                cost.idle.map(money) ?? "?", basis(cost), cost.prices.overrideName ?? "default",
            ]).map { TextTable.Cell(text: $0) })
        }
        var totals = TextTable(headers: cluster("cluster") + ["namespace", "workloads", "cpu", "memory", "monthly", "idle"])
        for total in report.namespaces + (report.clusters ?? []) + [report.total] {
            totals.rows.append((cluster(total.cluster ?? "ALL") + [
                total.namespace ?? "TOTAL", String(total.workloads), money(total.cpu), money(total.memory), money(total.total),
                idle(total, money),
            ]).map { TextTable.Cell(text: $0) })
        }
        var text = workloads.render() + "\n" + totals.render()
        var notes = ["monthly = (cores × \(Money.rate(document.metadata.prices.cpuPerCoreHour, currency: report.currency)) per vCPU-hour + GiB × \(Money.rate(document.metadata.prices.memoryPerGiBHour, currency: report.currency)) per GiB-hour) × replicas × \(number(report.hoursPerMonth)) h; max(request, mean usage) where usage is known"]
        if let note = document.metadata.usage.note { notes.append(note) }
        for cost in report.workloads where !cost.missingRequests.isEmpty {
            notes.append("\(FleetText.prefix(cost.cluster))\(cost.ref.namespace ?? "")/\(cost.ref.typeAndName): \(cost.missingRequests.map(\.description).joined(separator: ", ")) (counted as 0)")
        }
        text += "\n" + notes.map { "note: \($0)" }.joined(separator: "\n") + "\n"
        return text + failures
    }

    private static func basis(_ cost: WorkloadCost) -> String {
        cost.cpuBasis == cost.memoryBasis ? cost.cpuBasis.rawValue : "cpu \(cost.cpuBasis.rawValue), memory \(cost.memoryBasis.rawValue)"
    }

    private static func idle(_ total: CostTotals, _ money: (Double) -> String) -> String {
        guard let idle = total.idle else { return "?" }
        return total.workloadsWithoutIdle > 0 ? "\(money(idle)) (\(total.workloadsWithoutIdle) unknown)" : money(idle)
    }

    /// One line per workload; amounts in currency units with 2 decimals, no symbol.
    static func csv(_ report: CostReport) -> String {
        let fleet = report.clusters != nil
        var lines = [(fleet ? "cluster," : "") + "namespace,kind,name,replicas,cpu_monthly,memory_monthly,total_monthly,idle_monthly,cpu_basis,memory_basis,cpu_per_core_hour,memory_per_gib_hour,price_override,currency"]
        for cost in report.workloads {
            let fields = (fleet ? [cost.cluster ?? ""] : []) + [
                cost.ref.namespace ?? "", cost.ref.kind, cost.ref.name, String(cost.replicas), decimal(cost.cpu), decimal(cost.memory),
                decimal(cost.total), cost.idle.map(decimal) ?? "", cost.cpuBasis.rawValue, cost.memoryBasis.rawValue,
                number(cost.prices.cpuPerCoreHour), number(cost.prices.memoryPerGiBHour), cost.prices.overrideName ?? "", report.currency.code,
            ]
            lines.append(fields.map(CSVField.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "8.76", "-1.50": whole cents, as `Money` rounds them.
    static func decimal(_ amount: Double) -> String {
        PlainNumber.text(Double(Money.cents(amount)) / 100, decimals: 2, minimumDecimals: 2)
    }

    /// "730", "0.031611": up to 6 decimals, no exponent.
    static func number(_ value: Double) -> String {
        PlainNumber.text(value, decimals: 6)
    }

    // MARK: scenarios

    /// One line per scenario: monthly cost, savings against the baseline, the arithmetic.
    static func table(_ document: ScenarioDocument) -> String {
        let report = document.report
        let money = { Money.format($0, currency: report.currency) }
        var table = TextTable(headers: ["scenario", "monthly", "savings vs \(report.baseline.rawValue)", "how"])
        for scenario in report.scenarios {
            let savings = scenario.id == report.baseline ? "baseline" : savingsText(scenario, money)
            table.rows.append([scenario.id.rawValue, money(scenario.monthly), savings, scenario.explanation].map { TextTable.Cell(text: $0) })
        }
        var text = ""
        if let preset = document.metadata.preset { text += "Preset: \(preset)\n\n" }
        if let workload = document.metadata.workload { text += "Workload: \(workload.namespace ?? "")/\(workload.typeAndName)\n\n" }
        text += table.render()
        var notes = report.omitted.map { "\($0.id.rawValue) left out: \($0.reason)" }
        notes += report.missingRequests.map { "\($0.description) (counted as 0)" }
        if let note = document.metadata.usage?.note { notes.append(note) }
        if !notes.isEmpty { text += "\n" + notes.map { "note: \($0)" }.joined(separator: "\n") + "\n" }
        return text
    }

    private static func savingsText(_ scenario: ScenarioResult, _ money: (Double) -> String) -> String {
        let percent = scenario.savingsPercent.map { " (\(number(($0 * 10).rounded() / 10))%)" } ?? ""
        return money(scenario.savings) + percent
    }
}
