import Foundation
import HealAnalysis
import HealModel
import Testing

/// Node, HPA and PVC analyzers on edited scenarios.
@Suite("Cluster analyzers")
struct ClusterAnalyzerTests {
    private func condition(_ json: String) throws -> Condition {
        try JSONDecoder().decode(Condition.self, from: Data(json.utf8))
    }

    @Test("a node that stopped reporting is critical and says so")
    func nodeStoppedReporting() throws {
        let finding = try #require(try Scenario.findings("node", in: "node-not-ready").first)
        #expect(finding.resource.name == "node-2")
        #expect(finding.severity == .critical)
        #expect(finding.rootCause.contains("has not posted status since"))
    }

    @Test("pressure conditions are reported together, once per node")
    func nodePressure() throws {
        let found = try Scenario.findings("node", in: "node-pressure")
        #expect(found.count == 1)
        #expect(found.first?.symptom == "MemoryPressure, DiskPressure")
    }

    @Test("a cordoned node is not a finding while nothing waits; it is node-cordoned while pods cannot be scheduled")
    func cordonedNode() throws {
        let found = try Scenario.findings("node", in: "node-healthy-extra-conditions") { snapshot in
            snapshot.nodes[0].spec?.unschedulable = true
        }
        #expect(found.isEmpty)
        // Pods short of CPU do not wait for a cordoned node: nothing to say about it.
        let shortOfCPU = try Scenario.findings("node", in: "unschedulable-cpu") { snapshot in
            snapshot.nodes[0].spec?.unschedulable = true
        }
        #expect(shortOfCPU.isEmpty, "\(shortOfCPU.map(\.code))")
        // The scheduler's wording for a cordoned node (NodeUnschedulable plugin), for 7 minutes.
        let waiting = try Scenario.findings("node", in: "unschedulable-cpu") { snapshot in
            snapshot.nodes[0].spec?.unschedulable = true
            for index in snapshot.pods.indices {
                for condition in snapshot.pods[index].status.conditions.indices where snapshot.pods[index].status.conditions[condition].type == "PodScheduled" {
                    snapshot.pods[index].status.conditions[condition].message =
                        "0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."
                }
            }
        }
        #expect(waiting.map(\.code) == ["node-cordoned"])
        #expect(waiting.first?.remediation?.command?.hasPrefix("kubectl uncordon ") == true)
    }

    @Test("NetworkUnavailable=True is node-network-unavailable: critical once it outlasts a node joining, info before; False is nothing")
    func networkUnavailable() throws {
        let now = try Scenario("node-healthy-extra-conditions").now
        func network(heldFor seconds: Double) -> (inout ClusterSnapshot) -> Void {
            { snapshot in
                for index in snapshot.nodes[0].status?.conditions.indices ?? 0..<0 where snapshot.nodes[0].status?.conditions[index].type == "NetworkUnavailable" {
                    // The route controller's wording (pkg/controller/route).
                    snapshot.nodes[0].status?.conditions[index].status = "True"
                    snapshot.nodes[0].status?.conditions[index].reason = "NoRouteCreated"
                    snapshot.nodes[0].status?.conditions[index].message = "Node created without a route"
                    snapshot.nodes[0].status?.conditions[index].lastTransitionTime = now.adding(seconds: -seconds)
                }
            }
        }
        let long = try Scenario.findings("node", in: "node-healthy-extra-conditions", editing: network(heldFor: 900))
        #expect(long.map(\.code) == ["node-network-unavailable"])
        #expect(long.first?.severity == .critical)
        #expect(long.first?.rootCause.contains("Node created without a route") == true)
        let joining = try Scenario.findings("node", in: "node-healthy-extra-conditions", editing: network(heldFor: 30))
        #expect(joining.map(\.severity) == [.info])
    }

    @Test("missing metrics-server is named, with the APIService to check")
    func metricsServerMissing() throws {
        let finding = try #require(try Scenario.findings("hpa", in: "hpa-metrics-unavailable").first)
        #expect(finding.code == "hpa-metrics-unavailable")
        #expect(finding.rootCause.contains("metrics-server is not installed"))
        #expect(finding.remediation?.command == "kubectl get apiservice v1beta1.metrics.k8s.io")
    }

    @Test("a missing request names the container and the command that sets it")
    func missingRequest() throws {
        let finding = try #require(try Scenario.findings("hpa", in: "hpa-missing-requests").first)
        #expect(finding.code == "hpa-missing-requests")
        #expect(finding.rootCause.contains("container worker has no cpu request"))
        #expect(finding.remediation?.command == "kubectl -n demo set resources deployment/worker -c worker --requests=cpu=<cpu>")
    }

    @Test("an HPA resting at its minimum is healthy")
    func hpaAtMinimum() throws {
        #expect(try Scenario.findings("hpa", in: "hpa-at-min").isEmpty)
    }

