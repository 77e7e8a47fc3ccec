import Foundation
import HealHTTP

/// How to reach Prometheus directly, built from the `--prometheus-*` flags and checked before
/// anything is sent. Building it reads no file and no environment: the CLI passes what it read.
package struct PrometheusConnection: Sendable, Equatable {
    /// `--prometheus-url`: scheme, host, port and path prefix, without a trailing slash
    /// ("https://monitoring.example/prometheus"); API paths are appended to it.
    package var url: String
    /// `--prometheus-header 'Name: value'` (repeatable), e.g. `X-Scope-OrgID: tenant-a` for Mimir,
    /// Cortex or Thanos tenants. Sent with every request.
    package var headers: [HTTPHeader]
    package var authentication: Authentication?
    /// `--prometheus-ca-file`, `--prometheus-insecure-skip-tls-verify`, and the client
    /// certificate and key (`--prometheus-client-certificate`, `--prometheus-client-key`).
    package var tls: TLSConfiguration
    /// Limit for each query (`--request-timeout`; zero: none).
    package var timeout: Duration

    package enum Authentication: Sendable, Equatable {
        /// `Authorization: Bearer …` with the token of `--prometheus-token-file` or
        /// `KUBECTL_HEAL_PROMETHEUS_TOKEN`.
        case bearer(Redacted<String>)
        /// `--prometheus-user` with the password from `KUBECTL_HEAL_PROMETHEUS_PASSWORD`.
        case basic(user: String, password: Redacted<String>)
    }

    /// Where the bearer token came from; errors name the source, never the token. The CLI passes
    /// the file when `--prometheus-token-file` is given, else the environment variable when set.
    package enum TokenSource: Sendable, Equatable {
        /// The contents of `--prometheus-token-file PATH`; surrounding whitespace is dropped
        /// (token files usually end with a newline).
        case file(path: String, contents: Redacted<String>)
        /// The value of `KUBECTL_HEAL_PROMETHEUS_TOKEN`.
        case environment(Redacted<String>)
    }

    package static let tokenEnvironmentVariable = "KUBECTL_HEAL_PROMETHEUS_TOKEN"
    package static let passwordEnvironmentVariable = "KUBECTL_HEAL_PROMETHEUS_PASSWORD"

    /// Checks the flag values the way kubectl checks its own (a CA file and skipping TLS
    /// verification together are refused) and throws `prometheusOptionInvalid` naming the flag.
    package init(
        url: String,
        headers: [String] = [],
        token: TokenSource? = nil,
        user: String? = nil,
        password: Redacted<String>? = nil,
        caFile: String? = nil,
        insecureSkipTLSVerify: Bool = false,
        clientCertificateFile: String? = nil,
        clientKeyFile: String? = nil,
        timeout: Duration = .seconds(30)
    ) throws(UsageError) {
        self.url = try Self.baseURL(url)
        self.headers = try headers.enumerated().map { index, text throws(UsageError) in try Self.header(text, number: index + 1) }
        authentication = try Self.authentication(token: token, user: user, password: password)
        if authentication != nil, self.headers.contains(where: { $0.name.lowercased() == "authorization" }) {
            throw .prometheusOptionInvalid(
                option: "--prometheus-header",
                reason: "an Authorization header conflicts with the bearer token or --prometheus-user; give one of them")
        }
        if insecureSkipTLSVerify, caFile != nil {
            throw .prometheusOptionInvalid(
                option: "--prometheus-insecure-skip-tls-verify",
                reason: "cannot be combined with --prometheus-ca-file: verify with the CA or skip verification, not both")
        }
        if (clientCertificateFile == nil) != (clientKeyFile == nil) {
            throw .prometheusOptionInvalid(
                option: clientCertificateFile == nil ? "--prometheus-client-key" : "--prometheus-client-certificate",
                reason: "the client certificate and its key must be given together")
        }
        guard timeout >= .zero else {
            throw .prometheusOptionInvalid(option: "--request-timeout", reason: "must not be negative")
        }
        tls = TLSConfiguration(
            certificateAuthority: caFile.map(PEMSource.file),
            clientCertificate: clientCertificateFile.map(PEMSource.file),
            clientKey: clientKeyFile.map { Redacted(PEMSource.file($0)) },
            verifyPeer: !insecureSkipTLSVerify)
        self.timeout = timeout
    }

    /// The URL without credentials, query or trailing slash. Credentials in the URL are refused
    /// rather than used: the URL appears in messages and logs.
    private static func baseURL(_ text: String) throws(UsageError) -> String {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty
        else {
            throw .prometheusOptionInvalid(
                option: "--prometheus-url", reason: "expected an http:// or https:// URL with a host, such as http://prometheus.monitoring:9090")
        }
        guard components.user == nil, components.password == nil else {
            throw .prometheusOptionInvalid(
                option: "--prometheus-url",
                reason: "must not carry credentials; use --prometheus-user with \(passwordEnvironmentVariable), or a bearer token")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .prometheusOptionInvalid(option: "--prometheus-url", reason: "must not have a query or fragment: give the base URL only")
        }
        var base = components
        base.scheme = scheme
        while base.percentEncodedPath.hasSuffix("/") { base.percentEncodedPath.removeLast() }
        guard let url = base.string else {
            throw .prometheusOptionInvalid(option: "--prometheus-url", reason: "is not a valid URL")
        }
        return url
    }

    /// "Name: value" split at the first colon. Messages give the flag's position, not its text,
    /// which may hold a credential.
    private static func header(_ text: String, number: Int) throws(UsageError) -> HTTPHeader {
        guard let colon = text.firstIndex(of: ":") else {
            throw .prometheusOptionInvalid(option: "--prometheus-header", reason: "header \(number) is not of the form 'Name: value'")
        }
        let name = text[..<colon].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let tokenCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+-.^_`|~"))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && tokenCharacters.contains($0) }) else {
            throw .prometheusOptionInvalid(
                option: "--prometheus-header", reason: "header \(number) has an empty name or characters not allowed in a header name")
        }
        guard !value.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw .prometheusOptionInvalid(option: "--prometheus-header", reason: "header \(number) has a line break in its value")
        }
        return HTTPHeader(name, value)
    }

    private static func authentication(
        token: TokenSource?, user: String?, password: Redacted<String>?
    ) throws(UsageError) -> Authentication? {
        switch (token, user, password) {
        case (nil, nil, nil):
            return nil
        case (.some(let source), nil, nil):
            return .bearer(try bearer(source))
        case (.some, .some, _):
            throw .prometheusOptionInvalid(
                option: "--prometheus-user", reason: "cannot be combined with a bearer token; give one way to log in")
        case (nil, .some(let user), .some(let password)):
            guard !user.isEmpty, !user.contains(":") else {
                throw .prometheusOptionInvalid(option: "--prometheus-user", reason: "must be non-empty and must not contain ':'")
            }
            return .basic(user: user, password: password)
        case (nil, .some, nil):
            throw .prometheusOptionInvalid(option: "--prometheus-user", reason: "needs the password in \(passwordEnvironmentVariable)")
        case (_, nil, .some):
            throw .prometheusOptionInvalid(option: passwordEnvironmentVariable, reason: "is set but --prometheus-user is not")
        }
    }

    private static func bearer(_ source: TokenSource) throws(UsageError) -> Redacted<String> {
        switch source {
        case .file(let path, let contents):
            let token = contents.value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else {
                throw .prometheusOptionInvalid(option: "--prometheus-token-file", reason: "\(path) is empty")
            }
            guard !token.contains(where: \.isNewline) else {
                throw .prometheusOptionInvalid(option: "--prometheus-token-file", reason: "\(path) holds more than one line")
            }
            return Redacted(token)
        case .environment(let value):
            guard !value.value.isEmpty, !value.value.contains(where: \.isNewline) else {
                throw .prometheusOptionInvalid(option: tokenEnvironmentVariable, reason: "is empty or holds a line break")
            }
            return value
        }
    }
}
