/// How the fake's components (kubelet, controllers) record Events: once per identity (the
/// object's uid, the reason and the message), as the event recorder aggregates them — a repeat
/// changes the stored Event's count and lastTimestamp instead of adding a second one.
extension ClusterState {
    /// `repeated` gives the count for an Event already recorded (nil: leave it as it is);
    /// `body` makes the first one, under `name` (the object's name and a stable hash) at `now`.
    mutating func recordEvent(
        identity: String, about object: JSONValue, repeated: (_ stored: Int) -> Int?, body: (_ name: String, _ now: JSONValue) -> JSONValue
    ) {
        guard let namespace = object.namespace else { return }
        let now = JSONValue.string(timestampNow)
        if let key = reportedEvents[identity] {
            guard let stored = store[key], let count = repeated(stored["count"]?.intValue ?? 0) else { return }
            write(stored.setting("count", to: .int(count)).setting("lastTimestamp", to: now), at: key)
            return
        }
        let name = "\(object.name).\(StableHash.hex(identity, count: 16))"
        let key = ObjectKey(type: .events, namespace: namespace, name: name)
        reportedEvents[identity] = key
        write(body(name, now), at: key)
    }
}
