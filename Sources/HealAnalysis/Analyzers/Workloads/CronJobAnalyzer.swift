import Foundation
import HealModel

/// CronJobs that do not run: a schedule or time zone the controller cannot read, a run that
/// was due and never started, or suspended (info). A run that started and failed is its Job's
/// `job-failed`, reported with the CronJob as owner.
struct CronJobAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "cronjob", group: .workloads,
        summary: "CronJobs whose schedule or time zone cannot be read, whose due run never started (never, or not since the last one), or that are suspended (info).",
        codes: ["cronjob-invalid-schedule", "cronjob-missed-schedule", "cronjob-suspended"],
        reads: [.cronJobs],
        triggeringScenarios: ["cronjob-problems"],
        nonTriggeringScenarios: ["shop", "hygiene-issues", "job-backoff-limit"])

    /// The controller starts a due Job within seconds; minutes late means it is not coming.
    static let lateSeconds: Double = 300

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.cronJobs.compactMap { cronJob in
            let ref = cronJob.metadata.ref(kind: "CronJob")
            let schedule: CronSchedule
            do throws(CronSchedule.Problem) {
                schedule = try CronSchedule(cronJob.spec.schedule)
            } catch {
                return invalid(cronJob, ref: ref, problem: error.text)
            }
            let zoneName = cronJob.spec.timeZone ?? "UTC"
            guard let zone = TimeZone(identifier: zoneName) else {
                return invalid(cronJob, ref: ref, problem: "spec.timeZone \"\(zoneName)\" is not a time zone the controller knows (an IANA name such as Europe/Berlin)")
            }
            if cronJob.spec.suspend == true { return suspended(cronJob, ref: ref, context: context) }
            return missed(cronJob, ref: ref, schedule: schedule, zone: zone, context: context)
        }
    }

    private func invalid(_ cronJob: CronJob, ref: ResourceRef, problem: String) -> Finding {
        Finding(
            code: "cronjob-invalid-schedule", severity: .critical, analyzer: descriptor.id, resource: ref,
            symptom: "schedule \"\(cronJob.spec.schedule)\" cannot be read",
            rootCause: "CronJob \(ref.name) never runs: \(problem).",
            evidence: [Evidence(.spec, "spec.schedule: \(cronJob.spec.schedule)" + (cronJob.spec.timeZone.map { "; spec.timeZone: \($0)" } ?? ""), object: ref)],
            remediation: Remediation(
                action: .manual,
                summary: "Write the schedule as five fields (minute hour day-of-month month day-of-week, e.g. \"30 2 * * *\") or a descriptor such as @daily, with the zone in spec.timeZone.",
                command: "kubectl\(KubectlCommand.namespaceFlag(ref)) edit cronjob/\(ref.name)", safeToAutoApply: false),
            confidence: 0.95)
    }

    private func suspended(_ cronJob: CronJob, ref: ResourceRef, context: AnalysisContext) -> Finding {
        let last = cronJob.status?.lastScheduleTime
        return Finding(
            code: "cronjob-suspended", severity: .info, analyzer: descriptor.id, resource: ref,
            symptom: "suspended" + (last.map { "; last run \($0)" } ?? "; never run"),
            rootCause: "CronJob \(ref.name) is suspended (spec.suspend: true): no run of \"\(cronJob.spec.schedule)\" starts until it is resumed"
                + (last.flatMap { context.age(since: $0) }.map { "; its last run started \(DurationText.format(seconds: $0)) ago." } ?? "."),
            evidence: [Evidence(.spec, "spec.suspend: true", object: ref)],
            since: last,
            remediation: Remediation(
                action: .manual, summary: "Resume it when it should run again.",
                command: "kubectl\(KubectlCommand.namespaceFlag(ref)) patch cronjob/\(ref.name) --type=merge -p '{\"spec\":{\"suspend\":false}}'",
                safeToAutoApply: false),
            confidence: 1)
    }

    /// The run due after the last one (or after creation) has not started minutes after its
    /// time. A run skipped on purpose — Forbid while the last one is still active — is not.
    private func missed(_ cronJob: CronJob, ref: ResourceRef, schedule: CronSchedule, zone: TimeZone, context: AnalysisContext) -> Finding? {
        let active = cronJob.status?.active ?? []
        guard active.isEmpty || cronJob.spec.concurrencyPolicy != "Forbid" else { return nil }
        let last = cronJob.status?.lastScheduleTime
        guard let from = last ?? cronJob.metadata.creationTimestamp, let due = schedule.next(after: from, in: zone),
            let late = context.age(since: due), late >= Self.lateSeconds
        else { return nil }
        let events = context.index.events(for: ref).filter(\.isWarning)
        let cause = events.last.map { event in
            event.reason == "FailedCreate"
                ? "the controller cannot create its Job: \(PodCreationFailure(message: event.message, namespace: ref.namespace).cause)"
                : "the controller reports \(event.reason): \(Wording.clause(Wording.clip(event.message, 160)))"
        } ?? "no event says why, so the cronjob controller (kube-controller-manager) is probably not running it"
        let history = last.map { "its last run started at \($0)" } ?? "it has never run since it was created at \(cronJob.metadata.creationTimestamp?.description ?? "?")"
        return Finding(
            code: "cronjob-missed-schedule", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "run due \(DurationText.format(seconds: late)) ago has not started",
            rootCause: "CronJob \(ref.name) (\"\(cronJob.spec.schedule)\" in \(cronJob.spec.timeZone ?? "UTC")): \(history), and the next run, due at \(due), has not started \(DurationText.format(seconds: late)) later; \(cause).",
            evidence: [
                Evidence(.spec, "spec.schedule: \(cronJob.spec.schedule)" + (cronJob.spec.startingDeadlineSeconds.map { "; startingDeadlineSeconds: \($0)" } ?? ""), object: ref),
                Evidence(.status, "lastScheduleTime: \(last?.description ?? "none"); active Jobs: \(active.count)", object: ref),
            ] + events.suffix(2).map { Evidence.event($0, object: ref) },
            since: due,
            remediation: Remediation(
                action: .manual,
                summary: events.isEmpty
                    ? "Check that kube-controller-manager runs (its lease is renewed); to run the work now, create a Job from the CronJob."
                    : "Fix what the controller reports; to run the work now, create a Job from the CronJob.",
                command: KubectlCommand.createJob(named: "\(ref.name)-manual", fromCronJob: ref), safeToAutoApply: false),
            confidence: events.isEmpty ? 0.75 : 0.9)
    }
}
