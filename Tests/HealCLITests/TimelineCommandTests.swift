import Foundation
import HealStore
import HealTestSupport
import Testing

/// `kubectl heal timeline`: against a (fake) API server and from files, with the trigger of a bad
/// rollout ranked first, and never a request for Secrets.
@Suite("timeline command")
struct TimelineCommandTests {
    static let rollout = Fixtures.scenario("agentic-demo-rollout")

    @Test("live: the bad revision, then the first crash, then the back-off, the revision as the trigger; Events read namespace-wide, Secrets as metadata only")
    func live() async throws {
        let cluster = try TestCluster(serving: Self.rollout)
        let run = await cluster.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--since", "30d", "-o", "json"], variables: ["XDG_STATE_HOME": "/nonexistent-state"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["kind"] as? String == "Timeline")
        let entries = try #require(document["entries"] as? [[String: Any]])
        let titles = entries.map { $0["title"] as? String ?? "" }
        let revision = try #require(titles.firstIndex(of: "revision 3 of deployment/mysql-client"))
        let crash = try #require(titles.firstIndex(of: "container mysql-client crashed with exit code 1 (Error)"))
        let backOff = try #require(titles.firstIndex { $0.hasPrefix("BackOff on pod/mysql-client-7c5999d768-76w5w") })
        #expect(revision < crash && crash < backOff)
        #expect(document["firstFailure"] as? Int == crash)
        let triggers = try #require(document["triggers"] as? [[String: Any]])
        #expect(triggers.first?["entry"] as? Int == revision && triggers.first?["rank"] as? Int == 1)

        let paths = cluster.server.requests.map(\.path)
        #expect(paths.contains("/api/v1/namespaces/agentic-demo/events"))
        // Secrets and ConfigMaps: names and managedFields times only.
        for request in cluster.server.requests where request.path.hasSuffix("/secrets") || request.path.hasSuffix("/configmaps") {
            #expect(request.header("Accept") == "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1", "\(request.path)")
        }
        #expect(paths.contains("/api/v1/namespaces/agentic-demo/secrets") && paths.contains("/api/v1/namespaces/agentic-demo/configmaps"))
    }

