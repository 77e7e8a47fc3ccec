import HealModel

/// Running containers that are not Ready: a failing readiness probe keeps them out of their
/// Services. Inside the probe's start-up window (initial delay + failure threshold) this is
/// normal and reported as info only.
struct ReadinessAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "pod-readiness", group: .pods,
        summary: "Running but not Ready: readiness-probe failures from the kubelet's events; pods still inside their probe's start-up window are info.",
        codes: ["readiness-probe-failing", "pod-starting"],
        reads: [.pods],
        triggeringScenarios: ["readiness-probe-failing", "starting-pods"],
        nonTriggeringScenarios: ["shop", "failover-clean", "agentic-demo", "liveness-probe-restarts", "deployment-unavailable"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        let factory = PodFindingFactory(context: context, analyzer: descriptor.id)
        var findings: [Finding] = []
        for pod in context.snapshot.pods where pod.status.phase == "Running" && pod.metadata.deletionTimestamp == nil {
            for status in pod.status.containerStatuses where status.ready == false {
                guard let running = status.state?.running else { continue }
                if let finding = finding(pod: pod, status: status, startedAt: running.startedAt, factory: factory) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private func finding(pod: Pod, status: ContainerStatus, startedAt: Timestamp?, factory: PodFindingFactory) -> Finding? {
        let probe = pod.container(named: status.name)?.readinessProbe
        let failures = factory.events(for: pod, container: status.name).filter { $0.reason == "Unhealthy" && $0.message.hasPrefix("Readiness probe failed") }
        let age = factory.context.age(since: startedAt) ?? .infinity
        if age < startupWindow(probe) {
            // Failing while the app boots is normal; the probe has not given up yet.
            return factory.finding(
                "pod-starting", pod: pod, container: status.name, severity: .info,
                symptom: "Starting: not Ready yet (\(DurationText.format(seconds: age)) old)",
                rootCause: "Container \(status.name) started \(DurationText.format(seconds: age)) ago and is still inside its readiness probe's start-up window; this is normal while starting.",
                evidence: [Evidence(.status, "running since \(startedAt?.description ?? "unknown"), ready=false", object: pod.ref, time: startedAt)]
                    + failures.suffix(1).map { .event($0, object: pod.ref) },
                since: startedAt, confidence: 0.8)
        }
        guard let latest = failures.last else { return nil }
        let seen = failures.reduce(0) { $0 + $1.count }
        let probeText = probe.map { " (\($0.summary))" } ?? ""
        return factory.finding(
            "readiness-probe-failing", pod: pod, container: status.name,
            symptom: "Running but not Ready; readiness probe failed \(Wording.count(seen, "time"))",
            rootCause: "The readiness probe\(probeText) of container \(status.name) fails — \(CrashCauseClassifier.probeDetail(latest.message)) — so the pod never becomes Ready and its Services send it no traffic.",
            evidence: [Evidence(.status, "containerStatuses[\(status.name)].ready=false, running since \(startedAt?.description ?? "unknown")", object: pod.ref, time: startedAt), .event(latest, object: pod.ref)],
            since: failures.first?.firstSeen ?? pod.notReadySince,
            remediation: CrashRemedy.manual("Point the readiness probe at an endpoint the application serves (or fix the endpoint); check path, port and timeoutSeconds."),
            confidence: 0.9)
    }

    /// How long a starting container may be unready before that is a problem: the probe's
    /// initial delay plus the failures it tolerates (API defaults: period 10 s, threshold 3);
    /// two minutes without a probe.
    private func startupWindow(_ probe: Probe?) -> Double {
        guard let probe else { return 120 }
        let period = Double(probe.periodSeconds ?? 10)
        return Double(probe.initialDelaySeconds ?? 0) + period * Double(probe.failureThreshold ?? 3)
    }
}
