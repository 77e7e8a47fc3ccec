import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import Logging
import Synchronization

/// One line of `timeline --watch`: an entry seen for the first time, an entry that grew (an
/// Event or a crash loop counted again), a new verdict on the first failure, the target deleted
/// or back, or the API server lost and found again (once per outage, for scripts; stderr says it
/// too).
package struct TimelineWatchLine: Sendable, Encodable {
    package enum Kind: String, Sendable, Encodable {
        case entry
        case update
        case verdict
        case disconnected
        case reconnected
        /// The target was deleted, or exists again.
        case target
    }

    package var type: Kind
    package var time: Timestamp
    package var entry: TimelineEntry?
    /// The verdict, or what happened to the connection.
    package var sentence: String?
}

/// `timeline --watch`: after the timeline is printed, follows the namespace through informers
/// and prints each entry as it appears (a rollout, a crash, an Event, a Service losing its ready
/// endpoints, an HPA rescaling) and, when the first failure or its probable trigger changes,
/// the new verdict. The window slides with the clock; what was seen stays until it leaves the
/// window. Runs until stopped; an API server outage is waited out and said on stderr.
struct TimelineWatch {
    /// How long changes are gathered before the timeline is read again: a rollout's burst of
    /// events makes one read, not fifty.
    static let debounce: Duration = .milliseconds(250)
    /// Changes never stop in a busy cluster (nodes' heartbeats): while they come, the timeline
    /// is still read at least this often.
    static let longestWait: Duration = .seconds(2)
    /// How often the heal store is read again (another process's `--watch --fix` writes it),
    /// apart from the loop so a slow read never holds up the stream.
    static let storeInterval: Duration = .seconds(10)

    let view: TimelineLiveView
    let target: ResourceTarget?
    let targetRef: ResourceRef?
    let namespace: String
    /// How far back the timeline reaches, from each moment.
    let window: Double
    let actions: TimelineHealActions
    let logger: Logger
    let now: @Sendable () -> Date

    /// What has been printed: each entry as last printed (by identity), and the verdict's first
    /// failure and triggers.
    private struct Shown {
        var entries: [String: TimelineEntry] = [:]
        var verdict: [String]
        var targetPresent = true

        init(_ timeline: Timeline) {
            verdict = Self.verdict(of: timeline)
            for entry in timeline.entries { entries[entry.identity] = entry }
        }

        /// The first failure's identity, then the triggers', in rank order.
        static func verdict(of timeline: Timeline) -> [String] {
            guard let first = timeline.firstFailure else { return [] }
            return [timeline.entries[first].identity] + timeline.triggers.map { timeline.entries[$0.entry].identity }
        }
    }

    func run(after shown: Timeline, recorded: TimelineBuilder.Recorded, emit: @escaping @Sendable (TimelineWatchLine) -> Void) async throws {
        let feed = ChangeFeed(view.sources, tick: Self.debounce, logger: logger)
        defer { feed.cancel() }
        let store = Mutex((recorded: recorded, fresh: false))
        let reading = Task { [actions, window, now] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.storeInterval)
                let read = await actions.read(since: now().addingTimeInterval(-window))
                store.withLock { $0 = (read, true) }
            }
        }
        defer { reading.cancel() }
        var state = Shown(shown)
        var sample: TimelineSample?
        var observed: [TimelineEntry] = []
        var debounce = ChangeDebounce(settle: Self.debounce, longest: Self.longestWait)
        do {
            for try await change in feed.stream {
                switch change {
                case .changed:
                    debounce.changed()
                case .tick:
                    if store.withLock({ state in defer { state.fresh = false }; return state.fresh }) { debounce.requestRead() }
                    guard debounce.due() else { continue }
                    let time = Timestamp(now())
                    let snapshot = view.snapshot
                    let moment = TimelineBuilder.Moment(snapshot, target: targetRef, namespace: namespace, now: time)
                    let current = moment.sample
                    let since = time.adding(seconds: -window)
                    observed = (observed + current.entries(since: sample, at: time)).filter { $0.time >= since }
                    sample = current
                    var recorded = store.withLock { $0.recorded }
                    recorded.entries += observed
                    let built = moment.timeline(since: since, recorded: recorded)
                    // What was seen stays seen while it is in the window: a deleted pod's crash still came first.
                    state.entries = state.entries.filter { ($0.value.until ?? $0.value.time) >= since }
                    let present = Set(built.entries.map(\.identity))
                    let timeline = TimelineBuilder.adding(state.entries.filter { !present.contains($0.key) }.map(\.value), to: built)
                    report(timeline, snapshot: snapshot, state: &state, at: time, emit: emit)
                }
            }
        } catch where Task.isCancelled {
            // Stopping cancels the watches; one that reports its own cancellation is the stop.
        }
    }

    private func report(_ timeline: Timeline, snapshot: ClusterSnapshot, state: inout Shown, at time: Timestamp, emit: (TimelineWatchLine) -> Void) {
        if let target, let targetRef {
            let present = snapshot.contains(target.kind, named: target.name)
            if present != state.targetPresent {
                state.targetPresent = present
                emit(TimelineWatchLine(
                    type: .target, time: time,
                    sentence: present ? "\(targetRef.typeAndName) exists again; it is followed." : "\(targetRef.typeAndName) was deleted; the watch goes on and follows one created with its name."))
            }
        }
        for entry in timeline.entries {
            let shown = state.entries[entry.identity]
            guard shown.map(Self.version) != Self.version(entry) else { continue }
            emit(TimelineWatchLine(type: shown == nil ? .entry : .update, time: time, entry: entry))
            state.entries[entry.identity] = entry
        }
        let verdict = Shown.verdict(of: timeline)
        if !verdict.isEmpty, verdict != state.verdict {
            emit(TimelineWatchLine(type: .verdict, time: time, sentence: timeline.verdict))
        }
        state.verdict = verdict
    }

    /// What changes as an entry grows: the count and the last time.
    static func version(_ entry: TimelineEntry) -> String {
        "\(entry.count ?? 1)|\(entry.until.map(\.description) ?? "")"
    }
}
