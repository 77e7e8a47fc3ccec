import ArgumentParser
import HealApp

/// `--leader-elect` and its Lease, for `diagnose --watch` run as several replicas.
struct LeaderElectionOptions: ParsableArguments, Sendable {
    @Flag(help: "With --watch: heal only while holding a coordination.k8s.io Lease; other replicas watch and take over when it lapses.")
    var leaderElect = false

    @Option(help: ArgumentHelp("The Lease for --leader-elect.", valueName: "name"))
    var leaseName = "kubectl-heal-healer"

    @Option(help: ArgumentHelp("The Lease's namespace (default: $POD_NAMESPACE in a pod, else the context's namespace).", valueName: "namespace"))
    var leaseNamespace: String?

    @Option(help: ArgumentHelp("How long a Lease not renewed stays its holder's (e.g. 15s); standbys retry every 2/15 of it.", valueName: "duration"))
    var leaseDuration = "15s"

    /// Throws a usage error for a Lease flag without --leader-elect, or one without --watch.
    func check(watching: Bool) throws {
        let seconds = try parseFlag("--lease-duration") { () throws(InvalidInput) in try DurationInput.seconds(leaseDuration) }
        guard leaderElect else {
            if leaseNamespace != nil || leaseName != "kubectl-heal-healer" || leaseDuration != "15s" {
                throw ValidationError("--lease-name, --lease-namespace and --lease-duration configure --leader-elect; add it")
            }
            return
        }
        guard watching else { throw ValidationError("--leader-elect decides which --watch replica acts; add --watch") }
        guard seconds >= 2 else { throw ValidationError("--lease-duration \(leaseDuration) is too short: a holder renews every 2/15 of it; use 2s or more (15s is client-go's default)") }
    }

    var election: HealJob.LeaderElection? {
        guard leaderElect, let seconds = try? DurationInput.seconds(leaseDuration) else { return nil }
        return HealJob.LeaderElection(leaseName: leaseName, namespace: leaseNamespace, durationSeconds: Int(seconds.rounded()))
    }
}
