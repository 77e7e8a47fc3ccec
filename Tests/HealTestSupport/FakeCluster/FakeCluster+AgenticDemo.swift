import Foundation

extension FakeCluster {
    /// The captured `agentic-demo` namespace (`kubectl-get-agentic-demo.json`: Deployments,
    /// ReplicaSets, pods, Events), with the workload needs and registry that make its broken
    /// state follow from the specs once the controllers and kubelet take over:
    ///
    /// - `web-server` (`nginx:latst`): ImagePullBackOff, tag not found;
    /// - `alpine-app` (`apline:3.18`): ImagePullBackOff, repository does not exist;
    /// - `memory-hungry` (limit 128Mi, needs 300Mi): OOMKilled (137) in CrashLoopBackOff;
    /// - `mysql-client` (needs `MYSQL_HOST`, `MYSQL_ROOT_PASSWORD`): a stuck rollout — revision 3
    ///   (no variables) crash-loops with exit code 1 while revision 2 (with them) still serves.
    ///
    /// It starts settled. Captured statuses stay as they are until they change; a PATCH that fixes a template rolls
    /// out pods that run, a wrong fix rolls out pods that fail the same way.
    package static func agenticDemo(timing: Timing = .realistic) throws -> FakeCluster {
        let cluster = try FakeCluster(timing: timing)
        cluster.shared.withLock { state in
            state.needs["\(agenticDemoNamespace)/memory-hungry"] = WorkloadNeeds(memory: "300Mi")
            state.needs["\(agenticDemoNamespace)/mysql-client"] = WorkloadNeeds(env: ["MYSQL_HOST", "MYSQL_ROOT_PASSWORD"])
            state.adoptsSeededPods = true
        }
        try cluster.load(Fixtures.captured.appending(path: "kubectl-get-agentic-demo.json"))
        return cluster
    }

    package static let agenticDemoNamespace = "agentic-demo"

    /// The manifest a captured agentic-demo Deployment was applied from (its
    /// `kubectl.kubernetes.io/last-applied-configuration`), for `create(json:)` after
    /// `deleteDeployment`: the same broken workload, fresh (mysql-client without the revision
    /// that still serves).
    package static func agenticDemoManifest(_ deployment: String) throws -> String {
        let list = try JSONValue(parsing: Data(contentsOf: Fixtures.captured.appending(path: "kubectl-get-agentic-demo.json")))
        let annotation = (list["items"]?.arrayValue ?? []).first {
            $0["kind"]?.stringValue == "Deployment" && $0.name == deployment
        }?.value(at: ["metadata", "annotations", "kubectl.kubernetes.io/last-applied-configuration"])?.stringValue
        guard let annotation else { throw APIStatusError.notFound(.deployments, name: deployment) }
        return annotation
    }
}
