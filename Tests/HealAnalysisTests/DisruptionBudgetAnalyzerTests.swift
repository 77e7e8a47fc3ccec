import HealAnalysis
import HealModel
import Testing

/// The PodDisruptionBudget checks on edited copies of the scenarios: a budget that blocks for
/// long, not for a rollout's minute; no pod, but not a young budget or one whose pods the
/// controller counts; overlaps on shared pods only.
@Suite("pdb analyzer")
struct DisruptionBudgetAnalyzerTests {
    /// hygiene-clean: frontend's 3 healthy pods and a budget with minAvailable 2 (1 disruption allowed).
    private func blocked(healthy: Int, since secondsAgo: Double) -> (inout ClusterSnapshot) -> Void {
        { snapshot in
            let now = snapshot.referenceTime ?? Timestamp(secondsSince1970: 0)
            snapshot.podDisruptionBudgets[0].status?.disruptionsAllowed = 0
            snapshot.podDisruptionBudgets[0].status?.currentHealthy = healthy
            snapshot.podDisruptionBudgets[0].status?.desiredHealthy = 3
            snapshot.podDisruptionBudgets[0].status?.conditions[0].status = "False"
            snapshot.podDisruptionBudgets[0].status?.conditions[0].reason = "InsufficientPods"
            snapshot.podDisruptionBudgets[0].status?.conditions[0].lastTransitionTime = now.adding(seconds: -secondsAgo)
        }
    }

    @Test("a healthy budget that allows a disruption is not reported")
    func healthy() throws {
        #expect(try Scenario.findings("pdb", in: "hygiene-clean").isEmpty)
    }

    @Test("0 disruptions for a minute, as during a rollout, is not reported; for an hour it is")
    func rolloutGrace() throws {
        #expect(try Scenario.findings("pdb", in: "hygiene-clean", editing: blocked(healthy: 3, since: 60)).isEmpty)
        let findings = try Scenario.findings("pdb", in: "hygiene-clean", editing: blocked(healthy: 3, since: 3600))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == "pdb-blocks-eviction")
        #expect(finding.rootCause.contains("needs all 3 pods of Deployment frontend to stay up"))
        #expect(finding.remediation?.command == "kubectl -n demo patch poddisruptionbudget/frontend --type=merge -p '{\"spec\":{\"maxUnavailable\":1,\"minAvailable\":null}}'")
    }

    @Test("a budget blocked because its pods are unhealthy says so and points at the pods")
    func unhealthyPods() throws {
        let finding = try #require(try Scenario.findings("pdb", in: "hygiene-clean", editing: blocked(healthy: 1, since: 3600)).first)
        #expect(finding.symptom == "0 disruptions allowed: 1 of 3 pods healthy, 3 required")
        #expect(finding.rootCause.contains("only 1 of its 3 pods of Deployment frontend are healthy and it requires 3"))
        #expect(finding.remediation?.summary.hasPrefix("Fix the unhealthy pods") == true)
        #expect(finding.confidence < 0.9)
    }

    @Test("a budget with no pod is reported after 10 minutes, with the label it probably meant; not while young, nor when the controller counts pods")
    func noPods() throws {
        let typo: (inout ClusterSnapshot) -> Void = { $0.podDisruptionBudgets[0].spec?.selector = LabelSelector(matchLabels: ["app": "frontned"]) }
        let finding = try #require(try Scenario.findings("pdb", in: "hygiene-clean") { snapshot in
            typo(&snapshot)
            snapshot.podDisruptionBudgets[0].status?.expectedPods = 0
        }.first)
        #expect(finding.code == "pdb-no-matching-pods")
        #expect(finding.rootCause.hasSuffix("did you mean app=frontend (3 pods of Deployment frontend)?"))
        #expect(finding.remediation?.summary == "Change the selector to app=frontend.")

        #expect(try Scenario.findings("pdb", in: "hygiene-clean") { snapshot in
            typo(&snapshot)
            snapshot.podDisruptionBudgets[0].status?.expectedPods = 3
        }.isEmpty, "the controller sees pods this snapshot does not")

        #expect(try Scenario.findings("pdb", in: "hygiene-clean") { snapshot in
            typo(&snapshot)
            snapshot.podDisruptionBudgets[0].status?.expectedPods = 0
            snapshot.podDisruptionBudgets[0].metadata.creationTimestamp = snapshot.referenceTime?.adding(seconds: -120)
        }.isEmpty, "a budget created 2 minutes ago")
    }

    @Test("a budget without a selector selects nothing; an empty selector selects every pod and overlaps")
    func selectorSemantics() throws {
        let none = try Scenario.findings("pdb", in: "hygiene-clean") { snapshot in
            snapshot.podDisruptionBudgets[0].spec?.selector = nil
            snapshot.podDisruptionBudgets[0].status?.expectedPods = 0
        }
        #expect(none.map(\.code) == ["pdb-no-matching-pods"])
        #expect(none.first?.symptom == "selector none matches no pod")

        let overlapping = try Scenario.findings("pdb", in: "hygiene-clean") { snapshot in
            var everything = snapshot.podDisruptionBudgets[0]
            everything.metadata.name = "all-pods"
            everything.spec?.selector = LabelSelector()
            snapshot.podDisruptionBudgets.append(everything)
        }
        let finding = try #require(overlapping.first)
        #expect(overlapping.count == 1)
        #expect(finding.code == "pdb-overlapping")
        #expect(finding.resource.name == "all-pods")
        #expect(finding.pods?.count == 3)
        #expect(finding.symptom == "3 pods selected by all-pods and frontend")
    }

    @Test("SyncFailed quotes the controller and proposes no patch; its stale counts are not blamed")
    func syncFailed() throws {
        let finding = try #require(try Scenario.findings("pdb", in: "hygiene-clean") { snapshot in
            blocked(healthy: 3, since: 3600)(&snapshot)
            snapshot.podDisruptionBudgets[0].status?.conditions[0].reason = "SyncFailed"
            snapshot.podDisruptionBudgets[0].status?.conditions[0].message = "found no controllers for pod \"frontend-abc\""
        }.first)
        #expect(finding.symptom == "0 disruptions allowed: SyncFailed")
        #expect(finding.rootCause.contains("the disruption controller cannot compute it (SyncFailed: found no controllers for pod \"frontend-abc\")"))
        #expect(finding.remediation?.patch == nil)
    }

    @Test("a budget whose selector fits a workload scaled to 0 is not reported")
    func scaledToZero() throws {
        #expect(try Scenario.findings("pdb", in: "hygiene-clean") { snapshot in
            snapshot.pods.removeAll()
            snapshot.deployments[0].spec.replicas = 0
            snapshot.podDisruptionBudgets[0].status?.expectedPods = 0
        }.isEmpty)
    }

    @Test("budgets linked by shared pods are one finding, on the first of them, naming them all")
    func overlapGroups() throws {
        let findings = try Scenario.findings("pdb", in: "pdb-problems") { snapshot in
            var everything = snapshot.podDisruptionBudgets[0]
            everything.metadata.name = "aaa-all"
            everything.spec?.selector = LabelSelector()
            snapshot.podDisruptionBudgets.append(everything)
        }.filter { $0.code == "pdb-overlapping" }
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.resource.name == "aaa-all")
        #expect(finding.symptom == "5 pods selected by aaa-all, checkout, web and web-legacy", "cart's budget selects nothing, so it overlaps nothing")
    }
}
