import Foundation
import HealModel
import Testing

/// One collection keeps at most `Event.collectionCap` Events, and what it drops is what a report
/// would not show anyway.
@Suite("Event reduction in a mass failure")
struct EventReductionTests {
    private func event(pod: String, reason: String = "FailedScheduling", message: String = "0/100 nodes are available: 100 Insufficient cpu.", count: Int = 1, at seconds: Int) throws -> Event {
        let time = Timestamp(secondsSince1970: Double(1_800_000_000 + seconds)).description
        return try decode(#"""
            {"metadata":{"name":"\#(pod).\#(seconds)","namespace":"shop"},"involvedObject":{"kind":"Pod","namespace":"shop","name":"\#(pod)"},
             "reason":"\#(reason)","message":"\#(message)","type":"Warning","count":\#(count),
             "firstTimestamp":"\#(time)","lastTimestamp":"\#(time)"}
            """#)
    }

    @Test("below the cap nothing changes, not even exact repeats")
    func belowCap() throws {
        var events = [try event(pod: "web-1-a", at: 1), try event(pod: "web-1-a", at: 2)]
        Event.reduce(&events)
        #expect(events.count == 2)
    }

    @Test("over the cap, repeats of one pod, reason and message fold into the newest with the counts summed")
    func foldsRepeats() throws {
        var events: [Event] = []
        for index in 0..<(Event.collectionCap + 1) {
            events.append(try event(pod: "web-\(index % 2)", message: "same", count: 2, at: index))
        }
        Event.reduce(&events)
        #expect(events.count == 2)
        let folded = try #require(events.first { $0.regarding.name == "web-0" })
        #expect(folded.count == 2 * (Event.collectionCap / 2 + 1))
        #expect(folded.lastSeen == Timestamp(secondsSince1970: Double(1_800_000_000 + Event.collectionCap)))
        #expect(folded.firstSeen == Timestamp(secondsSince1970: 1_800_000_000))
    }

    @Test("thousands of pods of one template Pending for one reason keep the first three pods by name")
    func thinsIdenticalMessages() throws {
        var events: [Event] = []
        // 3,000 ReplicaSets of 6 pods each, every pod with the same FailedScheduling message.
        for set in 0..<3000 {
            for pod in ["f", "a", "e", "b", "d", "c"] {
                events.append(try event(pod: "app-\(set)-\(pod)", at: set))
            }
        }
        events.append(try event(pod: "db-0", reason: "BackOff", message: "Back-off restarting failed container", at: 0))
        Event.reduce(&events)
        #expect(events.count == 3000 * 3 + 1)
        #expect(Set(events.filter { $0.regarding.name?.hasPrefix("app-7-") == true }.compactMap(\.regarding.name)) == ["app-7-a", "app-7-b", "app-7-c"])
        #expect(events.contains { $0.regarding.name == "db-0" })
    }

    @Test("distinct events beyond the cap: the newest stay, in the order they came")
    func dropsOldest() throws {
        var events: [Event] = []
        for index in 0..<(Event.collectionCap + 500) {
            events.append(try event(pod: "pod\(index)", message: "message \(index)", at: index))
        }
        Event.reduce(&events)
        #expect(events.count == Event.collectionCap)
        #expect(events.first?.regarding.name == "pod500")
        #expect(events.last?.regarding.name == "pod\(Event.collectionCap + 499)")
    }

    @Test("a watch keeps every Event up to a tenth over its cap, then the newest liveCap by last sighting")
    func liveTrim() throws {
        var events: [String: Event] = [:]
        let limit = Event.liveCap + Event.liveCap / 10
        for index in 0..<limit {
            let event = try event(pod: "web-\(index)", at: index)
            events["shop/\(event.metadata.name)"] = event
        }
        Event.trimLive(&events)
        #expect(events.count == limit)

        let newest = try event(pod: "web-new", at: limit + 100)
        events["shop/\(newest.metadata.name)"] = newest
        Event.trimLive(&events)
        #expect(events.count == Event.liveCap)
        #expect(events["shop/\(newest.metadata.name)"] != nil)
        let oldestKept = events.values.compactMap(\.lastSeen).min()
        #expect(oldestKept == Timestamp(secondsSince1970: Double(1_800_000_000 + limit - Event.liveCap + 1)))
    }
}
