import HealActions

extension FailoverResult {
    /// The exit code of a switch that was carried out and, when it did not hold, what to tell
    /// the user on stderr: 1 for a switch rolled back or refused, else 0.
    func verdict(timeout: String) -> (exitCode: Int32, problem: PresentedError?) {
        switch outcome {
        case .succeeded, .nothingToDo:
            return (ExitStatus.success, nil)
        case .rolledBack:
            return (ExitStatus.findings, PresentedError(
                message: "service/\(plan.service) had no ready endpoints on \(plan.to) within \(timeout); the selector was switched back to \(plan.from ?? "its previous value")",
                hint: "find out why with `kubectl heal diagnose deployment/\(plan.toDeployment) -n \(plan.namespace)`",
                exitCode: ExitStatus.findings))
        case .refused:
            return (ExitStatus.findings, error.map { ErrorPresenter.present($0) })
        }
    }
}
