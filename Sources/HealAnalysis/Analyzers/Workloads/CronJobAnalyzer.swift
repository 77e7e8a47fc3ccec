import Foundation
import HealModel

/// CronJobs that do not run: a schedule or time zone the controller reports it cannot use, a
/// run that was due and never started, or suspended (info). A run that started and failed is its
/// Job's `job-failed`, reported with the CronJob as owner. The API server already validates
/// schedules with the controller's parser, so "invalid" is only ever the controller's word.
struct CronJobAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(
        id: "cronjob", group: .workloads,
        summary: "CronJobs the controller cannot schedule (an unparseable schedule, an unknown time zone), whose due run never started (never, or not since the last one), or that are suspended (info).",
        codes: ["cronjob-invalid-schedule", "cronjob-missed-schedule", "cronjob-suspended"],
        reads: [.cronJobs],
        triggeringScenarios: ["cronjob-problems"],
        nonTriggeringScenarios: ["shop", "hygiene-issues", "job-backoff-limit"])

    /// The controller starts a due Job within seconds; minutes late means it is not coming.
    static let lateSeconds: Double = 300
    /// Without spec.timeZone the controller uses its own zone, which the API does not show: a
    /// run is judged late only past every zone's offset, unless the last run shows it is UTC.
    static let unknownZoneSeconds: Double = 14 * 3600
    /// What the cronjob controller says when it cannot use a schedule or zone.
    static let refusalReasons: Set<String> = ["UnparseableSchedule", "UnParseableCronJobSchedule", "InvalidSchedule", "UnknownTimeZone"]

    func analyze(_ context: AnalysisContext) -> [Finding] {
        context.snapshot.cronJobs.compactMap { cronJob in
            let ref = cronJob.metadata.ref(kind: "CronJob")
            let events = context.index.events(for: ref).filter(\.isWarning)
            if let refusal = events.last(where: { Self.refusalReasons.contains($0.reason) }), cronJob.status?.lastScheduleTime.map({ $0 < (refusal.lastSeen ?? $0) }) ?? true {
                return invalid(cronJob, ref: ref, refusal: refusal)
            }
            if cronJob.spec.suspend == true { return suspended(cronJob, ref: ref, context: context) }
            // What this reader cannot parse, or a zone this machine does not know, stays unjudged.
            guard let schedule = try? CronSchedule(cronJob.spec.schedule) else { return nil }
            let zoneName = schedule.zone ?? cronJob.spec.timeZone
            guard let zone = TimeZone(identifier: zoneName ?? "UTC") else { return nil }
            return missed(cronJob, ref: ref, schedule: schedule, zone: zone, zoneKnown: zoneName != nil, events: events, context: context)
        }
    }

    private func invalid(_ cronJob: CronJob, ref: ResourceRef, refusal: Event) -> Finding {
        Finding(
            code: "cronjob-invalid-schedule", severity: .critical, analyzer: descriptor.id, resource: ref,
            symptom: "\(refusal.reason): schedule \"\(cronJob.spec.schedule)\"" + (cronJob.spec.timeZone.map { " in \($0)" } ?? ""),
            rootCause: "CronJob \(ref.name) does not run: the cronjob controller cannot use its schedule (\(refusal.reason): \(Wording.clause(Wording.clip(refusal.message, 200)))).",
            evidence: [Evidence(.spec, "spec.schedule: \(cronJob.spec.schedule)" + (cronJob.spec.timeZone.map { "; spec.timeZone: \($0)" } ?? ""), object: ref),
                       Evidence.event(refusal, object: ref)],
            since: refusal.firstSeen,
            remediation: Remediation(
                action: .manual,
                summary: refusal.reason == "UnknownTimeZone"
                    ? "Use a zone kube-controller-manager's time zone database knows (an older database lacks recent zones), or update that database."
                    : "Write the schedule as five fields (minute hour day-of-month month day-of-week, e.g. \"30 2 * * *\") or a descriptor such as @daily, with the zone in spec.timeZone.",
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
    /// time. Runs skipped on purpose are not reported: Forbid while the last one is still active,
    /// or a run the controller marked missed itself (MissSchedule: a startingDeadlineSeconds
    /// passed), which shows it is alive and will start the next.
    private func missed(
        _ cronJob: CronJob, ref: ResourceRef, schedule: CronSchedule, zone: TimeZone, zoneKnown: Bool, events: [Event], context: AnalysisContext
    ) -> Finding? {
        let active = cronJob.status?.active ?? []
        guard active.isEmpty || cronJob.spec.concurrencyPolicy != "Forbid" else { return nil }
        let last = cronJob.status?.lastScheduleTime
        guard let from = last ?? cronJob.metadata.creationTimestamp, let due = schedule.next(after: from, in: zone),
            let late = context.age(since: due)
        else { return nil }
        // The last run fell on a UTC time of the schedule: the controller's zone behaves as UTC.
        let utcShown = last.map { last in schedule.next(after: last.adding(seconds: -1), in: zone) == last } ?? false
        guard late >= (zoneKnown || utcShown ? Self.lateSeconds : Self.unknownZoneSeconds) else { return nil }
        guard !events.contains(where: { $0.reason == "MissSchedule" && ($0.lastSeen ?? due) >= due }) else { return nil }
        let cause = events.last.map { event in
            event.reason == "FailedCreate"
                ? "the controller cannot create its Job: \(PodCreationFailure(message: event.message, namespace: ref.namespace).cause)"
                : "the controller reports \(event.reason): \(Wording.clause(Wording.clip(event.message, 160)))"
        } ?? "no event says why, so the cronjob controller (kube-controller-manager) is probably not running it"
        let history = last.map { "its last run started at \($0)" } ?? "it has never run since it was created at \(cronJob.metadata.creationTimestamp?.description ?? "?")"
        let zoneText = zoneKnown ? " in \(schedule.zone ?? cronJob.spec.timeZone ?? "")" : ""
        return Finding(
            code: "cronjob-missed-schedule", severity: .warning, analyzer: descriptor.id, resource: ref,
            symptom: "run due \(DurationText.format(seconds: late)) ago has not started",
            rootCause: "CronJob \(ref.name) (\"\(cronJob.spec.schedule)\"\(zoneText)): \(history), and the next run, due at \(due), has not started \(DurationText.format(seconds: late)) later; \(cause).",
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
