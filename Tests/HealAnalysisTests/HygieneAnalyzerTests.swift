import HealAnalysis
import HealModel
import Testing

/// Hygiene analyzers on edited scenarios.
@Suite("Hygiene analyzers")
struct HygieneAnalyzerTests {
    private func legacyWeb(_ snapshot: ClusterSnapshot) throws -> Int {
        try #require(snapshot.deployments.firstIndex { $0.metadata.name == "legacy-web" })
    }

    @Test("hygiene findings are info, on the workload, one per workload and code")
    func shape() throws {
        for id in ["hygiene-probes", "hygiene-resources", "hygiene-image-tag", "hygiene-single-replica", "hygiene-pdb"] {
            let found = try Scenario.findings(id, in: "hygiene-issues")
            #expect(found.allSatisfy { $0.severity == .info && $0.resource.kind == "Deployment" }, "\(id)")
            #expect(Set(found.map(\.resource)).count == found.count, "\(id)")
        }
    }

    @Test("a digest-pinned image is exact whatever its tag")
    func digestPinned() throws {
        let found = try Scenario.findings("hygiene-image-tag", in: "hygiene-issues") { snapshot in
            let index = try legacyWeb(snapshot)
            snapshot.deployments[index].spec.template?.spec.containers[0].image =
                "nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31"
        }
        #expect(!found.map(\.resource.name).contains("legacy-web"))
    }

    @Test("workloads scaled to 0 are left alone")
    func scaledToZero() throws {
        let found = try Scenario.findings("hygiene-probes", in: "hygiene-issues") { snapshot in
            snapshot.deployments[try legacyWeb(snapshot)].spec.replicas = 0
        }
        #expect(!found.map(\.resource.name).contains("legacy-web"))
    }

    @Test("a single replica is advised to scale, never automatically")
    func singleReplica() throws {
        let finding = try #require(try Scenario.findings("hygiene-single-replica", in: "hygiene-issues").first)
        #expect(finding.remediation?.action == .scale)
        #expect(finding.remediation?.command == "kubectl -n demo scale deployment/legacy-web --replicas=2")
        #expect(finding.remediation?.safeToAutoApply == false)
    }

    @Test("a missing PodDisruptionBudget comes with the command that creates one")
    func missingBudget() throws {
        let finding = try #require(try Scenario.findings("hygiene-pdb", in: "hygiene-issues").first)
        #expect(finding.remediation?.command == "kubectl -n demo create poddisruptionbudget queue-worker --selector=app=queue-worker --max-unavailable=1")
    }
}