    @Test("the table and markdown of a bad rollout read from files match their reviewed text")
    func goldens() async throws {
        // No heal store there: other tests may have made the default one under the fake home.
        let state = ["XDG_STATE_HOME": "/nonexistent-state"]
        let table = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path, "--since", "30d"], variables: state)
        #expect(table.exitCode == 0, "\(table.stderr)")
        try GoldenFile.assertMatches(table.stdout, "timeline-table.txt")
        let markdown = await CLIRunner.run(
            ["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path, "--since", "30d", "-o", "markdown"], variables: state)
        try GoldenFile.assertMatches(markdown.stdout, "timeline.md")
    }

    @Test("kubectl-heal's own fixes come from its store with their outcome, only the target's; a --store that does not exist is an error and is not created")
    func healActions() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.url.appending(path: "memory.sqlite").path
        let store = try SQLiteFixStore(path: path)
        let started = try #require(ISO8601DateFormatter().date(from: "2026-11-21T19:40:00Z"))
        for (workload, outcome) in [("mysql-client", AttemptRecord.Outcome.rolledBack), ("mysql-server", .succeeded)] {
            let draft = PatternDraft(fingerprint: "missing-env|\(workload)", signature: [:], action: "set-env", template: [:], learnedValue: nil)
            try await store.record(AttemptRecord(
                patternID: draft.patternID, fingerprint: draft.fingerprint, user: "alice", context: "prod",
                workload: WorkloadKey(namespace: "agentic-demo", kind: "Deployment", name: workload), container: workload, findingCode: "missing-env-vars",
                action: "set-env", parameters: [:], patch: #"{"spec":{"template":{"spec":{"containers":[{"name":"x","env":[{"name":"MYSQL_HOST","value":"<redacted>"}]}]}}}}"#,
                priorState: "{}", outcome: outcome, verification: "pod mysql-client-1 crashed again with exit code 1", source: .rule,
                incidentSince: nil, detectedAt: started, startedAt: started, finishedAt: started.addingTimeInterval(75)), pattern: draft)
        }
        let run = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path, "--since", "30d", "--store", path, "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let heal = (document["entries"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "heal" }
        #expect(heal.count == 1, "only mysql-client's: \(heal)")
        #expect(heal.first?["sentence"] as? String == "kubectl-heal set-env on deployment/mysql-client (container mysql-client) for missing-env-vars: rolled-back — pod mysql-client-1 crashed again with exit code 1.")
        #expect(heal.first?["time"] as? String == "2026-11-21T19:40:00Z" && heal.first?["until"] as? String == "2026-11-21T19:41:15Z")
        #expect((heal.first?["evidence"] as? [String])?.contains { $0.hasPrefix("patch: {\"spec\"") } == true)
        #expect(heal.first?["isChange"] as? Bool == false, "rolled back: nothing of it is live")
        let coverage = (document["coverage"] as? [[String: Any]] ?? []).first { $0["source"] as? String == "heal store" }
        #expect((coverage?["note"] as? String)?.contains("(from any context)") == true, "snapshot files name no context")

        // Only read: the file is not written (no migration, no WAL checkpoint).
        let written = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let again = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path, "--store", path])
        #expect(again.exitCode == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == written)

        let missing = folder.url.appending(path: "typo.sqlite").path
        let refused = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path, "--store", missing])
        #expect(refused.exitCode == 78, "\(refused.exitCode) \(refused.stderr)")
        #expect(refused.stderr.contains(missing) && refused.stderr.contains("no such file"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing), "a timeline never creates a store")
        // The default store, when it does not exist, is only a line of the coverage.
        let home = try TemporaryDirectory()
        let fresh = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path], home: home.url.path)
        #expect(fresh.exitCode == 0, "\(fresh.stderr)")
        #expect(fresh.stdout.contains("heal store: no store at \(home.url.path)/.local/state/kubectl-heal/memory.sqlite"), "\(fresh.stdout)")
        #expect(!FileManager.default.fileExists(atPath: "\(home.url.path)/.local/state/kubectl-heal"))
    }

    @Test("live, only this cluster's fixes count (by context name or server); a default store that cannot be read is a line of the coverage, not an error")
    func storeOfThisCluster() async throws {
        let cluster = try TestCluster(serving: Self.rollout)
        let state = try TemporaryDirectory()
        let path = state.url.appending(path: "kubectl-heal/memory.sqlite").path
        let store = try SQLiteFixStore(path: path)
        let started = try #require(ISO8601DateFormatter().date(from: "2026-11-21T19:40:00Z"))
        for context in ["test", cluster.server.baseURL.absoluteString, "elsewhere"] {
            let draft = PatternDraft(fingerprint: "oom|\(context)", signature: [:], action: "raise-memory-limit", template: [:], learnedValue: nil)
            try await store.record(AttemptRecord(
                patternID: draft.patternID, fingerprint: draft.fingerprint, user: "alice", context: context,
                workload: WorkloadKey(namespace: "agentic-demo", kind: "Deployment", name: "mysql-client"), container: "mysql-client", findingCode: "oom-killed",
                action: "raise-memory-limit", parameters: [:], patch: "{}", priorState: "{}", outcome: .succeeded, verification: "verified on \(context)",
                source: .rule, incidentSince: nil, detectedAt: started, startedAt: started, finishedAt: started.addingTimeInterval(60)), pattern: draft)
        }
        let run = await cluster.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--since", "30d", "-o", "json"], variables: ["XDG_STATE_HOME": state.url.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let sentences = (document["entries"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "heal" }.compactMap { $0["sentence"] as? String }
        #expect(sentences.count == 2 && !sentences.contains { $0.contains("elsewhere") }, "\(sentences)")

        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let damaged = await cluster.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--since", "30d"], variables: ["XDG_STATE_HOME": state.url.path])
        #expect(damaged.exitCode == 0, "\(damaged.stderr)")
        #expect(damaged.stdout.contains("heal store: \(path) could not be read"), "\(damaged.stdout)")
        #expect(damaged.stderr.contains("could not be read"))
    }

    @Test("a target that does not exist, a kind with no timeline and a bad --since are clear errors")
    func badInput() async throws {
        let missing = await CLIRunner.run(["timeline", "deployment/mysql-clien", "-n", "agentic-demo", "--snapshot", Self.rollout.path])
        #expect(missing.exitCode == 64, "\(missing.exitCode) \(missing.stderr)")
        #expect(missing.stderr.contains("mysql-clien"), "\(missing.stderr)")
        #expect(missing.stderr.contains("hint:"), "\(missing.stderr)")
        let kind = await CLIRunner.run(["timeline", "node/worker-1", "--snapshot", Self.rollout.path])
        #expect(kind.exitCode == 64)
        #expect(kind.stderr.contains("\"node\" in \"node/worker-1\" has no timeline"), "\(kind.stderr)")
        let since = await CLIRunner.run(["timeline", "--since", "yesterday", "--snapshot", Self.rollout.path])
        #expect(since.exitCode == 64)
        #expect(since.stderr.contains("--since"), "\(since.stderr)")
    }

    @Test("diagnose -o wide shows a TRIGGER column when a finding has one, and -o json its trigger field")
    func diagnoseTrigger() async throws {
        let wide = await CLIRunner.run(["diagnose", "--snapshot", Self.rollout.path, "-o", "wide"])
        #expect(wide.stdout.contains("TRIGGER"))
        #expect(wide.stdout.contains("env MYSQL_HOST and MYSQL_ROOT_PASSWORD removed against revision 2 at 19:39:25"))
        let json = await CLIRunner.run(["diagnose", "--snapshot", Self.rollout.path, "-o", "json"])
        #expect(json.stdout.contains(#""trigger" : "deployment\/mysql-client: revision 3"#) || json.stdout.contains(#""trigger" : "deployment/mysql-client: revision 3"#), "\(json.stdout.prefix(400))")
        let plain = await CLIRunner.run(["diagnose", "--snapshot", Self.rollout.path])
        #expect(!plain.stdout.contains("TRIGGER"), "the default table stays narrow")
    }
}
