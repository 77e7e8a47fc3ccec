import Foundation
import HealActions
import HealAnalysis
import HealKube
import HealModel
import Logging

/// One line of `timeline --watch`: an entry seen for the first time, an entry that grew (an
/// Event or a crash loop counted again), a new verdict on the first failure, or the API server
/// lost and found again (once per outage, for scripts; stderr says it too).
package struct TimelineWatchLine: Sendable, Encodable {
    package enum Kind: String, Sendable, Encodable {
        case entry
        case update
        case verdict
        case disconnected
        case reconnected
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
/// the new verdict. Runs until stopped; an API server outage is waited out and said on stderr.
struct TimelineWatch {
    /// How long changes are gathered before the timeline is read again: a rollout's burst of
    /// events makes one read, not fifty.
    static let debounce: Duration = .milliseconds(250)
    /// How often the heal store is read again (another process's `--watch --fix` writes it).
    static let storeInterval: Double = 10

    let view: TimelineLiveView
    let target: ResourceRef?
    let namespace: String
    let since: Timestamp
    let readActions: @Sendable () async -> TimelineBuilder.Recorded
    let logger: Logger
    let now: @Sendable () -> Date

    /// What has been printed: each entry as last printed, and the verdict.
    private struct Shown {
        var entries: [String: TimelineEntry] = [:]
        var verdict: String

        init(_ timeline: Timeline) {
            verdict = timeline.verdict
            for entry in timeline.entries { entries[TimelineWatch.key(entry)] = entry }
        }
    }

    func run(after shown: Timeline, emit: @escaping @Sendable (TimelineWatchLine) -> Void) async throws {
        let feed = ChangeFeed(view.sources, tick: Self.debounce, logger: logger)
        defer { feed.cancel() }
        var state = Shown(shown)
        var sample: TimelineSample?
        var observed: [TimelineEntry] = []
        var actions = await readActions()
        var actionsRead = now()
        var dirty = true
        var lastChange = ContinuousClock.now
        do {
            for try await change in feed.stream {
                switch change {
                case .changed:
                    dirty = true
                    lastChange = .now
                case .tick:
                    if now().timeIntervalSince(actionsRead) >= Self.storeInterval {
                        actions = await readActions()
                        actionsRead = now()
                        dirty = true
                    }
                    guard dirty, lastChange.duration(to: .now) >= Self.debounce else { continue }
                    dirty = false
                    let time = Timestamp(now())
                    let snapshot = view.snapshot
                    let current = TimelineSample(snapshot, target: target, namespace: namespace, now: time)
                    observed += current.entries(since: sample, at: time)
                    sample = current
                    var recorded = actions
                    recorded.entries += observed
                    let built = TimelineBuilder.build(snapshot, target: target, namespace: namespace, since: since, now: time, recorded: recorded)
                    // What was seen stays seen: a deleted pod's crash still came first.
                    let present = Set(built.entries.map(Self.key))
                    let timeline = TimelineBuilder.adding(state.entries.filter { !present.contains($0.key) }.map(\.value), to: built)
                    report(timeline, state: &state, at: time, emit: emit)
                }
            }
        } catch where Task.isCancelled {
            // Stopping cancels the watches; one that reports its own cancellation is the stop.
        }
    }

    private func report(_ timeline: Timeline, state: inout Shown, at time: Timestamp, emit: (TimelineWatchLine) -> Void) {
        for entry in timeline.entries {
            let key = Self.key(entry)
            let shown = state.entries[key]
            guard shown.map(Self.version) != Self.version(entry) else { continue }
            emit(TimelineWatchLine(type: shown == nil ? .entry : .update, time: time, entry: entry))
            state.entries[key] = entry
        }
        if timeline.firstFailure != nil, timeline.verdict != state.verdict {
            emit(TimelineWatchLine(type: .verdict, time: time, sentence: timeline.verdict))
            state.verdict = timeline.verdict
        }
    }

    /// What stays the same while an entry grows: a crash loop and a container's first crash are
    /// one per container however their dates are re-estimated; anything else is one per start.
    static func key(_ entry: TimelineEntry) -> String {
        let object = "\(entry.kind.rawValue)|\(entry.object)"
        switch entry.kind {
        case .crashLoop: return "\(object)|\(entry.title)"
        case .termination where entry.title.contains(" crashed with "):
            return "\(object)|\(entry.title.components(separatedBy: " crashed with ")[0]) first crash"
        default: return "\(object)|\(entry.title)|\(entry.time)"
        }
    }

    /// What changes as it grows: the count and the last time.
    static func version(_ entry: TimelineEntry) -> String {
        "\(entry.count ?? 1)|\(entry.until.map(\.description) ?? "")"
    }
}
