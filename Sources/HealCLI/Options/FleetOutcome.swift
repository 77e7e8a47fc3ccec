import HealApp
import HealKube
import HealModel

/// A run over several clusters, as the commands print it: the clusters that answered, and each
/// one that failed as an `errors` entry (resource "cluster") with the exit code it alone would
/// have given, said on stderr as it would have been.
struct FleetOutcome<Report: Sendable> {
    /// The contexts in the order they were asked for (kubeconfig order for --all-contexts).
    var contexts: [String]
    var reports: [(context: String, report: Report)] = []
    var failures: [UnreadableResource] = []

    init(contexts: [String], members: [FleetMember<Report>], environment: AppEnvironment) {
        self.contexts = contexts
        for member in members {
            switch member.result {
            case .success(let report): reports.append((member.context, report))
            case .failure(let error):
                let presented = ErrorPresenter.present(error, situation: ErrorPresenter.Situation(context: member.context))
                environment.standardError.write("error: context \(member.context): \(presented.message)\n")
                failures.append(UnreadableResource(
                    resource: "cluster", namespace: nil, reason: ExitStatus.reason(presented.exitCode), message: presented.message,
                    cluster: member.context, exitCode: presented.exitCode, hint: presented.hint))
            }
        }
    }

    /// The documented rule: the highest of the clusters' codes — a failed cluster's own code,
    /// else 1 when `findings` (at --fail-on), else 0.
    func exitCode(findings: Bool) -> Int32 {
        ([findings ? ExitStatus.findings : ExitStatus.success] + failures.compactMap(\.exitCode)).max() ?? ExitStatus.success
    }
}

extension FleetOptions {
    /// Resolves the contexts and runs `body` on each, a few clusters at a time.
    func run<Report: Sendable>(
        cluster: ClusterOptions, in environment: AppEnvironment, _ body: @escaping @Sendable (ConfigOverrides) async throws -> Report
    ) async throws -> FleetOutcome<Report> {
        let contexts = try selection(context: cluster.context).resolve(cluster.overrides, environment: environment)
        let members = await FleetRun.run(contexts: contexts, overrides: cluster.overrides, body)
        return FleetOutcome(contexts: contexts, members: members, environment: environment)
    }
}
