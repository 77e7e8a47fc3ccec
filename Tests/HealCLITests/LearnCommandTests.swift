import Foundation
import HealTestSupport
import Testing

/// `kubectl heal learn …` end to end, in-process, on a store seeded from
/// Tests/Fixtures/learn/memory.json (2 patterns, 4 attempts; the clock is 2026-11-21T20:00:00Z).
@Suite("learn")
struct LearnCommandTests {
    static let fixture = Fixtures.root.appending(path: "learn/memory.json").path
    static let oom = "f0c822f603a6"
    static let image = "b7b591400288"

    /// A store in a fresh folder, seeded with the fixture.
    struct Store {
        let folder: TemporaryDirectory
        var path: String { folder.file("state/memory.sqlite").path }

        init(seeded: Bool = true) async throws {
            folder = try TemporaryDirectory()
            if seeded {
                let run = await self.run(["learn", "import", LearnCommandTests.fixture])
                try #require(run.exitCode == 0, "\(run.stderr)")
            }
        }

        func run(_ arguments: [String]) async -> CLIRun {
            await CLIRunner.run(arguments + ["--store", path])
        }

        /// Output with the store's temporary path replaced, for golden files.
        func stable(_ text: String) -> String {
            text.replacingOccurrences(of: path, with: "$STORE")
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("import reports what it merged; importing the same file again adds nothing")
    func importTwice() async throws {
        let store = try await Store(seeded: false)
        let first = await store.run(["learn", "import", Self.fixture])
        #expect(first.exitCode == 0)
        #expect(first.stdout == "Imported \(Self.fixture) into \(store.path): 2 patterns added, 0 merged; 4 attempts added, 0 already present or pruned.\n")
        let second = await store.run(["learn", "import", Self.fixture, "-o", "json"])
        #expect(second.exitCode == 0)
        let document = try Self.json(second.stdout)
        #expect(document["kind"] as? String == "LearnImportResult")
        #expect(document["apiVersion"] as? String == "heal.kubectl.io/v1alpha1")
        #expect(document["counts"] as? [String: Int] == ["patternsAdded": 0, "patternsMerged": 0, "attemptsAdded": 0, "attemptsSkipped": 4])
    }

    @Test("list shows the patterns kubectl style, most recently used first; -o json is a LearnedPatternList")
    func list() async throws {
        let store = try await Store()
        let table = await store.run(["learn", "list"])
        #expect(table.exitCode == 0)
        #expect(table.stderr.isEmpty)
        try GoldenFile.assertMatches(table.stdout, "learn-list.txt")
        let json = await store.run(["learn", "list", "-o", "json"])
        let document = try Self.json(json.stdout)
        #expect(document["kind"] as? String == "LearnedPatternList")
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == [Self.image, Self.oom])
        #expect(items.last?["successes"] as? Int == 2)
        let yaml = await store.run(["learn", "list", "-o", "yaml"])
        #expect(yaml.stdout.hasPrefix("apiVersion: heal.kubectl.io/v1alpha1\n"))
        #expect(yaml.stdout.contains("kind: LearnedPatternList\n"))
    }

    @Test("show takes an id prefix and lists the pattern's attempts; -o json holds each patch and prior state")
    func show() async throws {
        let store = try await Store()
        let table = await store.run(["learn", "show", String(Self.oom.prefix(4))])
        #expect(table.exitCode == 0)
        try GoldenFile.assertMatches(table.stdout, "learn-show.txt")
        let json = await store.run(["learn", "show", Self.oom, "-o", "json"])
        let document = try Self.json(json.stdout)
        #expect(document["kind"] as? String == "LearnedPatternDetail")
        let attempts = try #require(document["attempts"] as? [[String: Any]])
        #expect(attempts.count == 3)
        #expect(attempts.first?["patch"] as? String == #"{"spec":{"template":{"spec":{"containers":[{"name":"api","resources":{"limits":{"memory":"256Mi"}}}]}}}}"#)
        #expect(attempts.last?["outcome"] as? String == "rolled-back")
        #expect(attempts.last?["finishedAt"] as? String == "2026-11-20T10:01:40Z")
    }

    @Test("stats counts incidents, outcomes, MTTD, MTTR and LLM calls avoided")
    func stats() async throws {
        let store = try await Store()
        let table = await store.run(["learn", "stats"])
        #expect(table.exitCode == 0)
        try GoldenFile.assertMatches(store.stable(table.stdout), "learn-stats.txt")
        let document = try Self.json(await store.run(["learn", "stats", "-o", "json"]).stdout)
        #expect(document["kind"] as? String == "LearnStats")
        #expect(document["incidents"] as? [String: Int] == ["handled": 3, "fixed": 3, "unresolved": 0])
        // The one learned attempt replays a rule's fix (its pattern has no llm attempt): no call avoided.
        #expect(document["llmCallsAvoided"] as? Int == 0)
        #expect(document["llmCalls"] as? Int == 2)
        #expect(document["meanTimeToDetectSeconds"] as? Double == 20)
        #expect(((document["meanTimeToRepairSeconds"] as? Double ?? 0) * 100).rounded() == 9667)
    }

    @Test("forget deletes one pattern and its attempts")
    func forget() async throws {
        let store = try await Store()
        let run = await store.run(["learn", "forget", String(Self.image.prefix(6))])
        #expect(run.exitCode == 0)
        #expect(run.stdout == "Forgot pattern \(Self.image) (set-image) and its 1 attempt in \(store.path).\n")
        let list = try Self.json(await store.run(["learn", "list", "-o", "json"]).stdout)
        #expect((list["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [Self.oom])
        let again = await store.run(["learn", "forget", Self.image])
        #expect(again.exitCode == 64)
        #expect(again.stderr.contains("error: no learned pattern \(Self.image) in \(store.path)\nhint: "))
    }

