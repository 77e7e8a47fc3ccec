import Foundation
import HealTestSupport
import Testing

/// `diagnose --explain` end to end: the real CLI against the stateful fake cluster (the
/// captured agentic demo) and a scripted OpenAI-compatible server on 127.0.0.1.
@Suite("diagnose --explain asks an OpenAI-compatible endpoint once per finding, anonymized, cached, and degrades to the rule-based report")
struct ExplainCommandTests {
    private func json(_ run: CLIRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    private func findings(_ document: [String: Any]) -> [[String: Any]] {
        document["findings"] as? [[String: Any]] ?? []
    }

    private func explanation(_ finding: [String: Any]) -> [String: Any]? {
        finding["explanation"] as? [String: Any]
    }

    @Test("with no LLM configured diagnose works as before, --explain exits 78 with a hint, and nothing mentions an API key")
    func notConfigured() async throws {
        let heal = try HealingCluster()
        let plain = await heal.run(["diagnose", "-o", "json"], verify: false)
        #expect(plain.exitCode == 0)
        #expect(findings(try json(plain)).allSatisfy { explanation($0) == nil })
        #expect(try json(plain)["llm"] == nil)
        let explain = await heal.run(["diagnose", "--explain"], verify: false)
        #expect(explain.exitCode == 78)
        #expect(explain.stderr.contains("--explain needs an OpenAI-compatible LLM endpoint, and none is configured"))
        #expect(explain.stderr.contains("hint: set --llm-base-url"))
        for run in [plain, explain] {
            #expect(!(run.stdout + run.stderr).lowercased().contains("api key"))
            #expect(!(run.stdout + run.stderr).contains("API_KEY"))
        }
    }

    @Test("an OPENAI_BASE_URL exported for other tools never breaks a plain diagnosis; --explain reports the missing model (78)")
    func environmentForOtherTools() async throws {
        let heal = try HealingCluster()
        let variables = ["OPENAI_BASE_URL": "https://api.openai.com/v1", "OPENAI_API_KEY": "sk-other-tool-key"]
        let plain = await heal.run(["diagnose"], verify: false, variables: variables)
        #expect(plain.exitCode == 0, "\(plain.stderr)")
        #expect(plain.stderr.isEmpty)
        let explain = await heal.run(["diagnose", "--explain"], verify: false, variables: variables)
        #expect(explain.exitCode == 78)
        #expect(explain.stderr.contains("no model is set for the LLM at https://api.openai.com/v1"))
        #expect(!explain.stderr.contains("sk-other-tool-key"))
    }

    @Test("one request per grouped finding; explanations restored to the real names in JSON and in the table; tokens reported")
    func explanations() async throws {
        let heal = try HealingCluster()
        let llm = try ScriptedLLM()
        let run = await heal.run(["diagnose", "--explain", "-o", "json"], verify: false, variables: llm.variables)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try json(run)
        let all = findings(document)
        #expect(!all.isEmpty)
        #expect(llm.server.chats.count == all.count)
        for finding in all {
            let explained = try #require(explanation(finding))
            let resource = try #require(finding["resource"] as? [String: Any])
            #expect(explained["summary"] as? String == "\(resource["name"] as? String ?? "") in agentic-demo keeps failing for the reason in the evidence.")
            #expect((explained["steps"] as? [String])?.first == "kubectl -n agentic-demo describe pod \(resource["name"] as? String ?? "")")
            #expect(explained["model"] as? String == ScriptedLLM.model)
            #expect(explained["cached"] as? Bool == false)
        }
        let summary = try #require(document["llm"] as? [String: Any])
        #expect(summary["explained"] as? Int == all.count)
        #expect(summary["requests"] as? Int == all.count)
        #expect(summary["anonymized"] as? Bool == true)
        #expect(summary["endpoint"] as? String == "\(llm.server.baseURL)/v1/chat/completions")
        #expect((summary["promptTokens"] as? Int ?? 0) > 0)
        #expect(llm.server.chats.allSatisfy { $0.model == ScriptedLLM.model && $0.jsonMode })
        #expect(llm.server.requests.allSatisfy { $0.header("authorization") == "Bearer \(ScriptedLLM.apiKey)" })

        let table = await heal.run(["diagnose", "--explain"], verify: false, variables: llm.variables)
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("EXPLANATIONS (LLM test-model; check before acting)"))
        #expect(table.stdout.contains("agentic-demo/deployment/memory-hungry"))
        #expect(table.stdout.contains("  1. kubectl -n agentic-demo describe pod memory-hungry-"))
    }

