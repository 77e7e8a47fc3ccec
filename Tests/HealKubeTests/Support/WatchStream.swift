import Foundation
import HealKube
import HealModel
import HealTestSupport
import Testing

/// Reading watch streams in tests: the captured rollout, events as short strings, and a time
/// limit so a broken watch fails the test instead of hanging it.
enum WatchStream {
    struct TimedOut: Error {}

    /// `watch/agentic-demo-pods-rollout.ndjson`, one element per line, newline kept.
    static func capturedLines() throws -> [String] {
        try Fixtures.text("k8s-v1.36/watch/agentic-demo-pods-rollout.ndjson")
            .split(separator: "\n").map { $0 + "\n" }
    }

    /// "ADDED name rv", "BOOKMARK rv", "RELISTED count rv".
    static func summary(_ event: WatchEvent<Pod>) -> String {
        switch event {
        case .added(let pod): "ADDED \(pod.metadata.name) \(pod.metadata.resourceVersion ?? "-")"
        case .modified(let pod): "MODIFIED \(pod.metadata.name) \(pod.metadata.resourceVersion ?? "-")"
        case .deleted(let pod): "DELETED \(pod.metadata.name) \(pod.metadata.resourceVersion ?? "-")"
        case .bookmark(let version): "BOOKMARK \(version)"
        case .relisted(let pods, let version): "RELISTED \(pods.count) \(version)"
        }
    }

    /// The first `count` events, summarised; fails after `limit` (a guard against a hung watch,
    /// generous because a loaded 2-core runner can take tens of seconds to schedule a test).
    static func first(
        _ count: Int, of stream: AsyncThrowingStream<WatchEvent<Pod>, any Error>, limit: Duration = .seconds(60)
    ) async throws -> [String] {
        try await within(limit) {
            var events: [String] = []
            for try await event in stream {
                events.append(summary(event))
                if events.count == count { break }
            }
            return events
        }
    }

    /// `body`'s result, or `TimedOut` (and a recorded issue) after `limit`.
    static func within<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                Issue.record("no result within \(limit)")
                throw TimedOut()
            }
            return value
        }
    }
}
