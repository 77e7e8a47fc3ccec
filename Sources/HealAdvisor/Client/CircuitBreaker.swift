import Synchronization

/// Keeps a dead or misconfigured endpoint from costing one timeout per finding. Until the
/// endpoint has answered once, a single request is in flight (a probe) and the other callers
/// wait in line; after that, up to `concurrency` run at once. A failure that will repeat for
/// every call (unreachable, timeout, 401/403/404, exhausted retries) opens the circuit: the
/// callers in line and every later one are refused at once with `.circuitOpen`. After
/// `reopenAfter` one probe is let through again.
///
/// Each permit belongs to a generation (bumped when the circuit opens or a probe is let
/// through), so that a request started before the circuit opened cannot close or reopen it.
package final class CircuitBreaker: Sendable {
    /// The right to send one request. Hand it back with exactly one of `succeeded`, `failed`
    /// or `released`.
    package struct Permit: Sendable {
        fileprivate let generation: Int
    }

    package enum Phase: Sendable, Equatable {
        /// No answer yet (or none since the circuit reopened): one request at a time.
        case probing
        /// The endpoint answered: up to `concurrency` requests at once.
        case proven
        case open(cause: String)
    }

    private typealias Admission = Result<Permit, AdvisorError>

    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Admission, Never>
    }

    private struct State {
        var phase = Phase.probing
        var openedAt: ContinuousClock.Instant?
        var generation = 0
        var inFlight = 0
        var waiters: [Waiter] = []
        var lastWaiterID = 0
    }

    private let state = Mutex(State())
    private let concurrency: Int
    private let reopenAfter: Duration
    private let now: @Sendable () -> ContinuousClock.Instant

    package init(concurrency: Int, reopenAfter: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.concurrency = max(1, concurrency)
        self.reopenAfter = reopenAfter
        self.now = now
    }

    package var phase: Phase { state.withLock { $0.phase } }
    /// Requests holding a permit.
    package var inFlight: Int { state.withLock { $0.inFlight } }
    /// Callers in line for a permit.
    package var waiting: Int { state.withLock { $0.waiters.count } }

    /// Waits for a turn. Throws `.circuitOpen` when the circuit is (or, while waiting, becomes)
    /// open, and `.cancelled` when the task is cancelled while in line (it leaves the line).
    package func acquire() async throws(AdvisorError) -> Permit {
        let instant = now()
        let id = state.withLock { state in
            state.lastWaiterID += 1
            return state.lastWaiterID
        }
        let admission = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Admission, Never>) in
                let immediate: Admission? = state.withLock { state in
                    // Checked under the lock: a cancellation handler that ran before this point
                    // found nothing to remove, so the flag must be honoured here.
                    if Task.isCancelled { return .failure(.cancelled) }
                    switch state.phase {
                    case .open(let cause):
                        guard let openedAt = state.openedAt, openedAt.duration(to: instant) >= reopenAfter else {
                            return .failure(.circuitOpen(cause: cause))
                        }
                        state.phase = .probing
                        state.openedAt = nil
                        state.generation += 1
                        state.inFlight += 1
                        return .success(Permit(generation: state.generation))
                    case .probing, .proven:
                        if state.waiters.isEmpty, state.inFlight < limit(state.phase) {
                            state.inFlight += 1
                            return .success(Permit(generation: state.generation))
                        }
                        state.waiters.append(Waiter(id: id, continuation: continuation))
                        return nil
                    }
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: .failure(.cancelled))
        }
        return try admission.get()
    }

    /// The endpoint answered: the circuit is proven and lets `concurrency` requests through.
    package func succeeded(_ permit: Permit) {
        let admitted = state.withLock { state in
            state.inFlight -= 1
            if permit.generation == state.generation, state.phase == .probing { state.phase = .proven }
            return admitNext(&state)
        }
        resume(admitted)
    }

    /// A failure every other call would meet too: opens the circuit and refuses the line. A
    /// failure from before the current generation only frees its slot (the circuit already
    /// opened, or a newer probe decides).
    package func failed(_ permit: Permit, cause: String) {
        let instant = now()
        let (refused, admitted) = state.withLock { state -> ([Waiter], [(Waiter, Permit)]) in
            state.inFlight -= 1
            // A stale failure frees a slot a newer probe's line may be waiting for.
            guard permit.generation == state.generation else { return ([], admitNext(&state)) }
            state.phase = .open(cause: cause)
            state.openedAt = instant
            state.generation += 1
            defer { state.waiters = [] }
            return (state.waiters, [])
        }
        for waiter in refused { waiter.continuation.resume(returning: .failure(.circuitOpen(cause: cause))) }
        resume(admitted)
    }

    /// Neither proof nor disproof (a 400, an invalid answer, a cancellation): frees the slot
    /// for the next caller in line, which becomes the probe if none has succeeded yet.
    package func released(_ permit: Permit) {
        let admitted = state.withLock { state in
            state.inFlight -= 1
            return admitNext(&state)
        }
        resume(admitted)
    }

    private func limit(_ phase: Phase) -> Int {
        phase == .proven ? concurrency : 1
    }

    private func admitNext(_ state: inout State) -> [(Waiter, Permit)] {
        if case .open = state.phase { return [] }
        var admitted: [(Waiter, Permit)] = []
        while !state.waiters.isEmpty, state.inFlight < limit(state.phase) {
            state.inFlight += 1
            admitted.append((state.waiters.removeFirst(), Permit(generation: state.generation)))
        }
        return admitted
    }

    private func resume(_ admitted: [(Waiter, Permit)]) {
        for (waiter, permit) in admitted { waiter.continuation.resume(returning: .success(permit)) }
    }
}
