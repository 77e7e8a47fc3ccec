import Foundation
@testable import HealActions
@testable import HealAnalysis
import HealModel
import Testing

@Suite("--report-configmaps: a report per namespace, written when its findings change, under the ConfigMap size limit")
struct ReportConfigMapsTests {
    private func finding(_ code: String, _ severity: Severity, namespace: String?, name: String, cause: String = "cause") -> Finding {
        Finding(
            code: code, severity: severity, analyzer: "test", resource: ResourceRef(kind: namespace == nil ? "Node" : "Deployment", namespace: namespace, name: name),
            symptom: code, rootCause: cause, confidence: 0.9)
    }

    private func report(_ findings: [Finding]) -> DiagnosisReport {
        DiagnosisReport(
            metadata: DiagnosisReport.Metadata(
                generatedAt: Timestamp(Date(timeIntervalSince1970: 0)), referenceTime: Timestamp(Date(timeIntervalSince1970: 0)),
                source: DiagnosisReport.Source(type: "cluster"), namespaces: nil, analyzers: ["test"]),
            summary: DiagnosisSummary(findings: 0, critical: 0, warning: 0, info: 0, resources: 0, healthyResources: 0, healthScore: 100, suppressed: 0, text: ""),
            findings: findings, suppressed: [], errors: [UnreadableResource(resource: "nodes", namespace: nil, reason: "Forbidden", message: "no")])
    }

    @Test("each namespace of the diagnosis gets its part with its own summary, a healthy one too; cluster-scoped findings and errors go to \"\"")
    func parts() {
        let whole = report([
            finding("image-not-found", .critical, namespace: "shop", name: "web"), finding("oom-killed", .warning, namespace: "shop", name: "cache"),
            finding("node-not-ready", .critical, namespace: nil, name: "worker-1"),
        ])
        let parts = whole.parts(health: [
            "shop": NamespaceHealth(resources: 4, healthy: 2), "quiet": NamespaceHealth(resources: 3, healthy: 3), "": NamespaceHealth(resources: 2, healthy: 1),
        ])
        #expect(Set(parts.keys) == ["shop", "quiet", ""])
        let shop = parts["shop"]
        #expect(shop?.findings.map(\.code) == ["image-not-found", "oom-killed"] && shop?.metadata.namespaces == ["shop"])
        #expect(shop?.summary.critical == 1 && shop?.summary.warning == 1 && shop?.summary.healthScore == 50 && shop?.errors.isEmpty == true)
        #expect(shop?.summary.text == "2 findings (1 critical, 1 warning); 2 of 4 resources unhealthy; health score 50/100.")
        #expect(parts["quiet"]?.findings.isEmpty == true && parts["quiet"]?.summary.healthScore == 100)
        #expect(parts[""]?.findings.map(\.code) == ["node-not-ready"] && parts[""]?.errors.map(\.resource) == ["nodes"])
        #expect(ReportConfigMaps.name(for: "shop") == "heal-report.shop" && ReportConfigMaps.name(for: "") == "heal-report-cluster")
    }

    @Test("a finding growing older is not a change; a new code or cause is")
    func fingerprint() {
        var older = finding("oom-killed", .warning, namespace: "shop", name: "cache")
        let part = report([older]).parts(health: [:])["shop"]!
        older.durationSeconds = 3600
        let aged = report([older]).parts(health: [:])["shop"]!
        #expect(ReportConfigMaps.fingerprint(part) == ReportConfigMaps.fingerprint(aged))
        let other = report([finding("oom-killed", .warning, namespace: "shop", name: "cache", cause: "another cause")]).parts(health: [:])["shop"]!
        #expect(ReportConfigMaps.fingerprint(part) != ReportConfigMaps.fingerprint(other))
    }

    @Test("a report over the limit keeps its worst findings and says how many it left out")
    func truncated() throws {
        let cause = String(repeating: "x", count: 2_000)
        let findings = (0..<1_000).map { finding("code-\($0)", $0 < 10 ? .critical : .info, namespace: "big", name: "w\($0)", cause: cause) }
        let part = try #require(report(findings).parts(health: [:])["big"])
        let data = try ReportConfigMaps.data(part)
        let json = try #require(data[ReportConfigMaps.dataKey])
        #expect(json.utf8.count <= ReportConfigMaps.byteLimit)
        let kept = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(kept.count < 1_000 && kept.count > 300 && kept.first?["code"] as? String == "code-0", "\(kept.count)")
        #expect(data["truncated"]?.hasPrefix("\(1_000 - kept.count) of 1000 findings left out") == true, "\(data["truncated"] ?? "")")
        #expect(data["summary"] == part.summary.text && part.summary.findings == 1_000)
        let small = try ReportConfigMaps.data(try #require(report(Array(findings.prefix(3))).parts(health: [:])["big"]))
        #expect(small["truncated"] == nil)
    }
}
