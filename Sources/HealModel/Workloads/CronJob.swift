/// batch/v1: Jobs on a schedule. Its pods are its Jobs' (the Job controller owns them).
package struct CronJob: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        /// Cron syntax: five fields or a descriptor (`@hourly`).
        package var schedule: String
        /// An IANA zone; nil means kube-controller-manager's zone (UTC on nearly every cluster).
        package var timeZone: String?
        package var startingDeadlineSeconds: Int?
        /// Allow (default), Forbid or Replace: Forbid skips a run while the last one is active.
        package var concurrencyPolicy: String?
        package var suspend: Bool?
        package var jobTemplate: JobTemplate?
    }

    package struct JobTemplate: Decodable, Sendable {
        package var spec: Job.Spec?
    }

    package struct Status: Decodable, Sendable {
        /// The Jobs running now.
        @DefaultEmpty package var active: [ObjectReference]
        package var lastScheduleTime: Timestamp?
        package var lastSuccessfulTime: Timestamp?
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?
}

extension ResourceKind {
    package static let cronJobs = ResourceKind(group: "batch", version: "v1", plural: "cronjobs", kind: "CronJob", shortNames: ["cj"])
}

extension CronJob: KubeResource {
    package static var resource: ResourceKind { .cronJobs }
}

extension ClusterSnapshot {
    package var cronJobs: [CronJob] {
        get { self[CronJob.self] }
        _modify { yield &self[CronJob.self] }
    }
}
