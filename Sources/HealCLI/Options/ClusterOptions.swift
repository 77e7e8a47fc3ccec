import ArgumentParser
import HealModel
import HealKube

/// kubectl's cluster-access flags, shared by every subcommand that talks to a cluster.
package struct ClusterOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then the in-cluster service account).", valueName: "file"), completion: .file())
    package var kubeconfig: String?

    @Option(help: ArgumentHelp("The kubeconfig context to use.", valueName: "name"))
    package var context: String?

    @Option(help: ArgumentHelp("The kubeconfig cluster to use (overrides the context's).", valueName: "name"))
    package var cluster: String?

    @Option(help: ArgumentHelp("The kubeconfig user to use (overrides the context's).", valueName: "name"))
    package var user: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("The namespace to work in (default: the context's namespace, else default).", valueName: "namespace"))
    package var namespace: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Impersonate this user (needs the impersonate RBAC verb).", valueName: "user"))
    package var impersonateUser: String?

    @Option(name: .customLong("as-group"), help: ArgumentHelp("Impersonate this group; repeat for several.", valueName: "group"))
    package var impersonateGroups: [String] = []

    @Option(help: ArgumentHelp("Time limit per API request, e.g. 30s, 1m; 0 means none.", valueName: "duration"))
    package var requestTimeout = ClusterOptions.defaultRequestTimeout

    @Flag(help: "Do not verify the API server's certificate (insecure; for test clusters only).")
    package var insecureSkipTLSVerify = false

    package static let defaultRequestTimeout = "30s"

    package init() {}

    package func validate() throws {
        if !impersonateGroups.isEmpty, impersonateUser == nil {
            throw ValidationError("--as-group needs --as: the API server impersonates groups only together with a user")
        }
        guard DurationText.seconds(requestTimeout) != nil else {
            throw ValidationError("--request-timeout \"\(requestTimeout)\" is not a duration; use e.g. 30s, 1m or 0 (no limit)")
        }
    }

    package var overrides: ConfigOverrides {
        let seconds = DurationText.seconds(requestTimeout) ?? 30
        return ConfigOverrides(
            kubeconfig: kubeconfig, context: context, cluster: cluster, user: user, namespace: namespace,
            impersonateUser: impersonateUser, impersonateGroups: impersonateGroups,
            requestTimeout: .milliseconds(Int(seconds * 1000)), insecureSkipTLSVerify: insecureSkipTLSVerify)
    }
}
