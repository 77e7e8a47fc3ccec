import ArgumentParser
import HealApp
import HealKube

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

    @Option(help: ArgumentHelp("Present this client certificate to Prometheus (with --prometheus-client-key).", valueName: "file"), completion: .file())
    var prometheusClientCertificate: String?

    @Option(help: ArgumentHelp("The key of --prometheus-client-certificate.", valueName: "file"), completion: .file())
    var prometheusClientKey: String?

    /// Headers and credentials are checked when the connection is built (`connection(url:…)`),
    /// whose messages never repeat a header's value.
    func validate() throws {
        let connectionFlags = [
            ("--prometheus-header", !prometheusHeader.isEmpty), ("--prometheus-token-file", prometheusTokenFile != nil),
            ("--prometheus-user", prometheusUser != nil), ("--prometheus-ca-file", prometheusCAFile != nil),
            ("--prometheus-insecure-skip-tls-verify", prometheusInsecureSkipTLSVerify),
            ("--prometheus-client-certificate", prometheusClientCertificate != nil), ("--prometheus-client-key", prometheusClientKey != nil),
        ]
        if prometheusURL == nil, let flag = connectionFlags.first(where: \.1) {
            throw ValidationError("\(flag.0) applies to --prometheus-url; a Prometheus found in the cluster is reached with the kubeconfig's credentials")
        }
        if prometheusTokenFile != nil, prometheusUser != nil {
            throw ValidationError("--prometheus-token-file and --prometheus-user are two kinds of credentials; give one")
        }
    }
}

extension PrometheusOptions {
    /// With the cluster's --request-timeout as the limit for each query too.
    func access(_ cluster: ConfigOverrides) -> PrometheusAccess {
        var access = PrometheusAccess()
        access.timeout = cluster.requestTimeout
        access.url = prometheusURL
        access.headers = prometheusHeader
        access.tokenFile = prometheusTokenFile
        access.user = prometheusUser
        access.caFile = prometheusCAFile
        access.insecureSkipTLSVerify = prometheusInsecureSkipTLSVerify
        access.clientCertificateFile = prometheusClientCertificate
        access.clientKeyFile = prometheusClientKey
        return access
    }
}
