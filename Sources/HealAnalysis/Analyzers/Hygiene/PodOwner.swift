import HealModel

/// Whatever runs pods, as the hygiene and pod-template checks see it: Deployments, StatefulSets,
/// DaemonSets, standalone ReplicaSets, running Jobs, CronJobs (their job template; when CronJobs
/// were not read, their newest Job's), and bare pods. Pods owned by anything else (a Node's
/// static pods, an operator's resource) are that owner's business.
struct PodOwner {
    var ref: ResourceRef
    /// The pod template's spec (a bare pod's own spec).
    var podSpec: PodSpec?
    /// Jobs, CronJobs and bare pods that do not restart: probes do not apply.
    var runsToCompletion: Bool
    /// The JSON pointer of `podSpec` in the owner, when a patch may change it (a Job's template
    /// and a pod's spec are immutable, and a CronJob read through its Job is not at hand).
    var podSpecPointer: String?

    var containers: [Container] { podSpec?.containers ?? [] }

    /// Kinds whose pod template `kubectl set` can change in place (a Job's is immutable, a
    /// CronJob's and a pod's are edited in their manifest).
    var templateEditable: Bool { ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"].contains(ref.kind) }

    private static let templateSpec = "/spec/template/spec"

    /// Every owner that runs pods now; one scaled to 0, a finished Job and a finished pod are left alone.
    static func all(in snapshot: ClusterSnapshot) -> [PodOwner] {
        let workloads = TemplatedWorkload.all(in: snapshot).filter { $0.desiredReplicas > 0 }.map {
            PodOwner(ref: $0.ref, podSpec: $0.template?.spec, runsToCompletion: false, podSpecPointer: templateSpec)
        }
        let replicaSets = snapshot.replicaSets.filter { $0.metadata.controller == nil && ($0.spec.replicas ?? 1) > 0 }.map {
            PodOwner(ref: $0.metadata.ref(kind: "ReplicaSet"), podSpec: $0.spec.template?.spec, runsToCompletion: false, podSpecPointer: templateSpec)
        }
        return workloads + replicaSets + jobs(snapshot) + cronJobs(snapshot) + barePods(snapshot)
    }

    private static func cronJobs(_ snapshot: ClusterSnapshot) -> [PodOwner] {
        snapshot.cronJobs.filter { $0.spec.suspend != true }.map {
            PodOwner(
                ref: $0.metadata.ref(kind: "CronJob"), podSpec: $0.spec.jobTemplate?.spec?.template?.spec, runsToCompletion: true,
                podSpecPointer: "/spec/jobTemplate" + templateSpec)
        }
    }

    private static func jobs(_ snapshot: ClusterSnapshot) -> [PodOwner] {
        var owners: [PodOwner] = []
        var cronJobs: [ResourceRef: Job] = [:]
        for job in snapshot.jobs {
            if let controller = job.metadata.controller, controller.kind == "CronJob" {
                // The CronJob's own template speaks for it when CronJobs were read.
                guard !snapshot.collected.contains(.cronJobs) else { continue }
                let ref = ResourceRef(kind: "CronJob", namespace: job.metadata.namespace, name: controller.name)
                if (cronJobs[ref]?.metadata.creationTimestamp).map({ $0 < (job.metadata.creationTimestamp ?? $0) }) ?? true { cronJobs[ref] = job }
            } else if job.metadata.controller == nil, !Self.finished(job) {
                owners.append(PodOwner(ref: job.metadata.ref(kind: "Job"), podSpec: job.spec.template?.spec, runsToCompletion: true))
            }
        }
        return owners + cronJobs.sorted { $0.key < $1.key }.map { ref, job in
            PodOwner(ref: ref, podSpec: job.spec.template?.spec, runsToCompletion: true)
        }
    }

    private static func finished(_ job: Job) -> Bool {
        ["Complete", "Failed"].contains { job.status?.conditions[$0]?.isTrue == true }
    }

    private static func barePods(_ snapshot: ClusterSnapshot) -> [PodOwner] {
        snapshot.pods.filter { $0.metadata.controller == nil && !$0.isFinished }.map {
            PodOwner(ref: $0.ref, podSpec: $0.spec, runsToCompletion: ($0.spec.restartPolicy ?? "Always") != "Always")
        }
    }
}
