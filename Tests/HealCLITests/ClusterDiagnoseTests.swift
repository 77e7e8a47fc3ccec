import Foundation
import HealTestSupport
import Testing

/// diagnose against a live (fake) API server: the same findings as the snapshot of the same
/// objects, the API paths kubectl would use, and the exit codes of the cluster rows of the
/// exit-code table.
@Suite("diagnose against a cluster")
struct ClusterDiagnoseTests {
    static let example = URL(filePath: CLIRunner.example)

    private func findingKeys(_ json: String) throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        return Set(findings.map { finding in
            let workload = (finding["owner"] ?? finding["resource"]) as? [String: Any] ?? [:]
            return "\(finding["code"] ?? "") \(finding["severity"] ?? "") \(workload["kind"] ?? "")/\(workload["namespace"] ?? "")/\(workload["name"] ?? "")"
        })
    }

    @Test("a live run reports the same findings as --snapshot of the same objects")
    func liveEqualsSnapshot() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let live = await cluster.run(["diagnose", "-A", "-o", "json"])
        #expect(live.exitCode == 0, "\(live.stderr)")
        #expect(live.stderr.isEmpty, "\(live.stderr)")
        let offline = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-o", "json"])
        let liveKeys = try findingKeys(live.stdout)
        #expect(liveKeys == (try findingKeys(offline.stdout)))
        #expect(liveKeys.count >= 6)
    }

    @Test("without -n the context's namespace is read through namespaced API paths, with the bearer token")
    func contextNamespace() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let run = await cluster.run(["diagnose"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let paths = Set(cluster.server.requests.map(\.path))
        #expect(paths.contains("/api/v1/namespaces/agentic-demo/pods"))
        #expect(paths.contains("/apis/apps/v1/namespaces/agentic-demo/deployments"))
        #expect(!paths.contains("/api/v1/pods"))
        #expect(cluster.server.requests.allSatisfy { $0.header("authorization") == "Bearer test-token" })
        let logPaths = cluster.server.requests.filter { $0.path.hasSuffix("/log") }.map(\.path)
        #expect(logPaths.contains { $0.contains("memory-hungry") } && logPaths.contains { $0.contains("mysql-client") })
        #expect(!logPaths.contains { $0.contains("web-server") }, "image-pull pods never ran; their logs are not fetched")
    }

    @Test("a terminal on stderr shows a progress line that is erased at the end; a pipe shows none")
    func progress() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let terminal = await cluster.run(["diagnose"], stderrIsTerminal: true)
        #expect(terminal.stderr.contains("collecting: "))
        #expect(terminal.stderr.hasSuffix("\r\u{1B}[K"))
        #expect(!terminal.stdout.contains("collecting"))
        let piped = await cluster.run(["diagnose"])
        #expect(piped.stderr.isEmpty)
    }

    @Test("a kind RBAC forbids is skipped with a warning and listed in errors; the run still succeeds")
    func partialRBAC() async throws {
        let cluster = try TestCluster(serving: Self.example)
        cluster.server.script(path: "/apis/apps/v1/namespaces/agentic-demo/deployments", responses: [.fixtureStatus("403-forbidden-list-deployments")])
        let run = await cluster.run(["diagnose", "-o", "json"])
        #expect(run.exitCode == 0)
        #expect(run.stderr.contains("warning: cannot read deployments.apps in namespace agentic-demo (Forbidden)"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let errors = try #require(document["errors"] as? [[String: Any]])
        #expect(errors.first?["resource"] as? String == "deployments.apps")
        #expect((document["findings"] as? [Any])?.isEmpty == false)
    }

    @Test("pods forbidden is fatal: exit 77 naming the verb and resource")
    func podsForbidden() async throws {
        let cluster = try TestCluster(serving: Self.example)
        cluster.server.script(path: "/api/v1/pods", responses: [.fixtureStatus("403-forbidden-list-pods-cluster")])
        let run = await cluster.run(["diagnose", "-A"])
        #expect(run.exitCode == 77)
        #expect(run.stderr.contains("list pods at cluster scope"))
        #expect(run.stderr.contains("cannot list resource \"pods\""))
        #expect(run.stderr.contains("hint: "))
        #expect(run.stdout.isEmpty)
    }

    @Test("a rejected token exits 77 naming the user and context, without the token")
    func unauthorized() async throws {
        let cluster = try TestCluster(serving: Self.example, token: "secret-token-value")
        cluster.server.requireAuthorization("Bearer something-else")
        let run = await cluster.run(["diagnose"])
        #expect(run.exitCode == 77)
        #expect(run.stderr.contains("user \"tester\""))
        #expect(run.stderr.contains("context \"test\""))
        #expect(!run.stderr.contains("secret-token-value"))
    }

    @Test("an unknown context exits 78 and lists the available ones")
    func unknownContext() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let run = await cluster.run(["diagnose", "--context", "prod"])
        #expect(run.exitCode == 78)
        #expect(run.stderr.contains("context \"prod\" not found"))
        #expect(run.stderr.contains("available contexts: other, test"))
        #expect(run.stderr.contains("hint: "))
    }

    @Test("an unreachable server exits 69 naming its URL")
    func unreachable() async throws {
        let cluster = try TestCluster(serving: Self.example, server: "http://127.0.0.1:9")
        let run = await cluster.run(["diagnose"])
        #expect(run.exitCode == 69)
        #expect(run.stderr.contains("http://127.0.0.1:9"))
        #expect(run.stderr.contains("hint: "))
        #expect(!run.stderr.contains("warning:"), "one error, not a warning per kind")
    }

    @Test("an API server that keeps throttling exits 75 after bounded retries")
    func throttled() async throws {
        let cluster = try TestCluster(serving: Self.example)
        cluster.server.script(path: "/api/v1/namespaces/agentic-demo/pods", responses: Array(repeating: .retryAfter(code: 429, seconds: 0), count: 10))
        let run = await cluster.run(["diagnose"])
        #expect(run.exitCode == 75)
        #expect(run.stderr.contains("gave up after 5 attempts"))
        #expect(cluster.server.requests(path: "/api/v1/namespaces/agentic-demo/pods").count == 5)
    }

    @Test("-l reports only objects whose labels (or whose owner's) match, judged against the whole namespace")
    func labelSelector() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let run = await cluster.run(["diagnose", "-l", "app=memory-hungry", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try findingKeys(run.stdout) == ["oom-killed critical Deployment/agentic-demo/memory-hungry"])
        #expect(cluster.server.requests.allSatisfy { $0.query("labelSelector") == nil }, "analysis needs every object of the namespace")
        // The api-gateway Service carries no labels of its own: its finding is not about app=api-gateway.
        let gateway = await cluster.run(["diagnose", "-l", "app=api-gateway", "-o", "json"])
        #expect(try findingKeys(gateway.stdout) == ["readiness-probe-failing critical Deployment/agentic-demo/api-gateway"])
    }
}