    @Test("a Pending claim quotes the missing StorageClass and the pod waiting for it")
    func claimPending() throws {
        let finding = try #require(try Scenario.findings("pvc", in: "pvc-pending").first)
        #expect(finding.rootCause == "PersistentVolumeClaim data-db-0 stays Pending: it asks for StorageClass fast-ssd, which does not exist; pod db-0 cannot start until it binds.")
        #expect(finding.owner == nil)
    }

    @Test("a claim waiting for its first consumer, with no failure and no pod using it, is not a finding")
    func waitForFirstConsumer() throws {
        let found = try Scenario.findings("pvc", in: "pvc-pending") { snapshot in
            snapshot.events.removeAll { $0.regarding.kind == "PersistentVolumeClaim" }
            snapshot.pods = []
            // standard: the cluster's WaitForFirstConsumer class.
            snapshot.persistentVolumeClaims[0].spec?.storageClassName = "standard"
        }
        #expect(found.isEmpty)
    }

    @Test("a Lost claim is pvc-lost: critical, naming the volume that is gone and the pods that use it")
    func claimLost() throws {
        let found = try Scenario.findings("pvc", in: "pvc-pending") { snapshot in
            for index in snapshot.persistentVolumeClaims.indices {
                snapshot.persistentVolumeClaims[index].status?.phase = "Lost"
                snapshot.persistentVolumeClaims[index].spec?.volumeName = "pvc-5d0c1e2a"
            }
        }
        #expect(found.map(\.code) == ["pvc-lost"])
        #expect(found.first?.severity == .critical)
        #expect(found.first?.rootCause.contains("(pvc-5d0c1e2a) is gone or now bound to another claim") == true, "\(found.first?.rootCause ?? "")")
        #expect(found.first?.rootCause.contains("1 pod that uses it cannot start") == true, "\(found.first?.rootCause ?? "")")
        #expect(found.first?.remediation?.command == "kubectl get pv pvc-5d0c1e2a")
    }

