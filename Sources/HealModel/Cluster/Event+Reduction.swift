/// How one collection keeps the Events of a mass failure bounded: twenty thousand pods Pending
/// for one reason bring twenty thousand Warnings that say the same thing. The collector reduces
/// them as pages arrive, so that no more than `collectionCap` (plus a batch) are ever held.
extension Event {
    /// The most Events one collection keeps. Below it nothing is folded or dropped, so a
    /// diagnosis reads every Event the server sent (the 20,000-pod benchmark brings 11,230).
    package static let collectionCap = 15_000
    /// Pods of one template whose Events of one reason say the same thing keep this many, the
    /// first by name: as many as a finding shows as its sample (its evidence comes from them).
    package static let repeatsPerTemplate = 3

    /// Brings `events` within `collectionCap`, in three steps that each stop once it is reached:
    /// repeats of one object, reason and message fold into the newest (counts summed, first
    /// sighting kept); then, most repeated message first, a message of one reason about many pods
    /// of one template keeps the first `repeatsPerTemplate` pods by name (findings about such
    /// pods may then count fewer of them); then the oldest go. The order of what is kept is the
    /// order they came in.
    package static func reduce(_ events: inout [Event]) {
        guard events.count > collectionCap else { return }
        foldRepeats(&events)
        guard events.count > collectionCap else { return }
        thinMostRepeatedMessages(&events)
        guard events.count > collectionCap else { return }
        let newest = events.indices.sorted { events[$0].seen > events[$1].seen }.prefix(collectionCap)
        events = Set(newest).sorted().map { events[$0] }
    }

    var seen: Timestamp {
        lastSeen ?? firstSeen ?? metadata.creationTimestamp ?? Timestamp(secondsSince1970: 0)
    }

    /// The object (with the container's field path), reason and message.
    private struct RepeatKey: Hashable {
        var regarding: ObjectReference, reason: String, message: String
    }

    private static func foldRepeats(_ events: inout [Event]) {
        var kept: [Event] = []
        var position: [RepeatKey: Int] = [:]
        for event in events {
            let key = RepeatKey(regarding: event.regarding, reason: event.reason, message: event.message)
            guard let index = position[key] else {
                position[key] = kept.count
                kept.append(event)
                continue
            }
            var folded = event.seen > kept[index].seen ? event : kept[index]
            folded.count = kept[index].count + event.count
            folded.firstSeen = [kept[index].firstSeen, event.firstSeen].compactMap { $0 }.min()
            kept[index] = folded
        }
        events = kept
    }

    private struct TemplateKey: Hashable {
        var kind: String?, namespace: String?, template: String
    }

    private struct MessageKey: Hashable {
        var reason: String, message: String
    }

    private static func thinMostRepeatedMessages(_ events: inout [Event]) {
        var positionsByMessage: [MessageKey: [Int]] = [:]
        for (position, event) in events.enumerated() where templateKey(event) != nil {
            positionsByMessage[MessageKey(reason: event.reason, message: event.message), default: []].append(position)
        }
        var dropped = Set<Int>()
        let mostRepeatedFirst = positionsByMessage.sorted { ($0.value.count, $0.value[0]) > ($1.value.count, $1.value[0]) }
        for (_, positions) in mostRepeatedFirst where events.count - dropped.count > collectionCap {
            var namesByTemplate: [TemplateKey: [String]] = [:]
            for position in positions {
                guard let key = templateKey(events[position]), let name = events[position].regarding.name else { continue }
                namesByTemplate[key, default: []].append(name)
            }
            let firstNames = namesByTemplate.mapValues { Set(Set($0).sorted().prefix(repeatsPerTemplate)) }
            for position in positions {
                guard let key = templateKey(events[position]), let name = events[position].regarding.name else { continue }
                if firstNames[key]?.contains(name) == false { dropped.insert(position) }
            }
        }
        events = events.indices.filter { !dropped.contains($0) }.map { events[$0] }
    }

    /// Pods only: `web-7d9f8c6b5-x2kqz` and `web-0` belong to templates `web-7d9f8c6b5` and `web`.
    private static func templateKey(_ event: Event) -> TemplateKey? {
        guard event.regarding.kind == "Pod", let name = event.regarding.name, let dash = name.lastIndex(of: "-") else { return nil }
        return TemplateKey(kind: event.regarding.kind, namespace: event.regarding.namespace, template: String(name[..<dash]))
    }
}
