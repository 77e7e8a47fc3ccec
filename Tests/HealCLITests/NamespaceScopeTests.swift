import Foundation
import HealTestSupport
import Testing

/// A namespace that does not exist is an error naming the closest that do (exit 78), never a
/// green "no problems" report; an empty namespace that exists is fine; a user who may not read
/// namespaces is not stopped by the check.
@Suite("-n naming a namespace that does not exist")
struct NamespaceScopeTests {
    private static func namespace(_ name: String) -> String {
        #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"\#(name)"}}"#
    }

    @Test("on a cluster: exit 78 with the closest names; an existing empty namespace reports nothing wrong")
    func liveCluster() async throws {
        let shop = try ShopCluster(deployments: 1)
        for name in ["shop", "shop-staging", "payments", "empty"] { try shop.cluster.create(json: Self.namespace(name)) }

        let typo = await CLIRunner.run(["diagnose", "-n", "shpo", "--kubeconfig", shop.kubeconfig.path])
        #expect(typo.exitCode == 78, "\(typo.stderr)")
        #expect(typo.stderr.contains("error: namespace shpo does not exist in context"), "\(typo.stderr)")
        #expect(typo.stderr.contains("hint: did you mean shop?"), "\(typo.stderr)")
        #expect(typo.stdout.isEmpty, "no report for a namespace that is not there")

        let empty = await CLIRunner.run(["diagnose", "-n", "empty", "-o", "json", "--kubeconfig", shop.kubeconfig.path])
        #expect(empty.exitCode == 0, "\(empty.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(empty.stdout.utf8)) as? [String: Any]
        #expect((report?["findings"] as? [Any])?.isEmpty == true, "\(empty.stdout)")

        // The same for the jobs that read workloads the same way.
        let sizing = await CLIRunner.run(["recommend-limits", "-n", "shpo", "--kubeconfig", shop.kubeconfig.path])
        #expect(sizing.exitCode == 78, "\(sizing.stderr)")
    }

    @Test("a user RBAC does not let read namespaces gets the report, as before")
    func namespacesForbidden() async throws {
        let shop = try ShopCluster(deployments: 1)
        let forbidden = ScriptedResponse.status(
            code: 403, reason: "Forbidden", message: #"namespaces "quiet" is forbidden: User "dev" cannot get resource "namespaces" in API group "" at the cluster scope"#)
        shop.cluster.server.script(path: "/api/v1/namespaces/quiet", responses: [forbidden])

        let run = await CLIRunner.run(["diagnose", "-n", "quiet", "--kubeconfig", shop.kubeconfig.path])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(shop.cluster.server.requests(path: "/api/v1/namespaces/quiet").count == 1, "it asked, once")
    }

    @Test("in snapshot files: exit 78 with the closest namespaces the files hold")
    func snapshotFiles() async throws {
        let run = await CLIRunner.run(["diagnose", "--snapshot", CLIRunner.example, "-n", "agentic-dmo"])
        #expect(run.exitCode == 78, "\(run.stderr)")
        #expect(run.stderr.contains("namespace agentic-dmo does not exist in the snapshot files"), "\(run.stderr)")
        #expect(run.stderr.contains("did you mean agentic-demo?"), "\(run.stderr)")
    }
}
