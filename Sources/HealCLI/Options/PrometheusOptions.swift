import ArgumentParser

/// How to reach Prometheus when it is not found through the cluster. Secrets come from a file
/// or the environment, never from a flag that lands in shell history.
struct PrometheusOptions: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Prometheus base URL (default: look for a Prometheus Service in the cluster and go through the API server's proxy).", valueName: "url"))
    var prometheusURL: String?

    @Option(help: ArgumentHelp("An extra header for every Prometheus request, e.g. 'X-Scope-OrgID: team-a' (repeatable).", valueName: "name: value"))
    var prometheusHeader: [String] = []

    @Option(help: ArgumentHelp("Send the bearer token in this file (default: $KUBECTL_HEAL_PROMETHEUS_TOKEN).", valueName: "file"), completion: .file())
    var prometheusTokenFile: String?

    @Option(help: ArgumentHelp("Basic-auth user; the password comes from $KUBECTL_HEAL_PROMETHEUS_PASSWORD.", valueName: "user"))
    var prometheusUser: String?

    @Option(help: ArgumentHelp("Verify Prometheus' certificate with this CA bundle.", valueName: "file"), completion: .file())
    var prometheusCAFile: String?

    @Flag(help: "Do not verify Prometheus' certificate (insecure).")
    var prometheusInsecureSkipTLSVerify = false

    func validate() throws {
        for header in prometheusHeader {
            guard let colon = header.firstIndex(of: ":"), colon != header.startIndex else {
                throw ValidationError("--prometheus-header \"\(header)\" is not NAME: VALUE; write e.g. --prometheus-header 'X-Scope-OrgID: team-a'")
            }
        }
        let connectionFlags = [
            ("--prometheus-header", !prometheusHeader.isEmpty), ("--prometheus-token-file", prometheusTokenFile != nil),
            ("--prometheus-user", prometheusUser != nil), ("--prometheus-ca-file", prometheusCAFile != nil),
            ("--prometheus-insecure-skip-tls-verify", prometheusInsecureSkipTLSVerify),
        ]
        if prometheusURL == nil, let flag = connectionFlags.first(where: \.1) {
            throw ValidationError("\(flag.0) applies to --prometheus-url; a Prometheus found in the cluster is reached with the kubeconfig's credentials")
        }
        if prometheusTokenFile != nil, prometheusUser != nil {
            throw ValidationError("--prometheus-token-file and --prometheus-user are two kinds of credentials; give one")
        }
    }
}
