import Foundation
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
        let run = await cluster.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--since", "30d", "-o", "json"])
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
        let table = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path, "--since", "30d"])
        #expect(table.exitCode == 0, "\(table.stderr)")
        try GoldenFile.assertMatches(table.stdout, "timeline-table.txt")
        let markdown = await CLIRunner.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--snapshot", Self.rollout.path, "--since", "30d", "-o", "markdown"])
        try GoldenFile.assertMatches(markdown.stdout, "timeline.md")
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
