import Foundation
import HealTestSupport

/// The shared test Prometheus (14 days of `scripts/prometheus/usage_data.py demo`) and one of
/// its namespaces' objects as snapshot files, for runs of the CLI at the data's last sample.
struct PrometheusScenario {
    let prometheus: PrometheusFixture
    let snapshot: String
    let namespace: String
    private let folder: TemporaryDirectory

    /// `objects`: the namespace's objects as `kubectl get -o json` prints them.
    init(namespace: String, objects: String) async throws {
        prometheus = try await PrometheusFixture.shared()
        folder = try TemporaryDirectory()
        snapshot = try folder.write("\(namespace).json", objects).path
        self.namespace = namespace
    }

    /// `arguments` on the snapshot, in the namespace, against the Prometheus, at the data's end.
    func run(_ arguments: [String]) async -> CLIRun {
        await CLIRunner.run(
            arguments + ["--snapshot", snapshot, "-n", namespace, "--prometheus-url", prometheus.url],
            now: { Date(timeIntervalSince1970: PrometheusFixture.endSeconds) })
    }
}
