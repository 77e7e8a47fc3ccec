import HealKube
import HealModel
import Logging

/// What a watcher's loop waits on: a signal each time one of its informers stores a change, and
/// a tick (debounce and time-based rules need the clock to move without changes). An informer
/// that ends — stopped, or an essential one refused for good — ends the feed; a refused
/// non-essential one is said on stderr and its kind stays as it was.
package struct ChangeFeed: Sendable {
    package enum Change: Sendable {
        /// An informer stored a change.
        case changed
        case tick
    }

    /// One informer the loop follows, subscribed to when made: no change after that is missed.
    package struct Source: Sendable {
        let scope: InformerScope
        /// A refusal ends the feed (and so the watcher) rather than freezing this kind.
        let essential: Bool
        let follow: @Sendable (_ changed: @escaping @Sendable () -> Void) async throws -> Void

        package init<Object: KubeResource>(subscribingTo informer: Informer<Object>, essential: Bool = true) {
            scope = informer.scope
            self.essential = essential
            let changes = informer.changes(newestOnly: true)
            follow = { changed in
                for try await _ in changes { changed() }
            }
        }
    }

    package let stream: AsyncThrowingStream<Change, any Error>
    private let tasks: [Task<Void, Never>]

    package init(_ sources: [Source], tick: Duration, logger: Logger) {
        let (stream, continuation) = AsyncThrowingStream<Change, any Error>.makeStream()
        let follows = sources.map { source in
            Task {
                do {
                    try await source.follow { continuation.yield(.changed) }
                    continuation.finish()
                } catch where source.essential {
                    continuation.finish(throwing: error)
                } catch {
                    // Cancelled: the watcher is stopping.
                    if !Task.isCancelled, !(error is CancellationError) {
                        logger.warning("the watch of \(source.scope.kind.groupResource) was refused (\(error)); it stays as it was at start")
                    }
                }
            }
        }
        let ticks = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                continuation.yield(.tick)
            }
            continuation.finish()
        }
        self.stream = stream
        tasks = follows + [ticks]
        let tasks = tasks
        continuation.onTermination = { _ in
            for task in tasks { task.cancel() }
        }
    }

    package func cancel() {
        for task in tasks { task.cancel() }
    }
}

/// When a watcher's loop reads the cluster again: once changes have settled for `settle` (a
/// rollout's burst of events makes one read, not fifty), or, while they never settle (a large
/// cluster's heartbeats), at least every `longest`.
package struct ChangeDebounce: Sendable {
    let settle: Duration
    let longest: Duration?
    private var dirty = true
    private var lastChange = ContinuousClock.now
    /// The oldest change not read yet.
    private var firstUnread = ContinuousClock.now

    package init(settle: Duration, longest: Duration? = nil) {
        self.settle = settle
        self.longest = longest
    }

    /// The oldest change a watch delivered that was not read yet; nil when a read is only
    /// requested (the start, a takeover).
    package private(set) var oldestUnreadChange: ContinuousClock.Instant?

    /// Something changed.
    package mutating func changed(now: ContinuousClock.Instant = .now) {
        markDirty(at: now)
        if oldestUnreadChange == nil { oldestUnreadChange = now }
    }

    /// Something must be read again at the next tick, with nothing to wait for (a replica
    /// that took over, a store read afresh).
    package mutating func requestRead(now: ContinuousClock.Instant = .now) {
        markDirty(at: now - settle)
    }

    private mutating func markDirty(at now: ContinuousClock.Instant) {
        if !dirty { firstUnread = now }
        dirty = true
        lastChange = now
    }

    /// Whether to read now; if so, the changes are taken as read (`oldestUnreadChange`, read
    /// before, says since when they waited).
    package mutating func due(now: ContinuousClock.Instant = .now) -> Bool {
        guard dirty, lastChange.duration(to: now) >= settle || longest.map({ firstUnread.duration(to: now) >= $0 }) == true || Task.isCancelled else {
            return false
        }
        dirty = false
        oldestUnreadChange = nil
        return true
    }
}
