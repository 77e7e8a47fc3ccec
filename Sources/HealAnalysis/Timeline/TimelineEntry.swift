import HealModel

/// One thing that happened to a workload or what it runs on, at a time, in one sentence with the
/// facts it rests on. Repeats (an Event seen 40 times, a container's restarts) are one entry
/// with a count and the last time.
package struct TimelineEntry: Sendable, Encodable, Equatable, ClusterTagged {
    /// In the order entries of one second are listed: a change before what it causes.
    package enum Kind: String, Sendable, Encodable, CaseIterable {
        /// A change kubectl-heal made itself (`--fix`), from its store's audit trail.
        case heal
        /// A new revision of a Deployment's pod template.
        case rollout
        /// Replicas added or removed (a Deployment's ReplicaSets, an HPA), or an HPA held back.
        case scaling
        /// A ConfigMap or Secret the pods read, changed.
        case config
        /// A node the workload's pods run on changing state (NotReady, pressure, cordoned).
        case node
        /// A container that stopped (its last termination).
        case termination
        /// A container restarting again and again.
        case crashLoop = "crash-loop"
        /// A Service's ready and not-ready endpoint counts, when they change (`--watch`).
        case endpoints
        /// An Event, Normal or Warning, folded with its repeats.
        case event
    }

    package var time: Timestamp
    /// The last time, when the entry folds repeats.
    package var until: Timestamp?
    package var count: Int?
    package var kind: Kind
    package var object: ResourceRef
    /// The workload the entry is about (a pod's owner, a ReplicaSet's Deployment); nil for what
    /// several share (a node). A failure is only blamed on changes of its own workload or shared.
    package var workload: ResourceRef?
    /// A few words that name it in another sentence: "BackOff on pod/web-1".
    package var title: String
    package var sentence: String
    package var evidence: [String]
    /// Something went wrong here (a crash, a Warning Event, a failing probe).
    package var isFailure: Bool
    /// Something was changed here (a rollout, a scale, a node's state): a candidate trigger.
    package var isChange: Bool
    /// What stays the same while the entry grows or is re-estimated (an Event's uid, a
    /// container's crash loop), for `--watch` to tell a new entry from one it printed; nil: the
    /// kind, object, title and time are. Not part of the document.
    package var key: String?
    /// The kubeconfig context, in a run over several clusters.
    package var cluster: String?

    private enum CodingKeys: String, CodingKey {
        case time, until, count, kind, object, workload, title, sentence, evidence, isFailure, isChange, cluster
    }

    /// `key`, else the kind, object, title and time.
    package var identity: String {
        key ?? "\(kind.rawValue)|\(object)|\(title)|\(time)"
    }

    package init(
        time: Timestamp, until: Timestamp? = nil, count: Int? = nil, kind: Kind, object: ResourceRef, workload: ResourceRef? = nil, title: String,
        sentence: String, evidence: [String] = [], isFailure: Bool = false, isChange: Bool = false, key: String? = nil
    ) {
        self.time = time
        self.until = until
        self.count = count
        self.kind = kind
        self.object = object
        self.workload = workload
        self.title = title
        self.sentence = sentence
        self.evidence = evidence
        self.isFailure = isFailure
        self.isChange = isChange
        self.key = key
    }
}
