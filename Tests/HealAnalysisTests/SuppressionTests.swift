import Foundation
@testable import HealAnalysis
import HealModel
import Testing

/// What a team chose to leave out of its reports: the ignore annotation, `--ignore` and the
/// config file's rules, each listed with who asked; and severity rules that re-grade.
@Suite("Suppressing findings")
struct SuppressionTests {
    /// agentic-demo: four broken Deployments, each with one critical finding.
    private func diagnose(_ rules: SuppressionRules = SuppressionRules(), editing edit: (inout ClusterSnapshot) -> Void = { _ in }) throws -> Diagnosis {
        let scenario = try Scenario("agentic-demo")
        var snapshot = scenario.snapshot
        edit(&snapshot)
        return Diagnoser.diagnose(snapshot, options: DiagnosisOptions(suppression: rules), now: scenario.now)
    }

    private func annotate(_ name: String, _ value: String) -> (inout ClusterSnapshot) -> Void {
        { snapshot in
            for index in snapshot.deployments.indices where snapshot.deployments[index].metadata.name == name {
                snapshot.deployments[index].metadata.annotations[ObjectMeta.ignoreAnnotation] = value
            }
        }
    }

    @Test("without rules every finding is reported and nothing is suppressed")
    func noRules() throws {
        let diagnosis = try diagnose()
        #expect(Set(diagnosis.findings.map(\.code)) == ["missing-env-vars", "oom-killed", "image-tag-not-found", "image-not-found"])
        #expect(diagnosis.suppressed.isEmpty)
        #expect(diagnosis.summary.suppressed == 0)
        #expect(!diagnosis.summary.text.contains("suppressed"))
    }

    @Test("the annotation on the owning Deployment suppresses its pods' finding, and only the codes it names")
    func annotationOnOwner() throws {
        let named = try diagnose(editing: annotate("memory-hungry", "crash-loop, oom-killed"))
        #expect(!named.findings.map(\.code).contains("oom-killed"))
        let item = try #require(named.suppressed.first)
        #expect(named.suppressed.count == 1)
        #expect(item.finding.code == "oom-killed")
        #expect(item.suppressedBy.source == .annotation)
        #expect(item.suppressedBy.location == "Deployment/agentic-demo/memory-hungry")
        #expect(item.suppressedBy.reason == "annotated heal.kubectl.io/ignore: \"crash-loop, oom-killed\"")

        let other = try diagnose(editing: annotate("memory-hungry", "missing-env-vars"))
        #expect(other.findings.map(\.code).contains("oom-killed"))
        #expect(other.suppressed.isEmpty)
    }

    @Test("an annotation on a pod does not hide its owner's: every value is read")
    func podAndOwnerBothAnnotated() throws {
        let diagnosis = try diagnose { snapshot in
            annotate("memory-hungry", "*")(&snapshot)
            for index in snapshot.pods.indices where snapshot.pods[index].metadata.name.hasPrefix("memory-hungry") {
                snapshot.pods[index].metadata.annotations[ObjectMeta.ignoreAnnotation] = "readiness-probe-failing"
            }
        }
        #expect(diagnosis.suppressed.map(\.finding.code) == ["oom-killed"])
        #expect(diagnosis.suppressed.first?.suppressedBy.location == "Deployment/agentic-demo/memory-hungry")
    }

    @Test("a finding about a workload's pods is suppressed by pod annotations only when every pod carries one (a template annotation)")
    func everyPodOrNone() throws {
        // readiness-probe-failing: api-gateway's 2 pods fail their readiness probe.
        let scenario = try Scenario("readiness-probe-failing")
        func run(annotating pods: (String) -> Bool) -> Diagnosis {
            var snapshot = scenario.snapshot
            for index in snapshot.pods.indices where pods(snapshot.pods[index].metadata.name) {
                snapshot.pods[index].metadata.annotations[ObjectMeta.ignoreAnnotation] = "readiness-probe-failing"
            }
            return Diagnoser.diagnose(snapshot, options: DiagnosisOptions(), now: scenario.now)
        }
        let names = scenario.snapshot.pods.map(\.metadata.name).filter { $0.hasPrefix("api-gateway") }.sorted()
        #expect(names.count == 2)
        for name in names {
            let one = run { $0 == name }
            #expect(one.suppressed.isEmpty, "only \(name) is annotated")
            #expect(one.findings.contains { $0.code == "readiness-probe-failing" })
        }
        let all = run { $0.hasPrefix("api-gateway") }
        #expect(all.suppressed.map(\.finding.code) == ["readiness-probe-failing"])
        #expect(all.suppressed.first?.suppressedBy.location == "every pod of Deployment/demo/api-gateway")
        #expect(all.findings.map(\.code) == ["service-no-ready-endpoints"], "the Service's own finding is about the Service")
    }

    @Test("control characters in an annotation or a rule's reason never reach the report")
    func scrubbed() throws {
        let diagnosis = try diagnose(
            SuppressionRules(severity: [SeverityRule(
                rule: FindingRule(codes: ["missing-env-vars"], reason: "ok\u{1B}]0;title\u{07}", origin: .configFile(path: "c.yaml", line: 3)),
                severity: .warning)]),
            editing: annotate("memory-hungry", "oom-killed,\u{1B}]0;title\u{07}\u{1B}[2J"))
        let reason = try #require(diagnosis.suppressed.first?.suppressedBy.reason)
        #expect(!reason.contains("\u{1B}"))
        #expect(reason.hasPrefix("annotated heal.kubectl.io/ignore: \"oom-killed"))
        let override = try #require(diagnosis.findings.first { $0.code == "missing-env-vars" }?.severityOverride)
        #expect(!override.reason.contains("\u{1B}") && !override.reason.contains("\u{07}"))
    }

