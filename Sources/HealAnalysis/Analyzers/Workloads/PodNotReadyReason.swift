import HealModel

/// Why one pod is not Ready, in the words an SRE would use, with the fact it rests on. Workload
/// and Service findings quote it so that "1 of 3 available" or "0 endpoints ready" explains
/// itself; the pod analyzers report the pod problems themselves.
struct PodNotReadyReason {
    var text: String
    var evidence: Evidence?
    /// False while the pod is only starting or stopping; true when something is wrong with it
    /// (failed, unschedulable, a container stuck waiting, a readiness probe failing), which is
    /// what failover needs to know before sending traffic to it.
    var isFailure = true

    /// Checked from the most to the least fundamental: a pod that never started is not
    /// "failing its readiness probe", even if an old probe event is still around.
    init(_ pod: Pod, context: AnalysisContext) {
        let ref = pod.ref
        if let phase = pod.status.phase, phase == "Failed" || phase == "Succeeded" {
            self.init(text: "pod \(phase)\(pod.status.reason.map { " (\($0))" } ?? "")", evidence: nil)
            return
        }
        if pod.metadata.deletionTimestamp != nil {
            self.init(text: "pod terminating", evidence: nil, isFailure: false)
            return
        }
        let conditions = pod.status.conditions
        if let scheduled = conditions["PodScheduled"], scheduled.isFalse, scheduled.reason == "SchedulingGated" {
            let gates = pod.spec.schedulingGates.compactMap(\.name)
            self.init(
                text: "held by scheduling \(gates.count == 1 ? "gate" : "gates") \(Wording.list(gates)) (the scheduler has not tried to place it)",
                evidence: Evidence(.spec, "spec.schedulingGates: \(gates.joined(separator: ", "))", object: ref, time: scheduled.lastTransitionTime))
            return
        }
        if let scheduled = conditions["PodScheduled"], scheduled.isFalse {
            let message = scheduled.message.map { ": \(Wording.clip($0, 140))" } ?? ""
            self.init(
                text: "not scheduled\(message)",
                evidence: Evidence(.status, "PodScheduled=False (\(scheduled.reason ?? "unknown"))\(message)", object: ref, time: scheduled.lastTransitionTime))
            return
        }
        let statuses = pod.status.initContainerStatuses.map { ("init container", $0) } + pod.status.containerStatuses.map { ("container", $0) }
        if let (role, status) = statuses.first(where: { Self.isStuck($0.1) }), let waiting = status.state?.waiting?.reason {
            let last = status.lastState?.terminated.map { " (last exit: \($0.reason ?? "unknown") \($0.exitCode))" } ?? ""
            self.init(
                text: "\(role) \(status.name) \(waiting)\(last)",
                evidence: Evidence(.status, "\(role) \(status.name) waiting: \(waiting)\(status.state?.waiting?.message.map { " — \(Wording.clip($0, 140))" } ?? "")", object: ref))
            return
        }
        let events = context.index.events(for: pod)
        if let probe = events.last(where: { $0.reason == "Unhealthy" && $0.message.hasPrefix("Readiness probe failed") }) {
            self.init(text: "readiness probe failing: \(CrashCauseClassifier.probeDetail(probe.message))", evidence: .event(probe, object: ref))
            return
        }
        let ready = conditions["Ready"]
        if let ready, ready.reason == "ReadinessGatesNotReady" {
            self.init(
                text: "readiness gate not satisfied: \(ready.message ?? "a readiness gate condition is not True")",
                evidence: Evidence(.status, "Ready=False (ReadinessGatesNotReady): \(ready.message ?? "")", object: ref, time: ready.lastTransitionTime))
            return
        }
        if let warning = events.last(where: \.isWarning) {
            self.init(text: "\(warning.reason): \(Wording.clip(warning.message, 140))", evidence: .event(warning, object: ref))
            return
        }
        let waiting = statuses.compactMap { $0.1.state?.waiting?.reason }.first
        self.init(
            text: waiting.map { "containers \($0)" } ?? "not Ready\(ready?.reason.map { " (\($0))" } ?? "")",
            evidence: ready.map { Evidence(.status, "Ready=\($0.status)\($0.reason.map { " (\($0))" } ?? "")", object: ref, time: $0.lastTransitionTime) },
            isFailure: false)
    }

    private init(text: String, evidence: Evidence?, isFailure: Bool = true) {
        self.text = text
        self.evidence = evidence
        self.isFailure = isFailure
    }

    /// Waiting for a reason other than the normal steps of starting.
    private static func isStuck(_ status: ContainerStatus) -> Bool {
        guard let reason = status.state?.waiting?.reason else { return false }
        return reason != "ContainerCreating" && reason != "PodInitializing"
    }

    /// "readiness probe failing: …" when every pod says the same, else each reason with its
    /// pod count: "CrashLoopBackOff (2 pods); not scheduled (1 pod)".
    static func summary(_ reasons: [PodNotReadyReason]) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for reason in reasons {
            if counts[reason.text] == nil { order.append(reason.text) }
            counts[reason.text, default: 0] += 1
        }
        if order.count == 1 { return Wording.clause(order[0]) }
        return order.map { "\(Wording.clause($0)) (\(Wording.count(counts[$0] ?? 0, "pod")))" }.joined(separator: "; ")
    }
}
