import HealAnalysis
import Testing

@testable import HealUsage

@Suite("PodOwnerIndex gives pods, current or gone, to their workload by name")
struct PodOwnerIndexTests {
    static func workload(_ kind: String, _ name: String, pods: [String] = []) -> WorkloadResources {
        WorkloadResources(ref: ResourceRef(kind: kind, namespace: "shop", name: name), replicas: 1, containers: [], podNames: pods)
    }

    static let index = PodOwnerIndex(workloads: [
        workload("Deployment", "cart", pods: ["cart-7d4b9c8f6d-q9z2w"]),
        workload("StatefulSet", "db"),
        workload("DaemonSet", "node-agent"),
        workload("Job", "migrate"),
        workload("CronJob", "backup"),
        workload("Deployment", "web"),
        workload("DaemonSet", "web-7d4b9c8f6d"),
        workload("Deployment", "odd", pods: ["hand-named-pod"]),
    ])

    @Test(
        "each controller's pod-name shape finds its workload",
        arguments: [
            ("cart-7d4b9c8f6d-q9z2w", "Deployment", "cart"),  // running now
            ("cart-5c6f7b8d9e-kx2lp", "Deployment", "cart"),  // an earlier ReplicaSet
            ("cart-1234567890-kx2lp", "Deployment", "cart"),  // an old numeric pod-template-hash
            ("db-0", "StatefulSet", "db"),
            ("db-12", "StatefulSet", "db"),
            ("node-agent-h7w9c", "DaemonSet", "node-agent"),
            ("migrate-x2k4p", "Job", "migrate"),
            ("backup-29150880-x2k4p", "CronJob", "backup"),
            ("hand-named-pod", "Deployment", "odd"),  // named in podNames, whatever its shape
        ])
    func shapes(pod: String, kind: String, name: String) {
        #expect(Self.index.owner(ofPod: pod) == ResourceRef(kind: kind, namespace: "shop", name: name))
    }

    @Test("when two workloads fit a pod's name, the longer name wins")
    func longestName() {
        #expect(Self.index.owner(ofPod: "web-7d4b9c8f6d-x2k4p") == ResourceRef(kind: "DaemonSet", namespace: "shop", name: "web-7d4b9c8f6d"))
        #expect(Self.index.owner(ofPod: "web-5c6f7b8d9e-x2k4p") == ResourceRef(kind: "Deployment", namespace: "shop", name: "web"))
    }

    @Test(
        "a pod whose name fits no workload's shape has no owner",
        arguments: [
            "cart", "cart-x2k4p",  // a Deployment's pods have a hash and a suffix
            "cart-7d4b9c8f6d-x2k4", "cart-7D4B9C8F6D-x2k4p",  // suffix too short; upper case
            "db-0a", "db-", "node-agent-0", "backup-x2k4p", "cartwheel-7d4b9c8f6d-x2k4p", "unknown-7d4b9c8f6d-x2k4p",
        ])
    func noOwner(pod: String) {
        #expect(Self.index.owner(ofPod: pod) == nil)
    }
}
