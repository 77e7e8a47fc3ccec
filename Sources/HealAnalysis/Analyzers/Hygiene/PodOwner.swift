import HealModel

/// Whatever runs pods, as the hygiene checks see it: Deployments, StatefulSets, DaemonSets,
/// standalone ReplicaSets, running Jobs, CronJobs (their job template; when CronJobs were not
/// read, their newest Job's), and bare pods. Pods owned by anything else (a Node's static pods, an operator's
/// resource) are that owner's business.
struct PodOwner {
    var ref: ResourceRef
    var containers: [Container]
    /// Jobs, CronJobs and bare pods that do not restart: probes do not apply.
    var runsToCompletion: Bool

    /// Kinds whose pod template `kubectl set` can change in place (a Job's is immutable, a
    /// CronJob's and a pod's are edited in their manifest).
    var templateEditable: Bool { ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"].contains(ref.kind) }

    /// Every owner that runs pods now; one scaled to 0, a finished Job and a finished pod are left alone.
    static func all(in snapshot: ClusterSnapshot) -> [PodOwner] {
        let workloads = TemplatedWorkload.all(in: snapshot).filter { $0.desiredReplicas > 0 }.map {
            PodOwner(ref: $0.ref, containers: $0.containers, runsToCompletion: false)
        }
        let replicaSets = snapshot.replicaSets.filter { $0.metadata.controller == nil && ($0.spec.replicas ?? 1) > 0 }.map {
            PodOwner(ref: $0.metadata.ref(kind: "ReplicaSet"), containers: $0.spec.template?.spec.containers ?? [], runsToCompletion: false)
        }
        return workloads + replicaSets + jobs(snapshot) + cronJobs(snapshot) + barePods(snapshot)
    }

    private static func cronJobs(_ snapshot: ClusterSnapshot) -> [PodOwner] {
        snapshot.cronJobs.filter { $0.spec.suspend != true }.map {
            PodOwner(ref: $0.metadata.ref(kind: "CronJob"), containers: $0.spec.jobTemplate?.spec?.template?.spec.containers ?? [], runsToCompletion: true)
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
                owners.append(PodOwner(ref: job.metadata.ref(kind: "Job"), containers: job.spec.template?.spec.containers ?? [], runsToCompletion: true))
            }
        }
        return owners + cronJobs.sorted { $0.key < $1.key }.map { ref, job in
            PodOwner(ref: ref, containers: job.spec.template?.spec.containers ?? [], runsToCompletion: true)
        }
    }

    private static func finished(_ job: Job) -> Bool {
        ["Complete", "Failed"].contains { job.status?.conditions[$0]?.isTrue == true }
    }

    private static func barePods(_ snapshot: ClusterSnapshot) -> [PodOwner] {
        snapshot.pods.filter { $0.metadata.controller == nil && !$0.isFinished }.map {
            PodOwner(ref: $0.ref, containers: $0.spec.containers, runsToCompletion: ($0.spec.restartPolicy ?? "Always") != "Always")
        }
    }
}
