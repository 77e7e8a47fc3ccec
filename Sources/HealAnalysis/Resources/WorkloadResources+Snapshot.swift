import HealModel

extension WorkloadResources {
    /// The Deployments, StatefulSets and DaemonSets of a snapshot, sorted by reference. Jobs and
    /// CronJobs are left out (their pods are too short-lived to size from usage), as are bare pods.
    package static func all(in snapshot: ClusterSnapshot) -> [WorkloadResources] {
        let index = SnapshotIndex(snapshot)
        let nodeLabels = Dictionary(snapshot.nodes.map { ($0.metadata.name, $0.metadata.labels) }, uniquingKeysWith: { first, _ in first })
        let autoscalers = Dictionary(
            snapshot.horizontalPodAutoscalers.map { autoscaler in
                let target = autoscaler.spec.scaleTargetRef
                let bounds = ReplicaBounds(
                    min: autoscaler.spec.minReplicas ?? 1, max: autoscaler.spec.maxReplicas, cpuUtilizationTarget: autoscaler.spec.cpuUtilizationTarget,
                    autoscaler: autoscaler.metadata.name)
                return (ResourceRef(kind: target.kind, namespace: autoscaler.metadata.namespace, name: target.name), bounds)
            },
            uniquingKeysWith: { first, _ in first })

        return TemplatedWorkload.all(in: snapshot).map { workload in
            let pods = index.pods(of: workload.ref)
            let scheduledNode = pods.lazy.compactMap(\.spec.nodeName).first
            return WorkloadResources(
                ref: workload.ref, replicas: workload.desiredReplicas, autoscaling: autoscalers[workload.ref],
                containers: workload.containers.map(ContainerResources.init(spec:)), podNames: pods.map(\.metadata.name).sorted(),
                oomKills: oomKills(in: pods), nodeLabels: scheduledNode.flatMap { nodeLabels[$0] } ?? [:],
                labels: workload.metadata.labels, annotations: workload.metadata.annotations)
        }
        .sorted { $0.ref < $1.ref }
    }

    /// OOM kills in the pods' container statuses, at the memory limit of the killed pod's own
    /// spec (during a rollout it can differ from the template's).
    private static func oomKills(in pods: [Pod]) -> [String: [OOMKill]] {
        var kills: [String: [OOMKill]] = [:]
        for pod in pods {
            for status in pod.status.containerStatuses {
                // A container that stays down (restartPolicy Never, or caught before its restart)
                // shows its kill in `state`; one that restarted, in `lastState`.
                for terminated in [status.state?.terminated, status.lastState?.terminated].compactMap(\.self)
                where terminated.reason == "OOMKilled" {
                    let limit = pod.spec.containers.first { $0.name == status.name }?.resources?.limits["memory"]?.value
                    kills[status.name, default: []].append(OOMKill(limitBytes: limit, at: terminated.finishedAt, seenIn: "pod status"))
                }
            }
        }
        return kills
    }
}
