@testable import HealAnalysis
import HealModel
import Testing

/// Folding keeps one finding per problem per workload, but a problem never disappears into a
/// milder finding.
@Suite("Folding findings")
struct FindingFolderTests {
    private let workload = ResourceRef(kind: "Deployment", namespace: "shop", name: "web")

    private func finding(_ code: String, _ severity: Severity, pods: Int? = nil) -> Finding {
        Finding(
            code: code, severity: severity, analyzer: "test",
            resource: pods == nil ? workload : ResourceRef(kind: "Pod", namespace: "shop", name: "web-1"),
            owner: pods == nil ? nil : workload, pods: pods.map { Finding.Pods(count: $0, sample: ["web-1"]) },
            symptom: code, rootCause: code, evidence: [Evidence(.status, "\(code) evidence")], confidence: 1)
    }

    @Test("a workload outage folds into the pod-level cause of equal or greater severity")
    func foldsIntoCause() {
        let folded = FindingFolder.fold([finding("deployment-unavailable", .critical), finding("oom-killed", .critical, pods: 2)])
        #expect(folded.map(\.code) == ["oom-killed"])
        #expect(folded[0].evidence.map(\.text).contains("deployment-unavailable evidence"))
    }

    @Test("a workload short of replicas but serving says so in the cause it folds into; an outage does not repeat itself")
    func partialShortfallSaid() {
        var shortfall = finding("deployment-unavailable", .warning)
        shortfall.symptom = "2 of 3 replicas available"
        let partial = FindingFolder.fold([shortfall, finding("readiness-probe-failing", .warning, pods: 1)])
        #expect(partial.map(\.code) == ["readiness-probe-failing"])
        #expect(partial[0].rootCause == "readiness-probe-failing Deployment web has 2 of 3 replicas available.")

        var deadline = finding("progress-deadline-exceeded", .warning)
        deadline.symptom = "Progressing=False (ProgressDeadlineExceeded); 2/2 available"
        let stuck = FindingFolder.fold([deadline, finding("readiness-probe-failing", .warning, pods: 1)])
        #expect(stuck[0].rootCause == "readiness-probe-failing", "not a count of replicas")

        var outage = finding("deployment-unavailable", .critical)
        outage.symptom = "0 of 3 replicas available"
        let down = FindingFolder.fold([outage, finding("readiness-probe-failing", .critical, pods: 3)])
        #expect(down[0].rootCause == "readiness-probe-failing")
    }

    @Test("a critical outage does not vanish into an info finding about starting containers")
    func neverIntoMilder() {
        let folded = FindingFolder.fold([finding("deployment-unavailable", .critical), finding("container-creating", .info, pods: 2)])
        #expect(Set(folded.map(\.code)) == ["deployment-unavailable", "container-creating"])
    }

    @Test("a workload outage never folds into hygiene advice")
    func neverIntoAdvice() {
        let folded = FindingFolder.fold([finding("deployment-unavailable", .warning), finding("missing-probes", .info)])
        #expect(Set(folded.map(\.code)) == ["deployment-unavailable", "missing-probes"])
    }

    @Test("generic crash loops of pods without sampled logs are counted in their siblings' cause")
    func genericIntoSpecific() {
        var specific = finding("missing-env-vars", .critical, pods: 2)
        specific.container = "app"
        var generic = finding("crash-loop", .critical, pods: 8)
        generic.container = "app"
        let folded = FindingFolder.fold([specific, generic])
        #expect(folded.map(\.code) == ["missing-env-vars"])
        #expect(folded[0].pods?.count == 10)
    }

    @Test("in a diagnosis, one pod failing its readiness probe is reported once, as the pod's cause, ending with the Deployment's shortfall")
    func shortfallInScenario() throws {
        let findings = try Scenario("workload-guards").diagnose().findings.filter { $0.workload.name == "web" }
        #expect(findings.map(\.code) == ["readiness-probe-failing"])
        #expect(findings.first?.rootCause.hasSuffix(" Deployment web has 2 of 3 replicas available.") == true, "\(findings.first?.rootCause ?? "")")
    }
}
