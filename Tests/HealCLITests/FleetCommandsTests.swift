import Foundation
import HealTestSupport
import Testing

/// `recommend-limits`, `cost` and `timeline` over several clusters of one kubeconfig: the same
/// two fake API servers in different states and a context whose server is down as
/// `FleetDiagnoseTests`.
@Suite("recommend-limits, cost and timeline with --context a,b / --all-contexts")
struct FleetCommandsTests {
    private func json(_ run: CLIRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\n\(run.stderr)")
    }

    /// The down cluster as the documents list it: in `errors` as resource "cluster" with its
    /// exit code, and in `metadata.clusters` (or `clusters`) with that error.
    private func expectLabDown(_ errors: Any?, _ clusters: Any?) throws {
        let lab = try #require((errors as? [[String: Any]])?.first { $0["cluster"] as? String == "lab" })
        #expect(lab["resource"] as? String == "cluster" && lab["exitCode"] as? Int == 69 && lab["reason"] as? String == "Unavailable", "\(lab)")
        let entries = try #require(clusters as? [[String: Any]])
        #expect(entries.compactMap { $0["context"] as? String } == ["lab", "prod", "staging"], "kubeconfig contexts, sorted")
        #expect(entries.first { $0["context"] as? String == "lab" }?["error"] != nil)
        #expect(entries.filter { $0["error"] != nil }.count == 1)
    }