    @Test("nothing identifying or secret is sent: names, namespace, node, IPs, Secret and ConfigMap data, env values, the key")
    func privacy() async throws {
        let heal = try HealingCluster()
        try heal.cluster.create(json: """
            {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db-credentials", "namespace": "agentic-demo"},
             "type": "Opaque", "data": {"password": "aHVudGVyMi1zM2NyM3Q="}}
            """)
        try heal.cluster.create(json: """
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app-settings", "namespace": "agentic-demo"},
             "data": {"DATABASE_URL": "postgres://admin:hunter2-s3cr3t@db.internal.example.com:5432/shop"}}
            """)
        try heal.cluster.strategicMergePatch(at: "/apis/apps/v1/namespaces/agentic-demo/deployments/memory-hungry", json: """
            {"spec": {"template": {"spec": {"containers": [{"name": "memory-hungry", "env": [{"name": "API_TOKEN", "value": "tok-literal-6c1f2e9d"}]}]}}}}
            """)
        let llm = try ScriptedLLM()
        let run = await heal.run(["diagnose", "--explain", "-o", "json"], verify: false, variables: llm.variables)
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(!llm.server.chats.isEmpty)
        let pods = try heal.cluster.objects(in: "/api/v1/namespaces/agentic-demo/pods").map { try #require(try JSONSerialization.jsonObject(with: $0) as? [String: Any]) }
        var identifying = ["agentic-demo", "web-server", "alpine-app", "memory-hungry", "mysql-client", "node-1", "db-credentials", "app-settings"]
        identifying += pods.compactMap { ($0["metadata"] as? [String: Any])?["name"] as? String }
        identifying += pods.compactMap { ($0["status"] as? [String: Any])?["podIP"] as? String }
        let secrets = ["aHVudGVyMi1zM2NyM3Q=", "hunter2", "tok-literal-6c1f2e9d", ScriptedLLM.apiKey, "db.internal.example.com"]
        let sent = llm.server.requests.map(\.bodyText).joined(separator: "\n")
        for value in identifying + secrets {
            #expect(!sent.contains(value), "\(value) was sent")
        }
        #expect(!(run.stdout + run.stderr).contains(ScriptedLLM.apiKey))
        // The same run with --no-anonymize does send the names: the check above is not vacuous.
        let plain = try ScriptedLLM()
        _ = await heal.run(["diagnose", "--explain", "--no-anonymize", "-o", "json"], verify: false, variables: plain.variables)
        #expect(plain.server.requests.map(\.bodyText).joined().contains("memory-hungry"))
        #expect(!plain.server.requests.map(\.bodyText).joined().contains("tok-literal-6c1f2e9d"))
    }

    @Test("a rerun is answered from the cache with no request; --no-cache asks again (the bundled snapshot: the same input twice)")
    func cache() async throws {
        let llm = try ScriptedLLM()
        let arguments = ["diagnose", "--snapshot", CLIRunner.example, "--explain", "-o", "json"]
        let first = await CLIRunner.run(arguments, variables: llm.variables)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let asked = llm.server.requests.count
        #expect(asked > 0)
        #expect(asked == findings(try json(first)).count)
        let second = await CLIRunner.run(arguments, variables: llm.variables)
        #expect(second.exitCode == 0)
        #expect(llm.server.requests.count == asked)
        let document = try json(second)
        #expect(findings(document).allSatisfy { explanation($0)?["cached"] as? Bool == true })
        #expect(findings(document).map { explanation($0)?["summary"] as? String } == findings(try json(first)).map { explanation($0)?["summary"] as? String })
        #expect((document["llm"] as? [String: Any])?["requests"] as? Int == 0)
        #expect((document["llm"] as? [String: Any])?["cached"] as? Int == findings(document).count)
        // The cache holds the anonymized answers, not the cluster's names.
        let cached = try FileManager.default.subpathsOfDirectory(atPath: llm.cache.url.path)
            .filter { $0.hasSuffix(".json") }
            .map { try String(contentsOf: llm.cache.url.appending(path: $0), encoding: .utf8) }
        #expect(cached.count == asked)
        let names = findings(document).compactMap { ($0["resource"] as? [String: Any])?["name"] as? String }
        #expect(!names.isEmpty)
        #expect(!names.contains { name in cached.contains { $0.contains(name) } })
        let fresh = await CLIRunner.run(arguments + ["--no-cache"], variables: llm.variables)
        #expect(fresh.exitCode == 0)
        #expect(llm.server.requests.count == 2 * asked)
    }

    @Test("a dead endpoint costs one failed request: the rule-based report, one warning, exit 0; --require-llm exits 69")
    func deadEndpoint() async throws {
        let heal = try HealingCluster()
        let llm = try ScriptedLLM()
        llm.server.stop()
        let run = await heal.run(["diagnose", "--explain", "-o", "json"], verify: false, variables: llm.variables)
        #expect(run.exitCode == 0)
        #expect(findings(try json(run)).allSatisfy { explanation($0) == nil })
        let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: LLM") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("\(llm.server.baseURL)/v1/chat/completions") == true)
        let required = await heal.run(["diagnose", "--explain", "--require-llm"], verify: false, variables: llm.variables)
        #expect(required.exitCode == 69)
        #expect(required.stdout.contains("memory-hungry"))
    }

    @Test("a slow endpoint costs one timeout, not one per finding")
    func slowEndpoint() async throws {
        let heal = try HealingCluster()
        let llm = try ScriptedLLM()
        llm.server.script((0..<20).map { _ in .delayed(.seconds(30), ScriptedLLMServer.completion(content: "{}")) })
        let run = await heal.run(["diagnose", "--explain", "--llm-timeout", "1s", "-o", "json"], verify: false, variables: llm.variables)
        #expect(run.exitCode == 0)
        #expect(llm.server.requests.count == 1)
        #expect(run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: LLM") }.count == 1)
        #expect(findings(try json(run)).allSatisfy { explanation($0) == nil })
    }

    @Test("garbage answers leave the rule-based result with one warning; a 429 with Retry-After is retried and answered")
    func garbageAndRateLimit() async throws {
        let heal = try HealingCluster()
        let garbage = try ScriptedLLM { _ in "I think the pod is sad." }
        let run = await heal.run(["diagnose", "--explain", "-o", "json"], verify: false, variables: garbage.variables)
        #expect(run.exitCode == 0)
        #expect(findings(try json(run)).allSatisfy { explanation($0) == nil })
        let warnings = run.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: LLM") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("the answer holds no JSON object") == true)
        // Unusable answers are not cached: the next run asks again.
        let asked = garbage.server.requests.count
        _ = await heal.run(["diagnose", "--explain", "-o", "json"], verify: false, variables: garbage.variables)
        #expect(garbage.server.requests.count == 2 * asked)

        let limited = try ScriptedLLM()
        limited.server.script([ScriptedLLMServer.error(status: 429, message: "Rate limit reached", type: "rate_limit_exceeded", retryAfter: 1)])
        let retried = await heal.run(["diagnose", "--explain", "--llm-concurrency", "1", "-o", "json"], verify: false, variables: limited.variables)
        #expect(retried.exitCode == 0)
        #expect(findings(try json(retried)).allSatisfy { explanation($0) != nil })
        #expect(limited.server.requests.count == findings(try json(retried)).count + 1)
    }
}
