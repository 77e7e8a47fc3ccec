import Foundation
import HealHTTP
import HealKube
import HealUsage

/// How to reach a Prometheus given by URL (one found in the cluster is reached through the API
/// server with the kubeconfig's credentials). Secrets come from a file or the environment.
package struct PrometheusAccess: Sendable {
    package var url: String?
    /// Extra headers, "Name: value".
    package var headers: [String] = []
    package var tokenFile: String?
    /// Basic-auth user; the password comes from $KUBECTL_HEAL_PROMETHEUS_PASSWORD.
    package var user: String?
    package var caFile: String?
    package var insecureSkipTLSVerify = false
    package var clientCertificateFile: String?
    package var clientKeyFile: String?

    /// The limit for each query: the cluster's --request-timeout (zero: none); nil: 30 s.
    package var timeout: Duration?

    package init() {}

    /// The direct connection to `url`; the token file and the environment are read here. Bad
    /// values throw `UsageError.prometheusOptionInvalid`, whose messages never repeat a
    /// header's value.
    func connection(url: String, environment: AppEnvironment) throws -> PrometheusConnection {
        var token: PrometheusConnection.TokenSource?
        if let tokenFile {
            do {
                token = .file(path: tokenFile, contents: Redacted(try String(contentsOfFile: tokenFile, encoding: .utf8)))
            } catch {
                throw UsageError.prometheusOptionInvalid(
                    option: "--prometheus-token-file", reason: "cannot read \(tokenFile): \(FileErrorReason.describe(error))")
            }
        } else if let value = environment.variables[PrometheusConnection.tokenEnvironmentVariable], !value.isEmpty {
            token = .environment(Redacted(value))
        }
        let password = user == nil ? nil : environment.variables[PrometheusConnection.passwordEnvironmentVariable].map(Redacted.init)
        return try PrometheusConnection(
            url: url, headers: headers, token: token, user: user, password: password, caFile: caFile,
            insecureSkipTLSVerify: insecureSkipTLSVerify, clientCertificateFile: clientCertificateFile, clientKeyFile: clientKeyFile,
            timeout: timeout ?? .seconds(30))
    }
}
