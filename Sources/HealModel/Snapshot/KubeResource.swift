/// A kind diagnose reads: its narrow model, how the API addresses it and how it is listed. The
/// snapshot, collection, `--snapshot` loading, label filtering, the watcher and the anonymizer
/// handle every conforming type the same way once it is listed in `KindRegistry`.
package protocol KubeResource: Decodable, Sendable {
    static var resource: ResourceKind { get }
    /// The field selectors one collection lists the kind with, one list each; `[nil]` lists it
    /// whole.
    static var listFieldSelectors: [String?] { get }
    /// Which of `listFieldSelectors` lists this object.
    var listFieldSelector: String? { get }
    var metadata: ObjectMeta { get }
    /// Shares what this object has in common with others already in a snapshot (pods share the
    /// container specs of their template).
    mutating func intern(in interner: inout ContainerSpecInterner)
    /// Bounds what one collection keeps of this kind, as pages arrive (Events are capped).
    static func reduce(_ objects: inout [Self])
    /// Bounds what a watch keeps of this kind (keyed namespace/name), after each change.
    static func trimLive(_ objects: inout [String: Self])
}

extension KubeResource {
    package static var listFieldSelectors: [String?] { [nil] }
    package var listFieldSelector: String? { nil }
    package mutating func intern(in interner: inout ContainerSpecInterner) {}
    package static func reduce(_ objects: inout [Self]) {}
    package static func trimLive(_ objects: inout [String: Self]) {}
}
