import Foundation
import HealActions
import HealAnalysis
import HealModel
import Logging

/// `diagnose --watch --anomalies`: the usage history read again every interval beside the
/// watch, for the workloads the watcher last saw. History moves slowly and costs a few queries
/// per namespace, so it is not read at every change. A failed read keeps the last findings, is
/// said on stderr and is tried again sooner (30 s, doubling up to the interval); the read that
/// works again says so too. Never ends but by cancellation.
struct AnomalyRefresh {
    /// One read: Prometheus located (again: its Service may have moved) and its history judged.
    let read: @Sendable (_ workloads: [WorkloadResources], _ end: Timestamp) async throws -> AnomalyDetection.Outcome
    let history: HistoryFindings
    let interval: Duration
    /// The watch started without history (its first read failed): try again soon.
    let startedWithout: Bool
    let logger: Logger
    let now: @Sendable () -> Date
    /// An error as the command line words it (message and hint).
    let describe: @Sendable (any Error) -> String

    static let firstRetry = Duration.seconds(30)

    func run() async {
        var failing = startedWithout
        var delay = failing ? min(interval, Self.firstRetry) : interval
        while true {
            do { try await Task.sleep(for: delay) } catch { return }
            do {
                let found = try await read(WorkloadResources.all(in: history.snapshot), Timestamp(now()))
                history.update(found.anomalies.map(\.finding))
                if failing { logger.warning("anomalies: usage history read again from \(found.source)") }
                failing = false
                delay = interval
            } catch {
                if Task.isCancelled { return }
                delay = failing ? min(interval, delay * 2) : min(interval, Self.firstRetry)
                failing = true
                logger.warning("anomalies: usage history could not be read (\(describe(error))); the last findings stay, next try in \(DurationText.format(seconds: delay.seconds))")
            }
        }
    }
}
