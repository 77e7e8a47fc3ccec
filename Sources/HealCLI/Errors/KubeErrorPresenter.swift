import HealHTTP
import HealAnalysis
import HealKube

/// Explains a failed API request: RBAC refusals name the verb and resource, unreachable
/// servers name the URL, throttling names how often it was retried.
enum KubeErrorPresenter {
    static func present(_ error: KubeError, situation: ErrorPresenter.Situation) -> PresentedError {
        let request = error.request
        switch error {
        case .status(let code, let status, let body, _):
            return statusError(code: code, status: status, body: body, request: request, situation: situation)
        case .transport(let failure, _):
            return transport(failure, request: request, situation: situation)
        case .gaveUp(let attempts, let last):
            let inner = present(last, situation: situation)
            let temporary = last.httpStatus.map(RetryPolicy.transientStatuses.contains) ?? false
            return PresentedError(
                message: "\(inner.message) (gave up after \(attempts) attempts)",
                hint: temporary ? "the API server is overloaded or restarting; try again shortly, or raise --request-timeout" : inner.hint,
                exitCode: inner.exitCode)
        case .invalidResponse(let detail, _):
            return PresentedError(
                message: "the server at \(request.url) did not answer \(request) with Kubernetes API JSON: \(detail)",
                hint: "check that the context's server URL points at a Kubernetes API server (kubectl config view --minify)",
                exitCode: ExitStatus.unavailable)
        case .credential(let failure, _):
            return credential(failure, situation: situation)
        }
    }

    private static func statusError(code: Int, status: APIStatus?, body: String?, request: RequestDescription, situation: ErrorPresenter.Situation) -> PresentedError {
        let server = status?.message ?? body.map { Wording.clip($0, 200) } ?? "HTTP \(code)"
        switch code {
        case 401:
            let user = situation.user.map { "user \"\($0)\"" } ?? "the credentials"
            return PresentedError(
                message: "the API server rejected \(user)\(contextText(situation)) when trying to \(request) (401 Unauthorized)",
                hint: "the token or certificate is invalid or expired: log in again (or refresh the exec plugin's credentials) and check with `kubectl auth whoami`",
                exitCode: ExitStatus.permissionDenied)
        case 403:
            return PresentedError(
                message: "RBAC forbids this identity to \(request): \(server)",
                hint: "grant get/list/watch on \(request.resource) (check with `kubectl auth can-i \(request.verb) \(request.resource)\(request.namespace.map { " -n \($0)" } ?? " -A")`)",
                exitCode: ExitStatus.permissionDenied)
        case 404:
            return PresentedError(
                message: "the API server has no \(request.resource) at \(request.url) (404 NotFound): \(server)",
                hint: "check the server URL of\(contextText(situation)) and that the API group is served (kubectl api-resources)",
                exitCode: ExitStatus.unavailable)
        case 429, 500...599:
            return PresentedError(
                message: "the API server answered \(code) to \(request): \(server)",
                hint: "the API server is overloaded or failing; try again shortly",
                exitCode: ExitStatus.temporaryFailure)
        default:
            return PresentedError(
                message: "the API server refused to \(request) (\(code) \(status?.reason ?? "")): \(server)",
                hint: "re-run with -vv to see the request",
                exitCode: ExitStatus.unavailable)
        }
    }

    private static func transport(_ failure: HTTPError, request: RequestDescription, situation: ErrorPresenter.Situation) -> PresentedError {
        let server = situation.server ?? failure.url
        switch failure {
        case .unreachable(_, let detail):
            return PresentedError(
                message: "cannot reach the API server at \(server)\(contextText(situation)): \(detail)",
                hint: "check the server URL (kubectl config view --minify), your network, VPN or proxy, and that the cluster is running",
                exitCode: ExitStatus.unavailable)
        case .tlsFailure(_, let detail):
            return PresentedError(
                message: "TLS handshake with the API server at \(server)\(contextText(situation)) failed: \(detail)",
                hint: "check certificate-authority(-data) for the cluster and the client certificate; --insecure-skip-tls-verify disables verification (not recommended)",
                exitCode: ExitStatus.unavailable)
        case .timedOut(_, let after):
            return PresentedError(
                message: "the API server at \(server) did not answer \(request) within \(after?.formattedSeconds ?? "the time limit")",
                hint: "raise --request-timeout (e.g. --request-timeout 2m) or narrow the scope with -n",
                exitCode: ExitStatus.unavailable)
        case .connectionLost(_, let detail):
            return PresentedError(
                message: "the connection to the API server at \(server) broke during \(request): \(detail)",
                hint: "check the network path to the cluster (load balancer, proxy idle timeouts) and try again",
                exitCode: ExitStatus.unavailable)
        case .cancelled:
            return PresentedError(message: "\(request) was cancelled", hint: "run the command again", exitCode: ExitStatus.unavailable)
        case .invalidRequest(_, let detail):
            return PresentedError(
                message: "cannot send \(request) to \(server): \(detail)",
                hint: "check the kubeconfig's server URL and certificate data",
                exitCode: ExitStatus.configuration)
        }
    }

    /// Every credential failure exits as a permission problem; only the wording differs.
    private static func credential(_ failure: KubeAuthError, situation: ErrorPresenter.Situation) -> PresentedError {
        let (message, hint): (String, String) =
            switch failure {
            case .pluginNotFound(let command, let installHint):
                ("the credential plugin \"\(command)\"\(userText(situation)) is not installed or not on PATH",
                 installHint.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "install \(command) or fix users[].user.exec.command in the kubeconfig")
            case .pluginFailed(let command, let status, let stderr, let installHint):
                ("the credential plugin \"\(command)\"\(userText(situation)) failed (\(status))\(stderr.isEmpty ? "" : ": \(SecretScrubber.scrub(stderr))")",
                 installHint.map { "log in again with the plugin's tool; \($0.trimmingCharacters(in: .whitespacesAndNewlines))" } ?? "log in again with the plugin's tool, then retry")
            case .pluginTimedOut(let command, let after):
                ("the credential plugin \"\(command)\" did not answer within \(after.formattedSeconds)",
                 "run the plugin by hand to see what it waits for (a browser login, an MFA prompt)")
            case .pluginOutputInvalid(let command, let detail):
                ("the credential plugin \"\(command)\" printed an invalid ExecCredential: \(detail)",
                 "check that users[].user.exec.apiVersion matches the plugin's version")
            case .pluginNeedsTerminal(let command):
                ("the credential plugin \"\(command)\" requires an interactive terminal (interactiveMode: Always)",
                 "log in once with the plugin's own command, or set interactiveMode: IfAvailable")
            case .tokenFileUnreadable(let path, let reason):
                ("cannot read the token file \(path): \(reason)",
                 "fix users[].user.tokenFile in the kubeconfig, or mount the service account token")
            }
        return PresentedError(message: message, hint: hint, exitCode: ExitStatus.permissionDenied)
    }

    private static func contextText(_ situation: ErrorPresenter.Situation) -> String {
        situation.context.map { " (context \"\($0)\")" } ?? ""
    }

    private static func userText(_ situation: ErrorPresenter.Situation) -> String {
        situation.user.map { " of user \"\($0)\"" } ?? ""
    }
}
