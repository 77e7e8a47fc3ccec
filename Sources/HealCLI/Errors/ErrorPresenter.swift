import HealActions
import HealApp
import HealAdvisor
import HealAnalysis
import HealHTTP
import HealKube
import HealStore
import HealUsage

/// The one place that turns errors into messages, hints and exit codes. Commands throw; this
/// explains. Never a stack trace, never a bare "failed".
package enum ErrorPresenter {
    /// What the presenter may mention about the cluster in use (never credentials).
    package struct Situation: Sendable {
        package var context: String?
        package var server: String?
        package var user: String?

        package init(context: String? = nil, server: String? = nil, user: String? = nil) {
            self.context = context
            self.server = server
            self.user = user
        }
    }

    package static func present(_ error: any Error, situation: Situation = Situation()) -> PresentedError {
        switch error {
        case let failure as ClusterFailure:
            present(failure.underlying, situation: Situation(context: failure.context, server: failure.server, user: failure.user))
        case let error as PresentedError: error
        case let error as AppError: present(error)
        case let error as InvalidInput: PresentedError(message: error.message, hint: "see `kubectl heal --help`", exitCode: ExitStatus.usage)
        case let error as CLIError: present(error)
        case let error as KubeConfigError: KubeConfigErrorPresenter.present(error)
        case let error as KubeError: KubeErrorPresenter.present(error, situation: situation)
        case let error as SnapshotError: present(error)
        case let error as StoreError: StoreErrorPresenter.present(error)
        case let error as FailoverError: PresentedError(message: error.message, hint: error.hint, exitCode: exitCode(error))
        case let error as HealPolicyError: PresentedError(message: error.message, hint: error.hint, exitCode: ExitStatus.badInput)
        case let error as ReportConfigError: PresentedError(message: error.message, hint: error.hint, exitCode: ExitStatus.badInput)
        case let error as MetricsServerError: PresentedError(message: error.message, hint: error.hint, exitCode: exitCode(error))
        case let error as ScenarioError: PresentedError(message: error.message, hint: error.hint, exitCode: ExitStatus.usage)
        case let error as UsageError: UsageErrorPresenter.present(error, situation: situation)
        case let error as AdvisorError: AdvisorErrorPresenter.present(error)
        default:
            PresentedError(message: "internal error: \(error)", hint: "re-run with -vv for details and report it as a bug", exitCode: ExitStatus.internalError)
        }
    }

    private static func present(_ error: CLIError) -> PresentedError {
        switch error {
        case .llmNotConfigured(let flag):
            PresentedError(
                message: "\(flag) needs an OpenAI-compatible LLM endpoint, and none is configured",
                hint: "set --llm-base-url (or $KUBECTL_HEAL_LLM_BASE_URL / $OPENAI_BASE_URL) and --llm-model (or $KUBECTL_HEAL_LLM_MODEL) as the README's LLM section shows, or drop \(flag)",
                exitCode: ExitStatus.configuration)
        case .confirmationNeeded(let flag):
            PresentedError(
                message: "\(flag) changes the cluster and stdin is not a terminal to confirm on",
                hint: "review the plan (run without \(flag)), then add --yes", exitCode: ExitStatus.usage)
        case .resetNeedsConfirmation(let store):
            PresentedError(
                message: "learn reset deletes everything in \(store) and stdin is not a terminal to confirm on",
                hint: "keep a copy with `kubectl heal learn export FILE`, then add --yes", exitCode: ExitStatus.usage)
        }
    }

    private static func present(_ error: AppError) -> PresentedError {
        switch error {
        case .targetNotFound(let type, let name, let namespace):
            PresentedError(
                message: "\(type)/\(name) not found\(namespace.map { " in namespace \($0)" } ?? "")",
                hint: "list what exists with `kubectl get \(type)\(namespace.map { " -n \($0)" } ?? " -A")`, or check -n/--context",
                exitCode: ExitStatus.usage)
        case .pricingFileInvalid(let path, let problem, let hint):
            PresentedError(message: "pricing file \(path): \(problem)", hint: hint, exitCode: ExitStatus.badInput)
        case .patternNotFound(let id, let store):
            PresentedError(
                message: "no learned pattern \(id) in \(store)",
                hint: id.count < 4 ? "give the whole id or at least 4 characters of it; `kubectl heal learn list` shows them" : "list the patterns with `kubectl heal learn list`",
                exitCode: ExitStatus.usage)
        case .namespaceNotFound(let name, let place, let closest):
            PresentedError(
                message: "namespace \(name) does not exist in \(place)",
                hint: (closest.isEmpty ? "" : "did you mean \(closest.joined(separator: ", "))? ")
                    + "`kubectl get namespaces` lists them; check -n (or the context's namespace), or use -A for all of them",
                exitCode: ExitStatus.configuration)
        case .liveClusterNeeded:
            PresentedError(
                message: "--fix and --watch act on a live cluster, not on --snapshot files",
                hint: "drop --snapshot to work on the kubeconfig's cluster", exitCode: ExitStatus.usage)
        case .noContextSelected(let pattern, let available):
            PresentedError(
                message: pattern.map { "no kubeconfig context matches --contexts-matching \($0)" } ?? "the kubeconfig has no context",
                hint: available.isEmpty ? "add one with `kubectl config set-context`" : "the contexts are: \(available.joined(separator: ", "))",
                exitCode: ExitStatus.usage)
        case .historyNeedsPrometheus:
            PresentedError(
                message: "--snapshot files hold no usage history and no cluster to find Prometheus in",
                hint: "pass --prometheus-url, or drop --snapshot to find the cluster's Prometheus", exitCode: ExitStatus.usage)
        }
    }

    /// A malformed address is a usage error; a port taken by another process is unavailable.
    private static func exitCode(_ error: MetricsServerError) -> Int32 {
        switch error {
        case .invalidAddress: ExitStatus.usage
        case .addressInUse, .cannotListen: ExitStatus.unavailable
        }
    }

    /// Refusals exit 1 like a failed verification; a colour or label the user got wrong is a
    /// usage error; a Service that is not set up for blue/green is bad input.
    private static func exitCode(_ error: FailoverError) -> Int32 {
        switch error {
        case .colourLabelNotInSelector, .colourLabelAmbiguous, .unknownColour, .standbyAmbiguous, .objectMissing:
            ExitStatus.usage
        case .serviceHasNoSelector, .colourLabelNotFound, .colourHasSeveralDeployments, .noStandby:
            ExitStatus.badInput
        case .standbyCannotBecomeReady, .standbyNotReadyInTime, .gitOpsManaged, .kubeSystemNotNamed, .policyDenied, .interrupted:
            ExitStatus.findings
        case .selectorChangedConcurrently, .replicasChangedConcurrently:
            ExitStatus.temporaryFailure
        }
    }

    private static func present(_ error: SnapshotError) -> PresentedError {
        switch error {
        case .notFound(let path):
            PresentedError(message: "snapshot \(path) does not exist", hint: "pass a file or folder of `kubectl get -o json` output or a `kubectl cluster-info dump --output-directory` tree", exitCode: ExitStatus.badInput)
        case .unreadable(let path, let reason):
            PresentedError(message: "cannot read snapshot file \(path): \(reason)", hint: "check the file's permissions", exitCode: ExitStatus.badInput)
        case .invalid(let path, let detail):
            PresentedError(message: "snapshot file \(path) is not valid: \(detail)", hint: "re-create it with `kubectl get … -o json > FILE` or fix the field named above", exitCode: ExitStatus.badInput)
        case .empty(let path):
            PresentedError(message: "snapshot \(path) holds no Kubernetes objects that diagnose reads", hint: "capture pods (and related kinds): kubectl get pods,deployments,replicasets,services,endpointslices,events -A -o json > snapshot.json", exitCode: ExitStatus.badInput)
        }
    }
}
