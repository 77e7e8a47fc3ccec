import Foundation
import HealTestSupport
import Testing

/// The offline formats kubectl produces, captured from a real cluster: each gives the findings
/// the live cluster gave, as far as its contents allow.
@Suite("--snapshot reads what kubectl writes")
struct SnapshotFormatTests {
    private func codes(_ arguments: [String]) async throws -> [String: String] {
        let run = await CLIRunner.run(arguments + ["-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: findings.map { finding in
            let owner = finding["owner"] as? [String: Any] ?? [:]
            return ("\(owner["name"] ?? "")", "\(finding["code"] ?? "")")
        })
    }

    @Test("a kubectl cluster-info dump tree, logs included")
    func clusterInfoDump() async throws {
        let found = try await codes(["diagnose", "--snapshot", Fixtures.captured.appending(path: "cluster-info-dump").path])
        #expect(found == ["mysql-client": "missing-env-vars", "memory-hungry": "oom-killed", "web-server": "image-tag-not-found", "alpine-app": "image-not-found"])
    }

    @Test("kubectl get's mixed List without logs: the removed variables are inferred from the rollout")
    func mixedListWithoutLogs() async throws {
        let found = try await codes(["diagnose", "--snapshot", Fixtures.captured.appending(path: "kubectl-get-agentic-demo.json").path])
        #expect(found == ["mysql-client": "missing-env-vars", "memory-hungry": "oom-killed", "web-server": "image-tag-not-found", "alpine-app": "image-not-found"])
    }

    @Test("-n restricts a snapshot to one namespace")
    func namespace() async throws {
        let found = try await codes(["diagnose", "--snapshot", Fixtures.captured.appending(path: "cluster-info-dump").path, "-n", "shop"])
        #expect(found.isEmpty)
    }
}
