import HealAnalysis
import HealModel
import Testing

/// Hygiene analyzers on edited scenarios.
@Suite("Hygiene analyzers")
struct HygieneAnalyzerTests {
    private func legacyWeb(_ snapshot: ClusterSnapshot) throws -> Int {
        try #require(snapshot.deployments.firstIndex { $0.metadata.name == "legacy-web" })
    }

    @Test("hygiene findings are info, on the owner of the pods, one per owner and code")
    func shape() throws {
        for id in ["hygiene-probes", "hygiene-resources", "hygiene-image-tag", "hygiene-single-replica", "hygiene-pdb"] {
            let found = try Scenario.findings(id, in: "hygiene-issues")
            #expect(found.allSatisfy { $0.severity == .info && ["Deployment", "CronJob", "Pod"].contains($0.resource.kind) }, "\(id)")
            #expect(Set(found.map(\.resource)).count == found.count, "\(id)")
        }
    }

    @Test("every owner of pods is checked: a CronJob through its newest Job (no probe advice for pods that run to completion), a bare pod, a standalone ReplicaSet; a finished Job is not")
    func everyPodOwner() throws {
        let probes = try Scenario.findings("hygiene-probes", in: "hygiene-issues").map(\.resource.description)
        #expect(probes.contains("Pod/demo/debug-shell"))
        #expect(!probes.contains { $0.hasPrefix("CronJob/") })
        let tags = try #require(try Scenario.findings("hygiene-image-tag", in: "hygiene-issues").first { $0.resource.kind == "CronJob" })
        #expect(tags.resource == ResourceRef(kind: "CronJob", namespace: "demo", name: "nightly-report"))
        #expect(tags.remediation?.command == nil, "a CronJob's template is edited in its manifest")

        // job-backoff-limit: its only Job has failed, and its pods are the Job's.
        #expect(try Scenario.findings("hygiene-image-tag", in: "job-backoff-limit") { snapshot in
            snapshot.jobs[0].spec.template?.spec.containers[0].image = "ghcr.io/acme/exporter:latest"
        }.isEmpty, "a finished Job is left alone")
        let running = try Scenario.findings("hygiene-image-tag", in: "job-backoff-limit") { snapshot in
            snapshot.jobs[0].status?.conditions = []
            snapshot.jobs[0].spec.template?.spec.containers[0].image = "ghcr.io/acme/exporter:latest"
        }
        #expect(running.map(\.resource) == [ResourceRef(kind: "Job", namespace: "demo", name: "nightly-export")])

        // A ReplicaSet nobody owns is a pod owner of its own.
        let standalone = try Scenario.findings("hygiene-probes", in: "hygiene-issues") { snapshot in
            let index = try #require(snapshot.replicaSets.firstIndex { $0.metadata.name.hasPrefix("legacy-web-") })
            snapshot.replicaSets[index].metadata.ownerReferences = []
        }
        #expect(standalone.contains { $0.resource.kind == "ReplicaSet" && $0.resource.name.hasPrefix("legacy-web-") })
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