    @Test("prune removes old attempts but the pattern keeps its counts")
    func prune() async throws {
        let store = try await Store()
        let run = await store.run(["learn", "prune", "--older-than", "1d"])
        #expect(run.exitCode == 0)
        #expect(run.stdout == "Pruned 0 patterns and 2 attempts in \(store.path).\n")
        let detail = try Self.json(await store.run(["learn", "show", Self.oom, "-o", "json"]).stdout)
        let pattern = try #require(detail["pattern"] as? [String: Any])
        #expect(pattern["successes"] as? Int == 2)
        #expect(pattern["failures"] as? Int == 1)
        #expect((detail["attempts"] as? [Any])?.count == 1)
        let bad = await store.run(["learn", "prune", "--older-than", "soon"])
        #expect(bad.exitCode == 64)
    }

    @Test("reset needs --yes without a terminal, then deletes everything")
    func reset() async throws {
        let store = try await Store()
        let refused = await store.run(["learn", "reset"])
        #expect(refused.exitCode == 64)
        #expect(refused.stderr.contains("hint: keep a copy with `kubectl heal learn export FILE`, then add --yes"))
        #expect(try Self.json(await store.run(["learn", "list", "-o", "json"]).stdout)["items"].map { ($0 as? [Any])?.count } == 2)
        let run = await store.run(["learn", "reset", "--yes", "-o", "json"])
        #expect(run.exitCode == 0)
        let document = try Self.json(run.stdout)
        #expect(document["kind"] as? String == "LearnResetResult")
        #expect(document["deleted"] as? [String: Int] == ["patterns": 2, "attempts": 4])
        #expect(await store.run(["learn", "list"]).stdout == "No learned patterns.\n")
    }

    @Test("export writes YAML or JSON that import reads back into an identical memory", arguments: ["memory.yaml", "memory.json"])
    func exportImport(file: String) async throws {
        let source = try await Store()
        let target = try await Store(seeded: false)
        let path = source.folder.file(file).path
        let export = await source.run(["learn", "export", path])
        #expect(export.exitCode == 0)
        #expect(export.stdout.isEmpty)
        #expect(export.stderr.contains("Exported 2 patterns and 4 attempts"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix(file.hasSuffix(".yaml") ? "apiVersion: heal.kubectl.io/v1alpha1\n" : "{\n"))
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(await target.run(["learn", "import", path]).exitCode == 0)
        let original = await source.run(["learn", "export", "-"])
        let copy = await target.run(["learn", "export", "-"])
        #expect(try Self.json(original.stdout)["kind"] as? String == "LearnedMemory")
        #expect(original.stdout == copy.stdout)
    }

    @Test("errors name the store or file, end with a hint, and exit with the documented code", arguments: [
        (["learn", "list", "--store", "s3://bucket/memory"], Int32(64), "invalid store \"s3://bucket/memory\""),
        (["learn", "show", "ffff"], 64, "no learned pattern ffff"),
        (["learn", "import", "/nonexistent/memory.json"], 65, "/nonexistent/memory.json is not a LearnedMemory document"),
        (["learn", "list", "--store", "configmap://heal/memory", "--kubeconfig", "/nonexistent/kubeconfig"], 78, "kubeconfig"),
    ])
    func errors(arguments: [String], code: Int32, message: String) async throws {
        let store = try await Store(seeded: false)
        let run = await CLIRunner.run(arguments.contains("--store") ? arguments : arguments + ["--store", store.path])
        #expect(run.exitCode == code)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.contains("\nhint: "))
    }

    @Test("a store file that is not a database exits 65 and is left as it was")
    func corruptStore() async throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("memory.sqlite", "not a database, but someone's notes\n")
        let run = await CLIRunner.run(["learn", "list", "--store", file.path])
        #expect(run.exitCode == 65)
        #expect(run.stderr.hasPrefix("error: the store \(file.path) is not a readable kubectl-heal memory"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a database, but someone's notes\n")
    }

    @Test("an import file holding a secret leaves it out of the store and the output")
    func secretsStayOut() async throws {
        let store = try await Store(seeded: false)
        let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
            .replacingOccurrences(of: "2 of 2 new pods Ready, no restarts for 60s", with: "ok; DB_PASSWORD=hunter2 seen in env")
        let file = try store.folder.write("leaky.json", text)
        #expect(await store.run(["learn", "import", file.path]).exitCode == 0)
        for arguments in [["learn", "show", Self.oom], ["learn", "show", Self.oom, "-o", "yaml"], ["learn", "export", "-"]] {
            let run = await store.run(arguments)
            #expect(!run.stdout.contains("hunter2"))
            #expect(run.stdout.contains("DB_PASSWORD=<redacted>"))
        }
    }

    @Test("the ConfigMap store works through the cluster flags")
    func configMapStore() async throws {
        let cluster = try FakeCluster()
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let flags = ["--store", "configmap://heal/memory", "--kubeconfig", kubeconfig.path]
        let imported = await CLIRunner.run(["learn", "import", Self.fixture] + flags)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        #expect(cluster.object(at: "/api/v1/namespaces/heal/configmaps/memory") != nil)
        let list = try Self.json(await CLIRunner.run(["learn", "list", "-o", "json"] + flags).stdout)
        #expect(list["store"] as? String == "configmap://heal/memory")
        #expect((list["items"] as? [Any])?.count == 2)
    }
}
