import Foundation
import HealTestSupport
import MCP
import Testing

/// `kubectl heal mcp` through the MCP SDK's client over pipes, against the fake API server:
/// the tools offered and their schemas, documents identical to the CLI's `-o json`, the
/// namespace scope, refusals, progress, cancellation and shutdown.
@Suite("kubectl heal mcp: read-only tools")
struct MCPServerTests {
    static let example = URL(filePath: CLIRunner.example)
    static let readOnlyTools = [
        "diagnose", "timeline", "failover_status", "failover_plan", "recommend_limits", "cost", "cost_scenarios", "anomalies", "forecast", "learn_list", "learn_stats",
    ]

    @Test("tools/list: the read-only tools with strict object schemas; mutating ones only with --allow-mutations; explain_finding only with an LLM")
    func listing() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let readOnly = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path])
        let tools = try await readOnly.tools()
        #expect(tools.map(\.name) == Self.readOnlyTools)
        for tool in tools {
            #expect(tool.inputSchema["type"] == "object", "\(tool.name)")
            #expect(tool.inputSchema["additionalProperties"] == false, "\(tool.name)")
            #expect(tool.annotations.readOnlyHint == true, "\(tool.name)")
            #expect(!(tool.description ?? "").isEmpty)
        }
        let diagnose = try #require(tools.first { $0.name == "diagnose" })
        let properties = try #require(diagnose.inputSchema["properties"]?.objectValue)
        #expect(Set(properties.keys) == ["namespace", "all_namespaces", "targets", "selector", "analyzers", "min_age", "hygiene"])
        #expect(properties["targets"]?["type"] == "array")
        #expect(tools.first { $0.name == "failover_status" }?.inputSchema["required"] == ["service"])
        #expect(await readOnly.closeInput() == 0)

        let llm = try ScriptedLLM()
        let mutating = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "--allow-mutations"], variables: llm.variables)
        let all = try await mutating.tools()
        #expect(Set(all.map(\.name)) == Set(Self.readOnlyTools + ["explain_finding", "apply_fix", "failover_apply", "apply_limits"]))
        for name in ["apply_fix", "failover_apply", "apply_limits"] {
            let tool = try #require(all.first { $0.name == name })
            #expect(tool.annotations.readOnlyHint == false)
            #expect(tool.annotations.destructiveHint == true)
        }
        #expect(await mutating.closeInput() == 0)
        #expect(llm.server.chats.isEmpty)
    }

    @Test("diagnose returns the document `kubectl heal diagnose -o json` prints for the same namespace")
    func diagnoseMatchesCLI() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path])
        for (namespace, findings) in [("shop", 0), ("agentic-demo", 7)] {
            let result = try await session.call("diagnose", ["namespace": .string(namespace)])
            #expect(result.isError == false, "\(result.text)")
            let cli = await cluster.run(["diagnose", "-n", namespace, "-o", "json"])
            #expect(cli.exitCode == 0)
            #expect(result.structuredContent?.withoutServerClock == (try Value.parsing(cli.stdout)).withoutServerClock)
            #expect(result.structuredContent?["findings"]?.arrayValue?.count == findings, "\(namespace)")
        }
        let selected = try await session.call("diagnose", ["namespace": "shop", "analyzers": ["pods"], "min_age": "1m"])
        let cli = await cluster.run(["diagnose", "-n", "shop", "--analyzers", "pods", "--min-age", "1m", "-o", "json"])
        #expect(selected.structuredContent?.withoutServerClock == (try Value.parsing(cli.stdout)).withoutServerClock)
        let everywhere = try await session.call("diagnose", ["all_namespaces": true])
        let cliEverywhere = try Value.parsing(await cluster.run(["diagnose", "-A", "-o", "json"]).stdout)
        #expect(everywhere.structuredContent?.withoutServerClock == cliEverywhere.withoutServerClock)
        #expect(await session.closeInput() == 0)
    }

    @Test("--config: the diagnose tool leaves out what the config file suppresses, as the CLI does; a bad file stops the server")
    func configFile() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let config = FileManager.default.temporaryDirectory.appending(path: "mcp-config-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: config) }
        try Data("apiVersion: heal.kubectl.io/v1alpha1\nkind: HealConfig\nsuppress:\n  - codes: [oom-killed]\n    reason: known\n".utf8).write(to: config)
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "--config", config.path])
        let result = try await session.call("diagnose", ["namespace": "agentic-demo"])
        let cli = await cluster.run(["diagnose", "-n", "agentic-demo", "-o", "json", "--config", config.path])
        #expect(result.structuredContent?.withoutServerClock == (try Value.parsing(cli.stdout)).withoutServerClock)
        #expect(result.structuredContent?["findings"]?.arrayValue?.count == 6)
        #expect(result.structuredContent?["suppressed"]?.arrayValue?.count == 1)
        #expect(await session.closeInput() == 0)

        try Data("kind: HealConfig\n".utf8).write(to: config)
        let bad = await CLIRunner.run(["mcp", "--kubeconfig", cluster.kubeconfig.path, "--config", config.path])
        #expect(bad.exitCode == 65)
        #expect(bad.stderr.contains("\(config.path):1: the config file has no apiVersion"), "\(bad.stderr)")
    }

    @Test("failover_status and failover_plan return the CLI's documents and change nothing")
    func failoverTools() async throws {
        let blueGreen = try BlueGreenCluster()
        let namespace = BlueGreenCluster.namespace
        let session = try await MCPSession(["--kubeconfig", blueGreen.kubeconfig.path, "-n", namespace])
        let status = try await session.call("failover_status", ["service": "web"])
        #expect(status.isError == false, "\(status.text)")
        #expect(status.structuredContent?["kind"] == "FailoverStatus")
        #expect(status.structuredContent == (try Value.parsing(await blueGreen.run(["failover", "status", "web", "-o", "json"]).stdout)))
        let plan = try await session.call("failover_plan", ["service": "web", "to": "green", "keep_old": true])
        #expect(plan.isError == false, "\(plan.text)")
        #expect(plan.structuredContent == (try Value.parsing(await blueGreen.run(["failover", "switch", "web", "--to", "green", "--keep-old", "-o", "json"]).stdout)))
        #expect(plan.structuredContent?["toDeployment"] == "web-green")
        #expect(await session.closeInput() == 0)
        #expect(blueGreen.cluster.server.requests.allSatisfy { $0.method == "GET" })
        #expect(try blueGreen.activeColour() == "blue")
    }

    @Test("recommend_limits, cost, cost_scenarios, learn_list and learn_stats return the CLI's documents")
    func sizingAndLearnTools() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let store = try TemporaryDirectory()
        let storePath = store.url.appending(path: "memory.sqlite").path
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "-n", "shop", "--store", storePath])
        let cases: [(tool: String, arguments: [String: Value], cli: [String])] = [
            ("recommend_limits", ["usage_source": "none"], ["recommend-limits", "-n", "shop", "--usage-source", "none", "--store", storePath]),
            ("cost", ["usage_source": "none"], ["cost", "-n", "shop", "--usage-source", "none"]),
            ("cost_scenarios", ["preset": "demo"], ["cost", "scenarios", "--preset", "demo"]),
            ("cost_scenarios", ["cpu_per_pod": "250m", "memory_per_pod": "512Mi", "replicas": 3, "baseline": "blue-green"],
             ["cost", "scenarios", "--cpu-per-pod", "250m", "--memory-per-pod", "512Mi", "--replicas", "3", "--baseline", "blue-green"]),
            ("learn_list", [:], ["learn", "list", "--store", storePath]),
            ("learn_stats", [:], ["learn", "stats", "--store", storePath]),
        ]
        for (tool, arguments, cli) in cases {
            let result = try await session.call(tool, arguments)
            #expect(result.isError == false, "\(tool): \(result.text)")
            let expected = await cluster.run(cli + ["-o", "json"])
            #expect(expected.exitCode == 0, "\(expected.stderr)")
            #expect(result.structuredContent == (try Value.parsing(expected.stdout)), "\(tool)")
            #expect(result.structuredContent?["apiVersion"] == "heal.kubectl.io/v1alpha1")
        }
        #expect(await session.closeInput() == 0)
    }

    @Test("timeline returns the CLI's Timeline document: the same entries and triggers")
    func timeline() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path])
        let result = try await session.call("timeline", ["target": "deployment/mysql-client", "namespace": "agentic-demo", "since": "30d"])
        #expect(result.isError == false, "\(result.text)")
        #expect(result.structuredContent?["kind"] == "Timeline")
        let expected = try Value.parsing(await cluster.run(["timeline", "deployment/mysql-client", "-n", "agentic-demo", "--since", "30d", "-o", "json"]).stdout)
        let titles = { (document: Value?) in document?["entries"]?.arrayValue?.map { $0["title"] } ?? [] }
        #expect(!titles(result.structuredContent).isEmpty)
        #expect(titles(result.structuredContent) == titles(expected))
        #expect(result.structuredContent?["triggers"] == expected["triggers"])
        #expect(result.structuredContent?["verdict"] == expected["verdict"])
        let refused = try await session.call("timeline", ["target": "node/worker-1"])
        #expect(refused.isError == true && refused.text.contains("has no timeline"), "\(refused.text)")
        #expect(await session.closeInput() == 0)
    }

    @Test("explain_finding adds the LLM's explanations, as diagnose --explain does")
    func explainFinding() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let llm = try ScriptedLLM()
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path], variables: llm.variables)
        let result = try await session.call("explain_finding", ["target": "deployment/web-server", "namespace": "agentic-demo"])
        #expect(result.isError == false, "\(result.text)")
        let findings = try #require(result.structuredContent?["findings"]?.arrayValue)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0["explanation"]?["text"] != nil || $0["explanation"] != nil })
        #expect(llm.server.chats.count == findings.count)
        #expect(!result.text.contains(ScriptedLLM.apiKey))
        #expect(await session.closeInput() == 0)
    }

    @Test("a mutating tool is refused without --allow-mutations, with the reason and a hint, and nothing is written")
    func mutationsRefused() async throws {
        let blueGreen = try BlueGreenCluster()
        let session = try await MCPSession(["--kubeconfig", blueGreen.kubeconfig.path, "-n", BlueGreenCluster.namespace])
        for tool in ["failover_apply", "apply_fix", "apply_limits"] {
            let result = try await session.call(tool, ["service": "web"])
            #expect(result.isError == true)
            #expect(result.text.hasPrefix("error: \(tool) changes the cluster, and this server was started without --allow-mutations\nhint: "), "\(result.text)")
        }
        #expect(await session.closeInput() == 0)
        #expect(blueGreen.cluster.server.requests.isEmpty)
        #expect(try blueGreen.activeColour() == "blue")
    }

    @Test("a namespace outside the allowed set, every namespace, a smuggled flag or an unknown argument is refused before anything is read")
    func namespaceScope() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "--allowed-namespaces", "shop"])
        let refusals: [(String, [String: Value], String)] = [
            ("diagnose", ["namespace": "kube-system"], "error: namespace kube-system is outside the namespaces this server may use (shop)"),
            ("diagnose", ["all_namespaces": true], "error: diagnose asked for every namespace, and this server may only use shop"),
            ("cost", ["namespace": "agentic-demo"], "error: namespace agentic-demo is outside the namespaces this server may use (shop)"),
            ("failover_status", ["service": "web", "namespace": "default"], "error: namespace default is outside"),
            ("diagnose", ["targets": ["--as=system:admin"]], "error: diagnose: \"targets\" may not start with \"-\""),
            ("diagnose", ["namespaces": "shop"], "error: diagnose has no argument \"namespaces\""),
            ("diagnose", ["hygiene": "yes"], "error: diagnose: \"hygiene\" must be true or false"),
            ("failover_status", [:], "error: failover_status needs \"service\""),
        ]
        for (tool, arguments, message) in refusals {
            let result = try await session.call(tool, arguments)
            #expect(result.isError == true)
            #expect(result.text.hasPrefix(message), "\(result.text)")
            #expect(result.text.contains("\nhint: "))
        }
        #expect(cluster.server.requests.isEmpty)
        // The one allowed namespace is the default.
        let allowed = try await session.call("diagnose")
        #expect(allowed.structuredContent?["metadata"]?["namespaces"] == ["shop"], "\(allowed.text)")
        #expect(cluster.server.requests.allSatisfy { !$0.path.contains("/namespaces/") || $0.path.contains("/namespaces/shop/") })
        #expect(await session.closeInput() == 0)
    }

    @Test("an argument the use case cannot take is a tool error naming it, before anything is read")
    func argumentsCheckedByTheTools() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "-n", "shop", "-v"])
        let refusals: [(String, [String: Value], String)] = [
            ("diagnose", ["min_age": "soon"], "error: diagnose: \"min_age\": \"soon\" is not a duration; use e.g. 90s, 5m, 2h or 1d"),
            ("diagnose", ["analyzers": ["podz"]], "error: diagnose: \"analyzers\": unknown analyzer podz; known: "),
            ("diagnose", ["targets": ["widget/x"]], "error: diagnose: \"targets\": unknown resource type \"widget\" in \"widget/x\""),
            ("recommend_limits", ["cpu_percentile": 101], "error: recommend_limits: \"cpu_percentile\": 101 is not a percentile"),
            ("recommend_limits", ["history": "0s"], "error: recommend_limits: \"history\": \"0s\" is not a positive duration"),
            ("recommend_limits", ["history": "30s"], "error: recommend_limits: \"history\" must span at least one step (60s)"),
            ("cost", ["usage_source": "grafana"], "error: cost: \"usage_source\" must be one of auto, prometheus, metrics-server, none"),
            ("cost_scenarios", ["baseline": "cheapest"], "error: cost_scenarios: \"baseline\" must be one of always-on, "),
            ("cost_scenarios", ["cpu_per_pod": "1", "peak_replicas": 0], "error: cost_scenarios: \"peak_replicas\" must be at least 1"),
            ("cost", ["target": "svc/api"], "error: cost: \"target\": \"svc\" in \"svc/api\" is not a workload type"),
            ("cost_scenarios", [:], "error: cost_scenarios: give a target (e.g. deployment/web), a pod's size"),
            ("cost_scenarios", ["preset": "demo", "replicas": 3], "error: cost_scenarios: preset fixes every figure"),
            ("cost_scenarios", ["target": "deployment/web", "cpu_per_pod": "1"], "error: cost_scenarios: cpu_per_pod, memory_per_pod and replicas describe a pod"),
            ("cost_scenarios", ["cpu_per_pod": "lots"], "error: cost_scenarios: \"cpu_per_pod\": \"lots\" is not a CPU quantity"),
            ("failover_plan", ["service": "web", "replicas": 0], "error: failover_plan: \"replicas\" must be at least 1"),
            ("failover_plan", ["service": "web", "timeout": "later"], "error: failover_plan: \"timeout\": \"later\" is not a duration"),
            ("diagnose", ["analyzers": ["pods,podz"]], "error: diagnose: \"analyzers\": unknown analyzer podz"),
        ]
        for (tool, arguments, message) in refusals {
            let result = try await session.call(tool, arguments)
            #expect(result.isError == true, "\(tool) \(arguments)")
            #expect(result.text.hasPrefix(message), "\(result.text)")
            #expect(result.text.contains("\nhint: "), "\(result.text)")
        }
        #expect(cluster.server.requests.isEmpty)
        #expect(await session.closeInput() == 0)
        // -v logs each refusal with its reason.
        #expect(session.stderr.text.contains("notice: diagnose: error: diagnose: \"min_age\": \"soon\" is not a duration"), "\(session.stderr.text)")
    }

    @Test("server flags that contradict each other are usage errors before anything is served")
    func serverFlags() async {
        for (arguments, message) in [
            (["--allowed-namespaces", "Shop"], "error: --allowed-namespaces: \"Shop\" is not a namespace name"),
            (["-n", "payments", "--allowed-namespaces", "shop"], "error: -n payments is not among --allowed-namespaces shop"),
            (["--policy", "policy.yaml"], "error: --policy decides what the mutating tools may do; add --allow-mutations"),
        ] {
            let run = await CLIRunner.run(["mcp"] + arguments)
            #expect(run.exitCode == 64)
            #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("an error carries the CLI's message and hint")
    func errorsAsCLI() async throws {
        let blueGreen = try BlueGreenCluster()
        let session = try await MCPSession(["--kubeconfig", blueGreen.kubeconfig.path, "-n", BlueGreenCluster.namespace])
        let result = try await session.call("failover_status", ["service": "nope"])
        #expect(result.isError == true)
        #expect(result.structuredContent == nil)
        let cli = await blueGreen.run(["failover", "status", "nope", "-o", "json"])
        #expect(cli.exitCode != 0)
        #expect(result.text + "\n" == cli.stderr, "\(result.text)")
        #expect(await session.closeInput() == 0)
    }

    @Test("a scan called with a progress token reports its progress before the result")
    func progress() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path])
        let result = try await session.call("diagnose", ["namespace": "shop"], progressToken: .string("scan-1"))
        #expect(result.isError == false)
        let received = session.progress.withLock { $0 }
        #expect(!received.isEmpty)
        #expect(received.allSatisfy { $0.progressToken == .string("scan-1") && ($0.total ?? 0) > 0 })
        #expect(received.map(\.progress) == received.map(\.progress).sorted())
        #expect(received.last?.message?.hasPrefix("collecting: ") == true)
        #expect(await session.closeInput() == 0)
    }

    @Test("a cancelled call stops its work and the server goes on answering")
    func cancellation() async throws {
        let cluster = try TestCluster(serving: Self.example)
        // Pods in shop answer only after five minutes: the call can end early only by being cancelled.
        cluster.server.script(path: "/api/v1/namespaces/shop/pods", responses: [.delayed(.seconds(300), .fixture)])
        let session = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "-v"])
        let pending = try await session.client.send(CallTool.request(.init(name: "diagnose", arguments: ["namespace": "shop"])))
        try await waitUntil("the pods request arrived") { !cluster.server.requests(path: "/api/v1/namespaces/shop/pods").isEmpty }
        try await session.client.cancelRequest(pending.requestID, reason: "the user changed their mind")
        try await waitUntil("the call ended cancelled") { session.stderr.text.contains("diagnose: cancelled") }
        let next = try await session.call("cost_scenarios", ["preset": "demo"])
        #expect(next.isError == false)
        #expect(await session.closeInput() == 0)
    }

    @Test("EOF on stdin and SIGTERM both end the server cleanly (exit 0)")
    func shutdown() async throws {
        let cluster = try TestCluster(serving: Self.example)
        let eof = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "-v"])
        _ = try await eof.call("learn_stats", [:])
        #expect(await eof.closeInput() == 0)
        #expect(eof.stderr.text.contains("stopped"))
        let terminated = try await MCPSession(["--kubeconfig", cluster.kubeconfig.path, "-v"])
        _ = try await terminated.tools()
        #expect(await terminated.terminateServer() == 0)
        #expect(terminated.stderr.text.contains("stopped"))
    }

    private func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out waiting until \(what)")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
