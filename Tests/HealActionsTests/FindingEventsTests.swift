import HealActions
import HealAnalysis
import HealModel
import Logging
import Synchronization
import Testing

@Suite("FindingEvents: an Event per new problem, at most so many a minute")
struct FindingEventsTests {
    private final class Posted: Sendable {
        let messages = Mutex<[(subject: EventRecorder.Subject, message: String)]>([])
        var count: Int { messages.withLock { $0.count } }
    }

    private func finding(_ name: String) -> Finding {
        Finding(
            code: "oom-killed", severity: .warning, analyzer: "pods", resource: ResourceRef(kind: "Pod", namespace: "shop", name: "\(name)-1"),
            owner: ResourceRef(kind: "Deployment", namespace: "shop", name: name), symptom: "OOMKilled", rootCause: "\(name) ran out of memory.", confidence: 0.9)
    }

    private func waitFor(_ posted: Posted, count: Int) async {
        for _ in 0..<200 where posted.count < count { try? await Task.sleep(for: .milliseconds(5)) }
    }

    @Test("on the workload, in its API group, with the code and root cause; a burst beyond the allowance is dropped, then the bucket refills")
    func rateLimited() async {
        let posted = Posted()
        let events = FindingEvents(perMinute: 3, logger: Logger(label: "test")) { subject, message in
            posted.messages.withLock { $0.append((subject, message)) }
        }
        let start = ContinuousClock.now
        for index in 0..<5 { events.detected(finding("app-\(index)"), now: start) }
        await waitFor(posted, count: 3)
        try? await Task.sleep(for: .milliseconds(50))
        #expect(posted.count == 3, "the allowance of a minute")
        let first = posted.messages.withLock { $0.first { $0.subject.name == "app-0" } }
        #expect(first?.subject.kind == "Deployment" && first?.subject.apiVersion == "apps/v1" && first?.subject.namespace == "shop")
        #expect(first?.message == "kubectl-heal: oom-killed (warning): app-0 ran out of memory.")
        // Twenty seconds later a third of the minute's allowance is back: one more.
        events.detected(finding("app-5"), now: start + .seconds(20))
        events.detected(finding("app-6"), now: start + .seconds(20))
        await waitFor(posted, count: 4)
        try? await Task.sleep(for: .milliseconds(50))
        #expect(posted.count == 4)
    }
}