    @Test("an HPA whose target does not exist is hpa-target-missing, alone; AbleToScale=False is hpa-cannot-scale; with Deployments unread nothing is said")
    func hpaTarget() throws {
        let renamed = try Scenario.findings("hpa", in: "hpa-at-max") { snapshot in
            for index in snapshot.horizontalPodAutoscalers.indices { snapshot.horizontalPodAutoscalers[index].spec.scaleTargetRef.name = "checkout-old" }
        }
        #expect(renamed.map(\.code) == ["hpa-target-missing"])
        #expect(renamed.first?.rootCause.contains("deployment/checkout-old") == true || renamed.first?.rootCause.contains("checkout-old, which does not exist") == true, "\(renamed.first?.rootCause ?? "")")
        let unread = try Scenario.findings("hpa", in: "hpa-at-max") { snapshot in
            for index in snapshot.horizontalPodAutoscalers.indices { snapshot.horizontalPodAutoscalers[index].spec.scaleTargetRef.name = "checkout-old" }
            snapshot.collected.remove(.deployments)
        }
        #expect(!unread.contains { $0.code == "hpa-target-missing" })
        // The HPA controller's wording (pkg/controller/podautoscaler: FailedGetScale).
        let unable = try condition(#"""
            {"type":"AbleToScale","status":"False","reason":"FailedGetScale","lastTransitionTime":"2026-11-21T20:00:00Z",
             "message":"the HPA controller was unable to get the target's current scale: deployments.apps \"checkout\" is forbidden"}
            """#)
        let cannot = try Scenario.findings("hpa", in: "hpa-at-max") { snapshot in
            for index in snapshot.horizontalPodAutoscalers.indices {
                snapshot.horizontalPodAutoscalers[index].status?.conditions.removeAll { $0.type == "AbleToScale" }
                snapshot.horizontalPodAutoscalers[index].status?.conditions.append(unable)
            }
        }
        #expect(cannot.map(\.code) == ["hpa-cannot-scale"])
        #expect(cannot.first?.rootCause.contains("unable to get the target's current scale") == true)
    }

    @Test("a renamed HPA target is patched to the near-named Deployment, unless another HPA already scales that one")
    func hpaRenameGuard() throws {
        let finding = try #require(try Scenario.findings("hpa", in: "hpa-problems").first { $0.code == "hpa-target-missing" })
        #expect(finding.remediation?.command == #"kubectl -n demo patch horizontalpodautoscaler/checkout --type=merge -p '{"spec":{"scaleTargetRef":{"name":"checkout"}}}'"#)
        let edited = try Scenario.findings("hpa", in: "hpa-problems") { snapshot in
            for index in snapshot.horizontalPodAutoscalers.indices where snapshot.horizontalPodAutoscalers[index].metadata.name == "search" {
                snapshot.horizontalPodAutoscalers[index].spec.scaleTargetRef.name = "checkout"
            }
        }
        let taken = try #require(edited.first { $0.code == "hpa-target-missing" })
        #expect(taken.remediation?.patch == nil)
        #expect(!taken.rootCause.contains("may be the target meant"))
    }

    @Test("an HPA whose maxReplicas the whole cluster could not hold is advice (info), naming how many replicas fit; one that fits is not reported")
    func hpaBeyondCapacity() throws {
        #expect(try Scenario.findings("hpa", in: "hpa-at-min").allSatisfy { $0.code != "hpa-max-exceeds-capacity" }, "10 × 50m fits 32 CPU")
        let findings = try Scenario.findings("hpa", in: "hpa-at-min") { snapshot in
            snapshot.horizontalPodAutoscalers[0].spec.maxReplicas = 1000
        }
        let finding = try #require(findings.first { $0.code == "hpa-max-exceeds-capacity" })
        #expect(finding.severity == .info)
        #expect(finding.symptom == "maxReplicas 1000; at most 640 fit the cluster")
        #expect(finding.rootCause.contains("request 50 CPU against 32 CPU allocatable on the only schedulable node"))
        #expect(finding.remediation?.summary.hasPrefix("Lower maxReplicas to 640 or less") == true)

        let cordoned = try Scenario.findings("hpa", in: "hpa-at-min") { snapshot in
            snapshot.horizontalPodAutoscalers[0].spec.maxReplicas = 1000
            snapshot.nodes[0].spec?.unschedulable = true
        }
        #expect(!cordoned.contains { $0.code == "hpa-max-exceeds-capacity" }, "no schedulable node: nothing to compare against")
    }

    /// storage-problems' findings about claim uploads (its other claim is Lost), after `edit` of that claim.
    private func uploadsFindings(_ edit: (inout PersistentVolumeClaim) -> Void = { _ in }, removing kind: ResourceKind? = nil) throws -> [Finding] {
        try Scenario.findings("pvc", in: "storage-problems") { snapshot in
            let index = try #require(snapshot.persistentVolumeClaims.firstIndex { $0.metadata.name == "uploads" })
            edit(&snapshot.persistentVolumeClaims[index])
            if let kind { snapshot.collected.remove(kind) }
        }.filter { $0.resource.name == "uploads" }
    }

    @Test("a Pending claim with no event is explained by the StorageClasses when they were read: a missing class, or none named and no default")
    func claimStorageClass() throws {
        let noDefault = try #require(try uploadsFindings().first)
        #expect(noDefault.rootCause.contains("it names no StorageClass and none is marked default (the cluster's only StorageClass is standard)"))
        #expect(try uploadsFindings(removing: .storageClasses).isEmpty, "without the classes nothing is guessed")
        let missing = try #require(try uploadsFindings { $0.spec?.storageClassName = "fast-ssd" }.first)
        #expect(missing.rootCause.contains("it asks for StorageClass fast-ssd, which does not exist (the cluster's only StorageClass is standard)"))
        #expect(try uploadsFindings { $0.spec?.storageClassName = "" }.isEmpty, "an empty class asks for a volume made by hand on purpose")
    }

    @Test("PersistentVolumes: Failed and Released-with-Retain are reported for the namespaces in scope; a Released one with Delete only once its deletion is stuck")
    func persistentVolumes() throws {
        let found = try Scenario.findings("pv", in: "storage-problems")
        #expect(Set(found.map { "\($0.code) \($0.resource.name)" }) == ["pv-failed pv-scratch", "pv-released pv-archive"])
        #expect(try Scenario.findings("pv", in: "storage-problems") { snapshot in
            let other = snapshot.restricted(toNamespace: "other", excluding: [])
            snapshot = other
        }.isEmpty, "claims of a namespace the report does not cover")
        let deleting = try Scenario.findings("pv", in: "storage-problems") { snapshot in
            let index = snapshot.persistentVolumes.firstIndex { $0.metadata.name == "pv-archive" }!
            snapshot.persistentVolumes[index].spec?.persistentVolumeReclaimPolicy = "Delete"
            let thirtySecondsAgo = snapshot.referenceTime?.adding(seconds: -30)
            snapshot.persistentVolumes[index].status?.lastPhaseTransitionTime = thirtySecondsAgo
        }
        #expect(!deleting.contains { $0.resource.name == "pv-archive" }, "Released 30 s ago with Delete: being deleted")
    }

    @Test("the beta storage-class annotation names a claim's class, as the binder reads it; PVs of claims in namespaces the files do not hold are not reported")
    func betaAnnotationAndFileScope() throws {
        #expect(try uploadsFindings { $0.metadata.annotations["volume.beta.kubernetes.io/storage-class"] = "standard" }.isEmpty,
                "standard exists and waits for its first consumer")
        #expect(try Scenario.findings("pv", in: "storage-problems") { snapshot in
            for index in snapshot.persistentVolumes.indices {
                snapshot.persistentVolumes[index].spec?.claimRef?.namespace = "monitoring"
            }
        }.isEmpty)
    }
}
