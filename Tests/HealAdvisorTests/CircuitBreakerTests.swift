import Testing

@testable import HealAdvisor

@Suite("The circuit breaker probes first, bounds concurrency and refuses calls while open", .timeLimit(.minutes(1)))
struct CircuitBreakerTests {
    let clock = TestClock()

    func breaker(concurrency: Int = 3) -> CircuitBreaker {
        CircuitBreaker(concurrency: concurrency, reopenAfter: .seconds(300), now: clock.reading)
    }

    /// Starts `count` acquisitions and waits until they are all in line.
    func queue(_ count: Int, on breaker: CircuitBreaker) async -> [Task<CircuitBreaker.Permit, any Error>] {
        let before = breaker.waiting
        let tasks = (0..<count).map { _ in Task { try await breaker.acquire() } }
        #expect(await eventually { breaker.waiting == before + count })
        return tasks
    }

    @Test("until a success only the probe is in flight; then up to `concurrency`")
    func probeThenConcurrency() async throws {
        let breaker = breaker(concurrency: 3)
        let probe = try await breaker.acquire()
        let waiting = await queue(4, on: breaker)
        #expect(breaker.inFlight == 1)

        breaker.succeeded(probe)

        #expect(breaker.phase == .proven)
        #expect(breaker.inFlight == 3)
        #expect(breaker.waiting == 1)
        var admitted = 0
        for task in waiting.prefix(3) {
            breaker.succeeded(try await task.value)
            admitted += 1
        }
        #expect(admitted == 3)
        for task in waiting.dropFirst(3) { breaker.succeeded(try await task.value) }
        #expect(breaker.inFlight == 0)
        #expect(breaker.waiting == 0)
    }

    @Test("a failure opens the circuit: the line and every later call are refused with its cause")
    func failureOpens() async throws {
        let breaker = breaker()
        let probe = try await breaker.acquire()
        let waiting = await queue(3, on: breaker)

        breaker.failed(probe, cause: "cannot reach http://127.0.0.1:9/v1/chat/completions")

        for task in waiting {
            await #expect(throws: AdvisorError.circuitOpen(cause: "cannot reach http://127.0.0.1:9/v1/chat/completions")) {
                try await task.value
            }
        }
        await #expect(throws: AdvisorError.circuitOpen(cause: "cannot reach http://127.0.0.1:9/v1/chat/completions")) {
            try await breaker.acquire()
        }
        #expect(breaker.inFlight == 0)
    }

    @Test("an open circuit lets one probe through after reopenAfter, and a success closes it")
    func reopens() async throws {
        let breaker = breaker()
        breaker.failed(try await breaker.acquire(), cause: "timed out")

        clock.advance(by: .seconds(299))
        await #expect(throws: AdvisorError.circuitOpen(cause: "timed out")) { try await breaker.acquire() }

        clock.advance(by: .seconds(1))
        let probe = try await breaker.acquire()
        #expect(breaker.phase == .probing)
        let waiting = await queue(1, on: breaker)
        breaker.succeeded(probe)
        breaker.succeeded(try await waiting[0].value)
        #expect(breaker.phase == .proven)
    }

    @Test("a neutral outcome hands the probe to the next caller in line")
    func neutralPassesProbe() async throws {
        let breaker = breaker()
        let probe = try await breaker.acquire()
        let waiting = await queue(2, on: breaker)

        breaker.released(probe)

        #expect(breaker.phase == .probing)
        #expect(breaker.inFlight == 1)
        #expect(breaker.waiting == 1)
        breaker.succeeded(try await waiting[0].value)
        breaker.succeeded(try await waiting[1].value)
        #expect(breaker.inFlight == 0)
    }

    @Test("a cancelled caller leaves the line without opening the circuit")
    func cancelledWaiter() async throws {
        let breaker = breaker()
        let probe = try await breaker.acquire()
        let waiting = await queue(2, on: breaker)

        waiting[0].cancel()

        await #expect(throws: AdvisorError.cancelled) { try await waiting[0].value }
        #expect(breaker.waiting == 1)
        #expect(breaker.phase == .probing)
        breaker.succeeded(probe)
        breaker.succeeded(try await waiting[1].value)
        #expect(breaker.inFlight == 0)
    }

    @Test("a request started before the circuit opened can neither close it nor open it again")
    func staleOutcomes() async throws {
        let breaker = breaker(concurrency: 3)
        breaker.succeeded(try await breaker.acquire())
        let (first, second, third) = (try await breaker.acquire(), try await breaker.acquire(), try await breaker.acquire())
        breaker.failed(first, cause: "HTTP 401")
        breaker.succeeded(second)
        #expect(breaker.phase == .open(cause: "HTTP 401"))

        clock.advance(by: .seconds(300))
        let probe = try await breaker.acquire()
        breaker.failed(third, cause: "a late failure")
        #expect(breaker.phase == .probing)
        breaker.succeeded(probe)
        #expect(breaker.phase == .proven)
        #expect(breaker.inFlight == 0)
    }
}
