import HealActions
import Testing

@Suite("ChangeDebounce: read once changes settle, or at least every `longest` while they never do")
struct ChangeDebounceTests {
    @Test("a burst is read once, after it settled; nothing new, nothing read")
    func settles() {
        let start = ContinuousClock.now
        var debounce = ChangeDebounce(settle: .milliseconds(250))
        let first = debounce.due(now: start + .seconds(1))
        #expect(first, "the first read")
        let idle = debounce.due(now: start + .seconds(2))
        #expect(!idle, "nothing changed")
        for step in 0..<5 { debounce.changed(now: start + .seconds(3) + .milliseconds(100 * step)) }
        let early = debounce.due(now: start + .seconds(3) + .milliseconds(500))
        #expect(!early, "still changing 100 ms ago")
        let settled = debounce.due(now: start + .seconds(3) + .milliseconds(700))
        #expect(settled)
        let after = debounce.due(now: start + .seconds(4))
        #expect(!after)
    }

    @Test("changes that never settle are still read every `longest`, counted from the first unread one")
    func neverSettles() {
        let start = ContinuousClock.now
        var debounce = ChangeDebounce(settle: .milliseconds(250), longest: .seconds(2))
        _ = debounce.due(now: start + .seconds(1))  // the first read
        var now = start + .seconds(10)
        var reads = 0
        for _ in 0..<50 {
            debounce.changed(now: now)
            now += .milliseconds(100)
            if debounce.due(now: now) { reads += 1 }
        }
        #expect(reads == 2, "5 s of changes every 100 ms: read at 2 s and 4 s")
    }

    @Test("the oldest change not read yet is kept until a read takes it; a requested read has none")
    func oldestUnreadChange() {
        let start = ContinuousClock.now
        var debounce = ChangeDebounce(settle: .milliseconds(250))
        #expect(debounce.oldestUnreadChange == nil, "the first read is requested, not a change")
        _ = debounce.due(now: start + .seconds(1))
        debounce.changed(now: start + .seconds(2))
        debounce.changed(now: start + .seconds(2) + .milliseconds(100))
        #expect(debounce.oldestUnreadChange == start + .seconds(2))
        let read = debounce.due(now: start + .seconds(3))
        #expect(read && debounce.oldestUnreadChange == nil)
        debounce.requestRead(now: start + .seconds(4))
        #expect(debounce.oldestUnreadChange == nil)
        let requested = debounce.due(now: start + .seconds(4))
        #expect(requested, "a requested read is due at once")
    }
}