    @Test("recommend-limits --all-contexts: each cluster's workloads tagged, the down one in errors, exit 69; csv and patch name the cluster")
    func recommendLimits() async throws {
        let fleet = try FleetKubeconfig()
        let run = await fleet.run(["recommend-limits", "--all-contexts", "--usage-source", "none", "-o", "json"])
        #expect(run.exitCode == 69, "\(run.stderr)")
        let document = try json(run)
        let workloads = try #require(document["workloads"] as? [[String: Any]])
        let byCluster = Dictionary(grouping: workloads) { $0["cluster"] as? String ?? "" }
            .mapValues { $0.compactMap { ($0["ref"] as? [String: Any])?["name"] as? String } }
        #expect(byCluster["prod"]?.contains("cache") == true && byCluster["staging"]?.isEmpty == false && byCluster["lab"] == nil, "\(byCluster)")
        let metadata = try #require(document["metadata"] as? [String: Any])
        try expectLabDown(document["errors"], metadata["clusters"])
        #expect((metadata["source"] as? [String: Any])?["type"] as? String == "fleet")
        #expect((document["summary"] as? [String: Any])?["workloads"] as? Int == workloads.count)

        // The OOM-killed cache is raised from its kill limit: the patch says which cluster.
        let patch = await fleet.run(["recommend-limits", "--context", "prod,staging", "--usage-source", "none", "-o", "patch"])
        #expect(patch.exitCode == 0, "\(patch.stderr)")
        #expect(patch.stdout.contains("# [prod] demo/deployment/cache") && patch.stdout.contains("kubectl --context prod patch deployment cache -n demo"), "\(patch.stdout)")
        let csv = await fleet.run(["recommend-limits", "--context", "prod,staging", "--usage-source", "none", "-o", "csv"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("cluster,namespace,kind,name,container,") == true)
        #expect(rows.dropFirst().contains { $0.hasPrefix("prod,demo,Deployment,cache,") } && rows.dropFirst().contains { $0.hasPrefix("staging,demo,") }, "\(csv.stdout)")

        let table = await fleet.run(["recommend-limits", "--all-contexts", "--usage-source", "none", "--fail-on", "warning"])
        #expect(table.exitCode == 69, "a down cluster (69) outranks findings (1)")
        #expect(table.stdout.split(separator: "\n").first?.split(separator: " ").first == "CLUSTER", "\(table.stdout)")
        #expect(table.stdout.contains("cluster lab: not sized (Unavailable, exit 69): "), "\(table.stdout)")
        #expect(table.stderr.contains("error: context lab: "))
    }

    @Test("cost --all-contexts: workloads and namespace totals per cluster, each cluster's total, a grand total that sums them")
    func cost() async throws {
        let fleet = try FleetKubeconfig()
        let run = await fleet.run(["cost", "--all-contexts", "--usage-source", "none", "-o", "json"])
        #expect(run.exitCode == 69, "\(run.stderr)")
        let document = try json(run)
        try expectLabDown(document["errors"], (document["metadata"] as? [String: Any])?["clusters"])
        let workloads = try #require(document["workloads"] as? [[String: Any]])
        #expect(Set(workloads.compactMap { $0["cluster"] as? String }) == ["prod", "staging"])
        let clusters = try #require(document["clusters"] as? [[String: Any]])
        #expect(clusters.compactMap { $0["cluster"] as? String } == ["prod", "staging"])
        let total = try #require((document["total"] as? [String: Any])?["total"] as? Double)
        let sum = clusters.reduce(0.0) { $0 + ($1["total"] as? Double ?? 0) }
        #expect(total > 0 && abs(total - sum) < 1e-9, "grand total \(total), clusters \(sum)")
        for cluster in clusters {
            let own = workloads.filter { $0["cluster"] as? String == cluster["cluster"] as? String }.reduce(0.0) { $0 + ($1["total"] as? Double ?? 0) }
            #expect(abs(own - (cluster["total"] as? Double ?? -1)) < 1e-9, "\(cluster)")
        }
        let namespaces = try #require(document["namespaces"] as? [[String: Any]])
        #expect(namespaces.map { "\($0["cluster"] ?? "")/\($0["namespace"] ?? "")" } == ["prod/demo", "staging/demo"])

        let table = await fleet.run(["cost", "--context", "staging,prod", "--usage-source", "none"])
        #expect(table.exitCode == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ").first == "CLUSTER")
        let totals = lines.filter { $0.contains("TOTAL") }.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(totals == ["staging TOTAL", "prod TOTAL", "ALL TOTAL"], "\(table.stdout)")
        let csv = await fleet.run(["cost", "--context", "staging,prod", "--usage-source", "none", "-o", "csv"])
        #expect(csv.stdout.hasPrefix("cluster,namespace,kind,name,") && csv.stdout.contains("\nstaging,demo,"), "\(csv.stdout)")
    }

    @Test("timeline --all-contexts: the namespace's entries from both clusters in one time order, each cluster's verdict, the down one in errors")
    func timeline() async throws {
        let fleet = try FleetKubeconfig()
        // The fake answers with the real clock and the fixtures were captured in November 2026.
        let since = "3000d"
        let run = await fleet.run(["timeline", "--all-contexts", "--since", since, "-o", "json"])
        #expect(run.exitCode == 69, "\(run.stderr)")
        let document = try json(run)
        try expectLabDown(document["errors"], document["clusters"])
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["cluster"] as? String }) == ["prod", "staging"], "\(entries.count) entries")
        let times = entries.compactMap { $0["time"] as? String }
        #expect(times.count == entries.count && times == times.sorted(), "one time order across clusters")
        let verdicts = try #require(document["clusters"] as? [[String: Any]])
        #expect(verdicts.filter { $0["verdict"] != nil }.count == 2)
        let first = try #require(document["firstFailure"] as? Int)
        let failing = try #require(entries[first]["cluster"] as? String)
        let own = try #require(verdicts.first { $0["context"] as? String == failing }?["firstFailure"] as? String)
        #expect(own == entries[first]["time"] as? String && own == verdicts.compactMap { $0["firstFailure"] as? String }.min(), "the cluster that failed first")
        #expect((document["verdict"] as? String)?.hasPrefix("[\(failing)] failed first.") == true, "\(document["verdict"] ?? "")")

        let table = await fleet.run(["timeline", "--context", "prod,staging", "--since", since])
        #expect(table.exitCode == 0, "\(table.stderr)")
        #expect(table.stdout.contains("across 2 clusters") && table.stdout.contains("\nPer cluster:\n  prod: ") && table.stdout.contains("\n  staging: "), "\(table.stdout)")
        let markdown = await fleet.run(["timeline", "--context", "prod,staging", "--since", since, "-o", "markdown"])
        #expect(markdown.stdout.contains("| | time | cluster | kind | object | what |") && markdown.stdout.contains("- **prod**: "), "\(markdown.stdout)")
    }

    @Test("flags that work on one cluster are refused with several, before anything is read")
    func badInput() async throws {
        let fleet = try FleetKubeconfig()
        let cases: [([String], String)] = [
            (["recommend-limits", "--all-contexts", "--apply", "--yes"], "--apply works on one cluster"),
            (["recommend-limits", "--all-contexts", "--prometheus-url", "http://127.0.0.1:9"], "--prometheus-url works on one cluster"),
            (["cost", "--context", "prod,staging", "--snapshot", "dump"], "--snapshot works on one cluster"),
            (["timeline", "--all-contexts", "--watch"], "--watch works on one cluster"),
            (["timeline", "--context", "prod,stagin"], "stagin"),
        ]
        for (arguments, message) in cases {
            let run = await fleet.run(arguments)
            #expect([64, 78].contains(run.exitCode) && run.stderr.contains(message), "\(arguments): \(run.exitCode) \(run.stderr)")
        }
        #expect(fleet.prod.requests.isEmpty && fleet.staging.requests.isEmpty)
    }
}
