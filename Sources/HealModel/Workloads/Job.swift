package struct Job: Decodable, Sendable {
    package struct Spec: Decodable, Sendable {
        package var backoffLimit: Int?
        package var completions: Int?
        package var parallelism: Int?
        package var activeDeadlineSeconds: Int?
        package var template: PodTemplate?
        /// The Job controller creates no pods while it is true.
        package var suspend: Bool?
    }

    package struct Status: Decodable, Sendable {
        package var active: Int?
        package var succeeded: Int?
        package var failed: Int?
        package var startTime: Timestamp?
        package var completionTime: Timestamp?
        @DefaultEmpty package var conditions: [Condition]
    }

    package var metadata: ObjectMeta
    package var spec: Spec
    package var status: Status?
}

extension ResourceKind {
    package static let jobs = ResourceKind(group: "batch", version: "v1", plural: "jobs", kind: "Job")
}

extension Job: KubeResource {
    package static var resource: ResourceKind { .jobs }}

extension ClusterSnapshot {
    package var jobs: [Job] {
        get { self[Job.self] }
        _modify { yield &self[Job.self] }
    }
}
