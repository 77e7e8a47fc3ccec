extension ClusterSnapshot {
    /// The newest time recorded anywhere in the data — node heartbeats, event sightings,
    /// condition transitions, container state changes. A snapshot's "now".
    package var newestTimestamp: Timestamp? {
        var newest: Timestamp?
        func consider(_ time: Timestamp?) {
            if let time, newest.map({ time > $0 }) ?? true { newest = time }
        }
        func consider(_ conditions: [Condition]) {
            for condition in conditions {
                consider(condition.lastHeartbeatTime)
                consider(condition.lastTransitionTime)
                consider(condition.lastUpdateTime)
            }
        }
        for node in nodes { consider(node.status?.conditions ?? []) }
        for event in events { consider(event.lastSeen) }
        for pod in pods {
            consider(pod.metadata.creationTimestamp)
            consider(pod.status.conditions)
            for status in pod.status.containerStatuses + pod.status.initContainerStatuses {
                consider(status.state?.running?.startedAt)
                consider(status.state?.terminated?.finishedAt)
                consider(status.lastState?.terminated?.finishedAt)
            }
        }
        for deployment in deployments { consider(deployment.status?.conditions ?? []) }
        for job in jobs { consider(job.status?.conditions ?? []) }
        for autoscaler in horizontalPodAutoscalers { consider(autoscaler.status?.conditions ?? []) }
        return newest
    }
}
