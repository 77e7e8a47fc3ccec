import HealModel

/// What happened to a workload (or a namespace) in a window, in time order, with the first
/// failure marked and the changes just before it ranked as its probable triggers.
package struct Timeline: Sendable, Encodable {
    /// A change ranked as a probable cause of the first failure.
    package struct Trigger: Sendable, Encodable, Equatable {
        /// Position of the change in `entries`.
        package var entry: Int
        package var rank: Int
        /// How long before the first failure the change happened.
        package var secondsBefore: Double
        /// Why it ranks: "revision 3 changed … at 10:02; the first crash followed 40 s later".
        package var reason: String
    }

    /// Which span of time a source of entries covers: Events expire, pod status keeps only the
    /// last termination.
    package struct Coverage: Sendable, Encodable, Equatable {
        package var source: String
        package var from: Timestamp?
        package var note: String

        package init(source: String, from: Timestamp?, note: String) {
            self.source = source
            self.from = from
            self.note = note
        }
    }

    /// nil: the whole namespace.
    package var target: ResourceRef?
    package var namespace: String?
    package var since: Timestamp
    package var until: Timestamp
    package var entries: [TimelineEntry]
    /// Position of the first failure in `entries`.
    package var firstFailure: Int?
    package var triggers: [Trigger]
    /// One sentence: the probable trigger, or that no change precedes the first failure.
    package var verdict: String
    package var coverage: [Coverage]
    /// A run over several clusters: each context's own verdict, or the error that kept it out.
    package var clusters: [ClusterVerdict]?
    /// A run over several clusters: the clusters that could not be read.
    package var errors: [UnreadableResource]?
}
