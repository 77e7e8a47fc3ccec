import Foundation
import HealTestSupport
import Testing

/// `diagnose` over several clusters of one kubeconfig: two fake API servers in different states
/// and a context whose server is down.
@Suite("diagnose --context a,b / --all-contexts: several clusters, one report")
struct FleetDiagnoseTests {
    @Test("--all-contexts: each healthy cluster's findings with its context, the unreachable one in errors with its exit code, which the run exits with")
    func allContexts() async throws {
        let fleet = try FleetKubeconfig()
        let run = await fleet.run(["diagnose", "--all-contexts", "-o", "json"])
        #expect(run.exitCode == 69, "the worst of the clusters: lab is unreachable (69): \(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let byCluster = Dictionary(grouping: findings) { $0["cluster"] as? String ?? "" }.mapValues { $0.compactMap { $0["code"] as? String } }
        #expect(byCluster["prod"]?.contains("oom-killed") == true, "\(byCluster)")
        #expect(byCluster["staging"]?.contains("invalid-image-name") == true, "\(byCluster)")
        #expect(byCluster["lab"] == nil)
        let errors = try #require(document["errors"] as? [[String: Any]])
        let lab = try #require(errors.first { $0["cluster"] as? String == "lab" })
        #expect(lab["resource"] as? String == "cluster" && lab["exitCode"] as? Int == 69 && lab["reason"] as? String == "Unavailable", "\(lab)")
        #expect((lab["hint"] as? String)?.isEmpty == false)
        let metadata = try #require(document["metadata"] as? [String: Any])
        let clusters = try #require(metadata["clusters"] as? [[String: Any]])
        #expect(clusters.compactMap { $0["context"] as? String } == ["lab", "prod", "staging"], "kubeconfig contexts, sorted")
        let summary = try #require(document["summary"] as? [String: Any])
        let perCluster = clusters.compactMap { $0["summary"] as? [String: Any] }
        #expect(perCluster.count == 2)
        #expect(summary["findings"] as? Int == perCluster.reduce(0) { $0 + ($1["findings"] as? Int ?? 0) }, "the summary sums the clusters'")
        #expect((summary["text"] as? String)?.hasSuffix("Across 2 of 3 clusters; not read: lab.") == true, "\(summary)")
        #expect(run.stderr.contains("error: context lab: "), "\(run.stderr)")
        // Each cluster was asked with its own credentials.
        #expect(fleet.prod.requests.allSatisfy { $0.header("Authorization") == "Bearer prod-token" })
        #expect(fleet.staging.requests.allSatisfy { $0.header("Authorization") == "Bearer staging-token" })
    }

    @Test("--context a,b: a table with a CLUSTER column; --fail-on counts every cluster's findings; markdown and HTML group by cluster")
    func someContexts() async throws {
        let fleet = try FleetKubeconfig()
        let table = await fleet.run(["diagnose", "--context", "staging,prod", "--fail-on", "warning"])
        #expect(table.exitCode == 1, "\(table.stderr)")
        let header = try #require(table.stdout.split(separator: "\n").first)
        #expect(header.split(separator: " ").prefix(2) == ["SEVERITY", "CLUSTER"], "\(header)")
        #expect(table.stdout.contains("Across 2 of 2 clusters."), "\(table.stdout)")
        #expect(fleet.prod.requests.count > 0 && fleet.staging.requests.count > 0)

        let markdown = await fleet.run(["diagnose", "--context", "staging,prod", "-o", "markdown"])
        let staging = try #require(markdown.stdout.range(of: "## Cluster `staging`"))
        let prod = try #require(markdown.stdout.range(of: "## Cluster `prod`"))
        #expect(staging.upperBound < prod.lowerBound, "in the order given")
        #expect(markdown.stdout[staging.upperBound..<prod.lowerBound].contains("invalid-image-name"))
        #expect(markdown.stdout[prod.upperBound...].contains(": demo/deployment/cache — `oom-killed`"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("\n### "), "findings under their cluster's heading")

        let html = await fleet.run(["diagnose", "--all-contexts", "-o", "html"])
        #expect(html.exitCode == 69)
        #expect(html.stdout.contains(#"<section class="cluster" data-cluster="lab">"#) && html.stdout.contains(#"<p class="cluster-error" data-exit-code="69">"#))
        #expect(html.stdout.contains(#"<section class="cluster" data-cluster="prod">"#))
    }

    @Test("two contexts of one exec-plugin user: the plugin runs once, and both clusters get its token")
    func sharedExecUser() async throws {
        let fleet = try FleetKubeconfig()
        let runs = fleet.folder.url.appending(path: "runs")
        let plugin = try fleet.folder.writeExecutable("plugin.sh", """
            #!/bin/sh
            echo run >> \(runs.path)
            printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token"}}'
            """)
        let kubeconfig = try fleet.folder.write("shared-kubeconfig", """
            apiVersion: v1
            kind: Config
            current-context: a
            clusters:
            - name: a
              cluster:
                server: \(fleet.prod.baseURL.absoluteString)
            - name: b
              cluster:
                server: \(fleet.staging.baseURL.absoluteString)
            users:
            - name: sso
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: \(plugin.path)
                  interactiveMode: Never
            contexts:
            - name: a
              context: {cluster: a, user: sso, namespace: demo}
            - name: b
              context: {cluster: b, user: sso, namespace: demo}
            """)
        let run = await CLIRunner.run(["diagnose", "--all-contexts", "-o", "json", "--kubeconfig", kubeconfig.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try String(contentsOf: runs, encoding: .utf8) == "run\n", "once for the user, not once per context")
        #expect(!fleet.prod.requests.isEmpty && fleet.prod.requests.allSatisfy { $0.header("Authorization") == "Bearer exec-token" })
        #expect(!fleet.staging.requests.isEmpty && fleet.staging.requests.allSatisfy { $0.header("Authorization") == "Bearer exec-token" })
    }

    @Test("a context the kubeconfig lacks, a bad pattern, no match and flags that work on one cluster are clear errors before anything is read")
    func badInput() async throws {
        let fleet = try FleetKubeconfig()
        let typo = await fleet.run(["diagnose", "--context", "prod,stagin"])
        #expect(typo.exitCode == 78 && typo.stderr.contains("stagin"), "\(typo.stderr)")
        let pattern = await fleet.run(["diagnose", "--contexts-matching", "(prod"])
        #expect(pattern.exitCode == 64 && pattern.stderr.contains("--contexts-matching"), "\(pattern.stderr)")
        let none = await fleet.run(["diagnose", "--contexts-matching", "^eu-"])
        #expect(none.exitCode == 64 && none.stderr.contains("lab, prod, staging"), "\(none.stderr)")
        let fix = await fleet.run(["diagnose", "--all-contexts", "--fix"])
        #expect(fix.exitCode == 64 && fix.stderr.contains("--fix works on one cluster"), "\(fix.stderr)")
        #expect(fleet.prod.requests.isEmpty && fleet.staging.requests.isEmpty)
    }
}
