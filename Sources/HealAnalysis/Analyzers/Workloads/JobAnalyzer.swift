import HealModel

/// Jobs that failed for good (backoff limit or active deadline reached), with their failed
/// attempts' exit codes and what the last attempt's container reported; and suspended Jobs,
/// which run nothing until resumed (info: suspending is deliberate, but easy to forget).
struct JobAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "job", group: .workloads,
        summary: "Jobs that failed (BackoffLimitExceeded, DeadlineExceeded), with the failed pods' exit codes and the last attempt's cause; suspended Jobs (info).",
        codes: ["job-failed", "job-suspended"],
        reads: [.jobs],
        triggeringScenarios: ["job-backoff-limit", "workload-guards"],
        nonTriggeringScenarios: ["shop", "failover-clean", "non-zero-exit", "agentic-demo"])

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.jobs.compactMap { job in
            if let failed = job.status?.conditions["Failed"], failed.isTrue {
                return isSuperseded(job, context: context) ? nil : finding(job, failed: failed, context: context)
            }
            let complete = job.status?.conditions["Complete"]?.isTrue == true
            return job.spec.suspend == true && !complete ? suspended(job, context: context) : nil
        }
    }

    private func suspended(_ job: Job, context: AnalysisContext) -> Finding {
        let ref = job.metadata.ref(kind: "Job")
        let condition = job.status?.conditions["Suspended"]
        let since = condition?.lastTransitionTime ?? job.metadata.creationTimestamp
        let age = context.age(since: since).map { " for \(DurationText.format(seconds: $0))" } ?? ""
        return Finding(
            code: "job-suspended", severity: .info, analyzer: descriptor.id, resource: ref, owner: job.metadata.controllerRef,
            symptom: "suspended\(age)",
            rootCause: "Job \(ref.name) is suspended (spec.suspend: true)\(age): the Job controller creates no pods for it until it is resumed\(job.status?.succeeded.map { "; \($0) succeeded so far" } ?? "").",
            evidence: [Evidence(.spec, "spec.suspend: true", object: ref)]
                + (condition.map { [Evidence(.status, "Suspended=\($0.status) (\($0.reason ?? "")): \($0.message ?? "")", object: ref, time: $0.lastTransitionTime)] } ?? []),
            since: since,
            remediation: Remediation(
                action: .manual, summary: "Resume it when it should run (a queue such as Kueue resumes the Jobs it admits).",
                command: "kubectl patch job \(ref.name) -n \(ref.namespace ?? "default") --type=merge -p '{\"spec\":{\"suspend\":false}}'",
                safeToAutoApply: false),
            confidence: 1)
    }

    private func finding(_ job: Job, failed: Condition, context: AnalysisContext) -> Finding {
        let ref = job.metadata.ref(kind: "Job")
        let owner = job.metadata.controllerRef
        // The index files a Job's pods under its CronJob when it has one.
        let attempts = context.index.pods(of: owner ?? ref)
            .filter { $0.metadata.controller?.kind == "Job" && $0.metadata.controller?.name == ref.name && $0.status.phase == "Failed" }
            .sorted { ($0.metadata.creationTimestamp ?? Timestamp(secondsSince1970: 0)) < ($1.metadata.creationTimestamp ?? Timestamp(secondsSince1970: 0)) }
        let exits = attempts.flatMap { pod in
            pod.status.containerStatuses.compactMap { status in
                status.state?.terminated.map { (pod: pod, container: status, terminated: $0) }
            }.filter { $0.terminated.exitCode != 0 }
        }
        let failedCount = job.status?.failed ?? attempts.count
        var evidence = [
            Evidence(.status, "Failed=True (\(failed.reason ?? "unknown")): \(failed.message ?? "")", object: ref, time: failed.lastTransitionTime),
            Evidence(.status, "\(Wording.count(failedCount, "failed pod")), \(job.status?.succeeded ?? 0) succeeded, backoffLimit \(job.spec.backoffLimit ?? 6)", object: ref),
        ]
        evidence += exits.suffix(3).map { exit in
            Evidence(
                .status, "pod \(exit.pod.metadata.name): container \(exit.container.name) exited \(exit.terminated.exitCode) (\(exit.terminated.reason ?? "unknown"))",
                object: exit.pod.ref, time: exit.terminated.finishedAt)
        }
        var rootCause = "Job \(ref.name) \(failure(of: job, condition: failed, failedCount: failedCount))\(exitSummary(exits.map(\.terminated.exitCode)))."
        if let last = exits.last {
            let cause = CrashCauseClassifier.classify(pod: last.pod, status: last.container, factory: PodFindingFactory(context: context, analyzer: descriptor.id))
            rootCause += " Last attempt (pod \(last.pod.metadata.name)): \(cause.rootCause)"
            evidence += cause.evidence.filter { $0.source == .log }
        }
        return Finding(
            code: "job-failed", severity: .critical, analyzer: descriptor.id, resource: ref, owner: owner,
            pods: attempts.isEmpty ? nil : Finding.Pods(count: attempts.count, sample: attempts.suffix(FindingGrouper.sampleSize).map(\.metadata.name)),
            symptom: "Failed (\(failed.reason ?? "unknown")) after \(Wording.count(failedCount, "failed pod"))",
            rootCause: rootCause,
            evidence: evidence,
            since: failed.lastTransitionTime,
            remediation: remediation(ref: ref, owner: owner, lastAttempt: exits.last.map { ($0.pod.ref, $0.container.name) }),
            confidence: 0.9)
    }

    private func failure(of job: Job, condition: Condition, failedCount: Int) -> String {
        switch condition.reason {
        case "BackoffLimitExceeded":
            "gave up after \(Wording.count(failedCount, "failed attempt")) (backoffLimit \(job.spec.backoffLimit ?? 6))"
        case "DeadlineExceeded":
            "ran longer than its activeDeadlineSeconds\(job.spec.activeDeadlineSeconds.map { " (\($0) s)" } ?? "") and was stopped"
        default:
            "failed (\(condition.reason ?? "unknown reason")\(condition.message.map { ": \($0)" } ?? ""))"
        }
    }

    /// "; every attempt exited 1" or "; exit codes 1, 2".
    private func exitSummary(_ codes: [Int]) -> String {
        let distinct = Array(Set(codes)).sorted()
        switch distinct.count {
        case 0: return ""
        case 1 where codes.count > 1: return "; every attempt exited \(distinct[0])"
        case 1: return "; the attempt exited \(distinct[0])"
        default: return "; exit codes \(distinct.map(String.init).joined(separator: ", "))"
        }
    }

    /// A failed Job never retries: fix the cause, then start it again.
    private func remediation(ref: ResourceRef, owner: ResourceRef?, lastAttempt: (pod: ResourceRef, container: String)?) -> Remediation {
        if let owner, owner.kind == "CronJob" {
            return Remediation(
                action: .manual,
                summary: "Fix what the last attempt reports, then start a run now instead of waiting for the schedule.",
                command: KubectlCommand.createJob(named: "\(ref.name)-retry", fromCronJob: owner),
                safeToAutoApply: false)
        }
        return Remediation(
            action: .manual,
            summary: "Fix what the last attempt reports (its log), then delete and re-create Job \(ref.name): a failed Job does not run again.",
            command: lastAttempt.map { KubectlCommand.logs($0.pod, container: $0.container) },
            safeToAutoApply: false)
    }

    /// A CronJob's failed run is history once a later run of the same CronJob completed.
    private func isSuperseded(_ job: Job, context: AnalysisContext) -> Bool {
        guard let owner = job.metadata.controller, owner.kind == "CronJob", let created = job.metadata.creationTimestamp else { return false }
        return context.snapshot.jobs.contains { other in
            other.metadata.namespace == job.metadata.namespace && other.metadata.controller?.name == owner.name
                && other.metadata.controller?.kind == "CronJob" && (other.metadata.creationTimestamp.map { $0 > created } ?? false)
                && other.status?.conditions["Complete"]?.isTrue == true
        }
    }
}