    @Test("a severity rule can take a finding out of healing but never bring one in")
    func incidentGrade() throws {
        let raise = FindingRule(codes: ["*"], reason: "page on everything", origin: .flag)
        let lower = FindingRule(codes: ["oom-killed"], reason: "batch", origin: .flag)
        let raised = try diagnose(SuppressionRules(severity: [SeverityRule(rule: raise, severity: .critical)])) { snapshot in
            snapshot.deployments.removeAll { $0.metadata.name != "memory-hungry" }
        }
        #expect(raised.findings.allSatisfy { $0.isIncidentGrade }, "already critical: unchanged")
        let lowered = try diagnose(SuppressionRules(severity: [SeverityRule(rule: lower, severity: .info)]))
        let oom = try #require(lowered.findings.first { $0.code == "oom-killed" })
        #expect(!oom.isIncidentGrade)
        var info = oom
        info.severity = .critical
        info.severityOverride = SeverityOverride(original: .info, reason: "r", location: "c.yaml:1")
        #expect(!info.isIncidentGrade, "an info finding raised to critical is not healed")
    }

    @Test("\"*\" in the annotation suppresses every finding about the object")
    func annotationStar() throws {
        let diagnosis = try diagnose(editing: annotate("web-server", "*"))
        #expect(diagnosis.suppressed.map(\.finding.code) == ["image-tag-not-found"])
        #expect(!diagnosis.findings.contains { $0.workload.name == "web-server" })
    }

    @Test("suppressed findings leave the severity counts and the health score, and the summary says how many")
    func summaryCounts() throws {
        let before = try diagnose()
        let after = try diagnose(SuppressionRules(ignore: [FindingRule(codes: ["oom-killed"], reason: "known", origin: .flag)]))
        #expect(after.summary.findings == before.summary.findings - 1)
        #expect(after.summary.critical == before.summary.critical - 1)
        #expect(after.summary.suppressed == 1)
        #expect(after.summary.healthScore > before.summary.healthScore)
        #expect(after.summary.text.contains("; 1 suppressed; health score \(after.summary.healthScore)/100."))
        #expect(after.suppressed.first?.suppressedBy == .init(source: .flag, reason: "known", location: "--ignore"))
    }

    @Test("a config rule matches only its namespaces and label selector, and names its file and line")
    func configRuleScope() throws {
        let origin = FindingRule.Origin.configFile(path: ".kubectl-heal.yaml", line: 4)
        let otherNamespace = FindingRule(codes: ["*"], namespaces: [try #require(NamespacePattern("shop-*"))], reason: "r", origin: origin)
        #expect(try diagnose(SuppressionRules(ignore: [otherNamespace])).suppressed.isEmpty)

        let ownNamespace = FindingRule(codes: ["*"], namespaces: [try #require(NamespacePattern("agentic-*"))], reason: "demo", origin: origin)
        #expect(try diagnose(SuppressionRules(ignore: [ownNamespace])).findings.isEmpty)

        let labelled = FindingRule(codes: ["*"], selector: LabelSelectorExpression("team=db"), reason: "db team's", origin: origin)
        let diagnosis = try diagnose(SuppressionRules(ignore: [labelled])) { snapshot in
            let index = snapshot.deployments.firstIndex { $0.metadata.name == "mysql-client" }!
            snapshot.deployments[index].metadata.labels["team"] = "db"
        }
        #expect(diagnosis.suppressed.map(\.finding.code) == ["missing-env-vars"])
        #expect(diagnosis.suppressed.first?.suppressedBy == .init(source: .config, reason: "db team's", location: ".kubectl-heal.yaml:4"))
    }

    @Test("a severity rule re-grades a finding and keeps the analyzer's severity and the reason with it")
    func severityOverride() throws {
        let rule = FindingRule(codes: ["missing-env-vars"], reason: "optional client", origin: .configFile(path: "c.yaml", line: 9))
        let diagnosis = try diagnose(SuppressionRules(severity: [SeverityRule(rule: rule, severity: .warning)]))
        let finding = try #require(diagnosis.findings.first { $0.code == "missing-env-vars" })
        #expect(finding.severity == .warning)
        #expect(finding.severityOverride == SeverityOverride(original: .critical, reason: "optional client", location: "c.yaml:9"))
        #expect(diagnosis.summary.warning == 1)
        #expect(diagnosis.findings.last?.code == "missing-env-vars", "re-graded findings are ordered by their new severity")
        #expect(diagnosis.findings.filter { $0.code != "missing-env-vars" }.allSatisfy { $0.severityOverride == nil })
    }

    @Test("the ignore annotation survives the decoding that drops every other pod annotation")
    func podAnnotationKept() throws {
        let json = """
            {"metadata": {"name": "p", "namespace": "shop", "annotations": {"heal.kubectl.io/ignore": "oom-killed", "sidecar.istio.io/status": "{}"}},
             "spec": {"containers": [{"name": "c", "image": "nginx"}]}}
            """
        let pod = try JSONDecoder().decode(Pod.self, from: Data(json.utf8))
        #expect(pod.metadata.annotations == [ObjectMeta.ignoreAnnotation: "oom-killed"])
    }

    @Test("the codes a rule may name are the analyzers' codes")
    func knownCodes() {
        let codes = SuppressionRules.knownCodes()
        #expect(codes.contains("oom-killed"))
        #expect(codes.contains("image-tag-not-found"))
    }
}
