/// One entry of `metadata.managedFields`: who last wrote a set of fields, how, and when. A
/// timeline dates a ConfigMap's or Secret's last change from them (nothing else records it).
package struct ManagedWrite: Decodable, Sendable, Equatable {
    package var manager: String?
    package var operation: String?
    package var time: Timestamp?

    package init(manager: String?, operation: String?, time: Timestamp?) {
        self.manager = manager
        self.operation = operation
        self.time = time
    }
}

/// `metadata.managedFields`, read beside `ObjectMeta` (which leaves it out).
struct ManagedWrites: Decodable {
    @DefaultEmpty var managedFields: [ManagedWrite]

    private enum ObjectKeys: String, CodingKey { case metadata }

    /// An object's `metadata` both ways: as `ObjectMeta` and as its writes.
    static func decode(from decoder: any Decoder) throws -> (ObjectMeta, [ManagedWrite]) {
        let container = try decoder.container(keyedBy: ObjectKeys.self)
        return (try container.decode(ObjectMeta.self, forKey: .metadata), try container.decode(ManagedWrites.self, forKey: .metadata).managedFields)
    }
}

extension ManagedWrite {
    /// The newest write, when it came after the object's creation: its last change.
    package static func lastChange(_ writes: [ManagedWrite], created: Timestamp?) -> ManagedWrite? {
        guard let newest = writes.filter({ $0.time != nil }).max(by: { ($0.time ?? .init(secondsSince1970: 0)) < ($1.time ?? .init(secondsSince1970: 0)) }),
              let time = newest.time
        else { return nil }
        return created.map { time.seconds(since: $0) >= 1 ? newest : nil } ?? newest
    }
}
