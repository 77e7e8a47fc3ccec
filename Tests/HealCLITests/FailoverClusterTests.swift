import Foundation
@testable import HealApp
import HealModel
import HealTestSupport
import Testing

/// `failover status`, `failover --apply` and `failover watch` end to end, against the stateful
/// fake cluster whose controller derives pods, Deployment status and EndpointSlices from the
/// specs the command writes.
@Suite("Failover against the stateful fake cluster", .serialized)
struct FailoverClusterTests {
    static let probe404 = "Readiness probe failed: HTTP probe failed with statuscode: 404"

    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: status in the three classic incidents

    @Test("status: the active colour's pods crash → down, failover to the cold standby recommended")
    func statusWhenActiveCrashes() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.crashLoop(exitCode: 1, log: ["panic: cannot connect to database"]), "web-blue")
        try await blueGreen.waitUntil("blue's endpoints are not ready") { try blueGreen.readyEndpoints() == 0 }
        let run = await blueGreen.run(["failover", "status", "web", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let status = try json(run.stdout)
        #expect(status["kind"] as? String == "FailoverStatus")
        #expect(status["verdict"] as? String == "down")
        #expect((status["reason"] as? String)?.contains("0 of 2 endpoints ready") == true)
        #expect((status["reason"] as? String)?.contains("CrashLoopBackOff") == true, "\(status["reason"] ?? "")")
        let recommendation = try #require(status["recommendation"] as? [String: Any])
        #expect(recommendation["action"] as? String == "failover")
    }

    @Test("status: readiness probe failing while pods run → down, with the probe's own words")
    func statusWhenReadinessFails() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.notReady(message: Self.probe404), "web-blue")
        try await blueGreen.waitUntil("blue's endpoints are not ready") { try blueGreen.readyEndpoints() == 0 }
        let run = await blueGreen.run(["failover", "status", "web"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("DOWN — 0 of 2 endpoints ready: readiness probe failing: HTTP probe failed with statuscode: 404"), "\(run.stdout)")
        #expect(run.stdout.contains("Recommendation: fail over to green"))
        #expect(run.stdout.contains("kubectl heal failover web --to green -n mcp-failover-clean --apply"))
    }

    @Test("status: slow but healthy → healthy, no action")
    func statusWhenSlowButHealthy() async throws {
        let blueGreen = try BlueGreenCluster()
        blueGreen.cluster.server.script(
            path: "/apis/apps/v1/namespaces/mcp-failover-clean/deployments", responses: [.delayed(.milliseconds(1500), .fixture)])
        let run = await blueGreen.run(["failover", "status", "web", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let status = try json(run.stdout)
        #expect(status["verdict"] as? String == "healthy")
        #expect((status["recommendation"] as? [String: Any])?["action"] as? String == "none")
    }

    // MARK: failover --apply

    @Test("without --apply only the plan is printed and nothing is written")
    func planOnly() async throws {
        let blueGreen = try BlueGreenCluster()
        let run = await blueGreen.run(["failover", "web", "--to", "green"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("scale deployment/web-green from 0 to 2 replicas"))
        #expect(run.stderr.contains("pass --apply"))
        #expect(blueGreen.cluster.server.requests.allSatisfy { $0.method == "GET" })
        #expect(try blueGreen.activeColour() == "blue")
    }

    @Test("--apply scales the cold standby, waits, switches, verifies, annotates, records Events and scales the old colour down")
    func applyColdStandby() async throws {
        let blueGreen = try BlueGreenCluster()
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--scale-down-old-after", "0s", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let result = try json(run.stdout)
        #expect(result["outcome"] as? String == "succeeded")
        let steps = try #require(result["steps"] as? [[String: Any]])
        #expect(steps.map { $0["kind"] as? String } == ["scale-standby", "wait-ready", "switch-selector", "verify", "scale-down-old"])
        #expect(steps.allSatisfy { $0["result"] as? String == "done" && ($0["seconds"] as? Double ?? -1) >= 0 })
        #expect((result["failoverSeconds"] as? Double ?? 0) > 0)

        #expect(try blueGreen.activeColour() == "green")
        #expect(try blueGreen.deployment("web-green").spec.replicas == 2)
        #expect(try blueGreen.deployment("web-blue").spec.replicas == 0)
        let annotation = try #require(try blueGreen.service().metadata.annotations["heal.kubectl.io/last-failover"])
        #expect(annotation.contains(#""from":"blue""#) && annotation.contains(#""to":"green""#) && annotation.contains(#""outcome":"switched""#))
        #expect(try blueGreen.eventReasons().sorted() == ["FailoverStarted", "FailoverSucceeded"])

        // Every write was dry-run on the server first, and carried a resourceVersion precondition.
        let patches = blueGreen.cluster.server.requests.filter { $0.method == "PATCH" }
        #expect(patches.count == 6)
        for pair in stride(from: 0, to: patches.count, by: 2) {
            #expect(patches[pair].query("dryRun") == "All")
            #expect(patches[pair + 1].query("dryRun") == nil)
            #expect(patches[pair].body == patches[pair + 1].body)
            #expect(patches[pair].bodyText.contains(#""resourceVersion":"#))
        }
    }

    @Test("a standby that never gets Ready is refused: exit 1, the Service untouched, the standby scaled back")
    func standbyNeverReady() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.readyAfter(.seconds(3600)), "web-green")
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--timeout", "2s"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("refusing to switch to green"), "\(run.stderr)")
        #expect(run.stderr.contains("hint: fix the standby first"))
        #expect(run.stdout.contains("wait-ready"))
        #expect(try blueGreen.activeColour() == "blue")
        #expect(try blueGreen.deployment("web-green").spec.replicas == 0)
        #expect(try blueGreen.eventReasons().sorted() == ["FailoverFailed", "FailoverStarted"])
        #expect(!blueGreen.cluster.server.requests.contains { $0.method == "PATCH" && $0.path == BlueGreenCluster.servicePath })
    }

    @Test("SIGINT while the standby starts: nothing is switched and the standby goes back to 0 replicas; exit 1")
    func interruptedBeforeSwitch() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.readyAfter(.seconds(3600)), "web-green")
        let (code, run) = try await Self.interruptAfterScaleUp(blueGreen)
        #expect(code == 1, "\(run.stderr.text)")
        #expect(run.stderr.text.contains("interrupted before the switch"), "\(run.stderr.text)")
        #expect(try blueGreen.activeColour() == "blue")
        #expect(try blueGreen.deployment("web-green").spec.replicas == 0)
        #expect(!blueGreen.cluster.server.requests.contains { $0.method == "PATCH" && $0.path == BlueGreenCluster.servicePath })
    }

    @Test("SIGINT with the standby's scale-up applied but not yet answered: the write may have landed, so it is undone; exit 1")
    func interruptedDuringScaleUp() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.readyAfter(.seconds(3600)), "web-green")
        // The dry run answers at once; the real scale-up lands at once and is answered 3 s later.
        blueGreen.cluster.server.script(
            method: "PATCH", path: "/apis/apps/v1/namespaces/\(BlueGreenCluster.namespace)/deployments/web-green",
            responses: [.fixture, .answeredLate(.seconds(3), .fixture)])
        let (code, run) = try await Self.interruptAfterScaleUp(blueGreen)
        #expect(code == 1, "\(run.stderr.text)")
        #expect(run.stderr.text.contains("interrupted before the switch"), "\(run.stderr.text)")
        #expect(try blueGreen.activeColour() == "blue")
        #expect(try blueGreen.deployment("web-green").spec.replicas == 0)
    }

    /// `failover web --to green --apply --yes` in the background, sent SIGINT once green's scale-up
    /// has landed; its exit code and output.
    private static func interruptAfterScaleUp(_ blueGreen: BlueGreenCluster) async throws -> (Int32, BackgroundRun) {
        let run = BackgroundRun([
            "failover", "web", "--to", "green", "--apply", "--yes", "--timeout", "60s",
            "-n", BlueGreenCluster.namespace, "--kubeconfig", blueGreen.kubeconfig.path,
        ])
        try await blueGreen.waitUntil("green is scaled up") { try blueGreen.deployment("web-green").spec.replicas == 2 }
        return (await run.stop(), run)
    }

    @Test("a 409 on the standby's scale-up (the controller wrote its status in between) is read again and retried")
    func scaleConflictRetried() async throws {
        let blueGreen = try BlueGreenCluster()
        let green = "/apis/apps/v1/namespaces/\(BlueGreenCluster.namespace)/deployments/web-green"
        blueGreen.cluster.beforeNext(method: "PATCH", path: green) { cluster in
            try? cluster.mergePatch(at: green, json: #"{"metadata":{"annotations":{"example.com/touched":"yes"}}}"#)
        }
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--keep-old", "--timeout", "20s"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try blueGreen.activeColour() == "green")
        let scales = blueGreen.cluster.server.requests(path: green, method: "PATCH")
        #expect(scales.count >= 3, "a dry run answered 409, then a dry run and the write with a fresh resourceVersion")
    }

    @Test("a standby someone scaled above the plan after it was made is not scaled (nor scaled back): the failover goes on")
    func standbyScaledMeanwhile() async throws {
        let blueGreen = try BlueGreenCluster()
        let green = "/apis/apps/v1/namespaces/\(BlueGreenCluster.namespace)/deployments/web-green"
        // After the plan (standby at 0, scale to 2), an autoscaler sets 3.
        blueGreen.cluster.beforeNext(method: "GET", path: green) { cluster in
            try? cluster.mergePatch(at: green, json: #"{"spec":{"replicas":3}}"#, manager: "horizontal-pod-autoscaler")
        }
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--keep-old", "--timeout", "20s"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(try blueGreen.activeColour() == "green")
        #expect(try blueGreen.deployment("web-green").spec.replicas == 3)
        #expect(blueGreen.cluster.server.requests(path: green, method: "PATCH").isEmpty, "nothing written over the autoscaler's 3")
    }

    @Test("a standby that crashes as it starts is refused at once, before the timeout")
    func standbyCrashes() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.crashLoop(exitCode: 1, log: ["fatal: config missing"]), "web-green")
        // A refusal at the timeout would say "pods Ready after 60s"; "is failing" is the crash itself.
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--timeout", "60s"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("deployment/web-green is failing"), "\(run.stderr)")
        #expect(try blueGreen.activeColour() == "blue")
    }

    @Test("a standby failing already is refused from the plan, with nothing written")
    func standbyFailingAlready() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.imagePullBackOff, "web-green")
        try blueGreen.cluster.mergePatch(at: "/apis/apps/v1/namespaces/mcp-failover-clean/deployments/web-green", json: #"{"spec":{"replicas":1}}"#)
        // Pending until the kubelet starts it (300 ms), then failing to pull: wait for that.
        try await blueGreen.waitUntil("green's pod exists") { try blueGreen.deployment("web-green").status?.replicas == 1 }
        #expect(await blueGreen.cluster.settle(), "green's pod has started and fails to pull")
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("refusing to switch to green"), "\(run.stderr)")
        #expect(!blueGreen.cluster.server.requests.contains { $0.method == "PATCH" || $0.method == "POST" })
    }

    @Test("verification failure rolls the selector back: exit 1, FailoverRolledBack recorded")
    func verificationFailureRollsBack() async throws {
        let blueGreen = try BlueGreenCluster()
        // Green breaks just as the selector is switched to it.
        blueGreen.cluster.beforeNext(method: "PATCH", path: BlueGreenCluster.servicePath) { cluster in
            cluster.setBehaviour(.notReady(message: Self.probe404), namespace: BlueGreenCluster.namespace, deployment: "web-green")
        }
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--keep-old", "--timeout", "2s", "-o", "json"])
        #expect(run.exitCode == 1, "\(run.stderr)")
        let result = try json(run.stdout)
        #expect(result["outcome"] as? String == "rolled-back")
        let steps = try #require(result["steps"] as? [[String: Any]])
        #expect(steps.map { $0["kind"] as? String }.suffix(2) == ["verify", "rollback"])
        #expect(try blueGreen.activeColour() == "blue")
        #expect(try blueGreen.service().metadata.annotations["heal.kubectl.io/last-failover"]?.contains(#""outcome":"rolled-back""#) == true)
        #expect(try blueGreen.eventReasons().sorted() == ["FailoverRolledBack", "FailoverStarted"])
        #expect(run.stderr.contains("switched back to blue"))
    }

    @Test("a concurrent change to the Service is a precondition conflict: re-read, still blue, switched")
    func concurrentUnrelatedChange() async throws {
        let blueGreen = try BlueGreenCluster()
        blueGreen.cluster.beforeNext(method: "PATCH", path: BlueGreenCluster.servicePath) { cluster in
            try? cluster.mergePatch(at: BlueGreenCluster.servicePath, json: #"{"metadata":{"labels":{"team":"payments"}}}"#)
        }
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--keep-old"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let servicePatches = blueGreen.cluster.server.requests.filter { $0.method == "PATCH" && $0.path == BlueGreenCluster.servicePath }
        #expect(servicePatches.count == 3, "a 409 on the dry run, then dry run and patch with the new resourceVersion")
        #expect(try blueGreen.activeColour() == "green")
        #expect(try blueGreen.service().metadata.labels["team"] == "payments")
    }

    @Test("a concurrent colour change by someone else stops the failover with exit 75")
    func concurrentColourChange() async throws {
        let blueGreen = try BlueGreenCluster()
        blueGreen.cluster.beforeNext(method: "PATCH", path: BlueGreenCluster.servicePath) { cluster in
            try? cluster.mergePatch(at: BlueGreenCluster.servicePath, json: #"{"spec":{"selector":{"version":"purple"}}}"#)
        }
        let run = await blueGreen.run(["failover", "web", "--to", "green", "--apply", "--yes", "--keep-old"])
        #expect(run.exitCode == 75, "\(run.stderr)")
        #expect(run.stderr.contains("changed while failing over: expected version=blue, found version=purple"))
        #expect(try blueGreen.activeColour() == "purple")
    }

    @Test("a Service managed by Argo CD needs --force")
    func gitOpsNeedsForce() async throws {
        let blueGreen = try BlueGreenCluster()
        try blueGreen.cluster.mergePatch(at: BlueGreenCluster.servicePath, json: #"{"metadata":{"labels":{"argocd.argoproj.io/instance":"web"}}}"#)
        let refused = await blueGreen.run(["failover", "web", "--apply", "--yes"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("managed by Argo CD"))
        #expect(refused.stderr.contains("--force"))
        #expect(!blueGreen.cluster.server.requests.contains { $0.method == "PATCH" })
        let forced = await blueGreen.run(["failover", "web", "--apply", "--yes", "--force", "--keep-old"])
        #expect(forced.exitCode == 0, "\(forced.stderr)")
        #expect(forced.stderr.contains("auto-sync will revert the switch"))
        #expect(try blueGreen.activeColour() == "green")
    }

    // MARK: watch

    @Test("watch fails over when blue loses its endpoints and fails back once blue has been stable")
    func watchFailsOverAndBack() async throws {
        let blueGreen = try BlueGreenCluster()
        let scenario = Task {
            try await Task.sleep(for: .seconds(1))
            await blueGreen.setBehaviour(.notReady(message: Self.probe404), "web-blue")
            try await blueGreen.waitUntil("the watcher switched to green", timeout: .seconds(30)) { try blueGreen.activeColour() == "green" }
            await blueGreen.setBehaviour(.healthy, "web-blue")
            try await blueGreen.waitUntil("the watcher switched back to blue", timeout: .seconds(30)) {
                try blueGreen.activeColour() == "blue" && blueGreen.eventReasons().filter { $0 == "FailoverSucceeded" }.count == 2
            }
        }
        let run = await blueGreen.run(
            ["failover", "watch", "web", "--for", "1s", "--failback", "--stable-for", "2s", "--apply", "--timeout", "20s", "-o", "json"],
            stopRequested: { _ = await scenario.result })
        try await scenario.value
        #expect(run.exitCode == 0, "\(run.stderr)")
        let documents = try run.stdout.split(separator: "\n").map { try json(String($0)) }
        let decisions = documents.filter { $0["kind"] as? String == "FailoverDecision" }.compactMap { $0["decision"] as? String }
        #expect(decisions.filter { $0 != "wait" } == ["failover", "failback"], "\(decisions)")
        let results = documents.filter { $0["kind"] as? String == "FailoverResult" }
        #expect(results.map { $0["outcome"] as? String } == ["succeeded", "succeeded"])
        let summary = try #require(documents.last)
        #expect(summary["kind"] as? String == "FailoverWatchSummary")
        #expect(summary["failovers"] as? Int == 1)
        #expect(summary["failbacks"] as? Int == 1)
        #expect(try blueGreen.activeColour() == "blue")
        #expect(try blueGreen.deployment("web-green").spec.replicas == 2, "fail-back keeps the other colour warm")
    }

    @Test("watch without --apply reports the decision and changes nothing")
    func watchReportOnly() async throws {
        let blueGreen = try BlueGreenCluster()
        await blueGreen.setBehaviour(.notReady(message: Self.probe404), "web-blue")
        let run = await blueGreen.run(
            ["failover", "watch", "web", "--for", "1s"],
            stopRequested: { try? await Task.sleep(for: .seconds(4)) })
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("failing over to green. (report only: pass --apply to act)"), "\(run.stdout)")
        #expect(run.stdout.contains("Stopped after"))
        #expect(try blueGreen.activeColour() == "blue")
        #expect(!blueGreen.cluster.server.requests.contains { $0.method == "PATCH" })
    }

    @Test("watch does not fail over a slow but healthy colour")
    func watchLeavesSlowButHealthyAlone() async throws {
        let blueGreen = try BlueGreenCluster()
        blueGreen.cluster.server.script(
            path: "/apis/apps/v1/namespaces/mcp-failover-clean/deployments", responses: [.delayed(.milliseconds(1500), .fixture)])
        let run = await blueGreen.run(
            ["failover", "watch", "web", "--for", "1s", "--apply"],
            stopRequested: { try? await Task.sleep(for: .seconds(4)) })
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("blue serves: 2 of 2 endpoints ready on blue"))
        #expect(!run.stdout.contains("failing over"))
        #expect(try blueGreen.activeColour() == "blue")
    }

    @Test("with --leader-elect, a watcher that does not hold the Lease does not act")
    func watchWithoutTheLease() async throws {
        let blueGreen = try BlueGreenCluster()
        let now = Timestamp(Date()).microTime
        try blueGreen.cluster.create(json: """
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease","metadata":{"name":"kubectl-heal-failover-web","namespace":"mcp-failover-clean"},
             "spec":{"holderIdentity":"other-replica","leaseDurationSeconds":3600,"acquireTime":"\(now)","renewTime":"\(now)","leaseTransitions":0}}
            """)
        await blueGreen.setBehaviour(.notReady(message: Self.probe404), "web-blue")
        let run = await blueGreen.run(
            ["failover", "watch", "web", "--for", "1s", "--apply", "--leader-elect"],
            stopRequested: { try? await Task.sleep(for: .seconds(4)) })
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("not acting: lease kubectl-heal-failover-web is held by other-replica"), "\(run.stdout)")
        #expect(try blueGreen.activeColour() == "blue")
    }
}
