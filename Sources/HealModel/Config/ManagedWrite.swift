/// One entry of `metadata.managedFields`: who last wrote a set of fields, how, and when. A
/// timeline dates a ConfigMap's or Secret's last change from them (nothing else records it).
package struct ManagedWrite: Decodable, Sendable, Equatable {
    package var manager: String?
    package var operation: String?
    package var subresource: String?
    package var time: Timestamp?

    package init(manager: String?, operation: String?, subresource: String? = nil, time: Timestamp?) {
        self.manager = manager
        self.operation = operation
        self.subresource = subresource
        self.time = time
    }
}

/// `metadata.managedFields`, read beside `ObjectMeta` (which leaves it out).
struct ManagedWrites: Decodable {
    @DefaultEmpty var managedFields: [ManagedWrite]
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
