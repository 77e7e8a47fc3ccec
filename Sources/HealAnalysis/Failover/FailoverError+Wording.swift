import HealModel

extension FailoverError {
    /// What went wrong, naming the Service, colour or Deployment.
    package var message: String {
        switch self {
        case .serviceHasNoSelector(let service):
            "service/\(service) has no selector, so it has no colour to switch"
        case .colourLabelNotInSelector(let service, let label, let selector):
            "--label \(label) is not a key of the selector of service/\(service) (\(selector))"
        case .colourLabelNotFound(let service, let selector):
            "cannot tell which label of service/\(service)'s selector (\(selector)) is the colour: no key has Deployments with two or more values"
        case .colourLabelAmbiguous(let service, let candidates):
            "several labels of service/\(service)'s selector could be the colour: \(candidates.joined(separator: ", "))"
        case .colourHasSeveralDeployments(let colour, let label, let deployments):
            "\(deployments.count) Deployments carry \(label)=\(colour) (\(deployments.joined(separator: ", "))), so the colour does not name one Deployment"
        case .unknownColour(let service, let colour, let available):
            "no Deployment behind service/\(service) has the colour \"\(colour)\" (colours: \(available.joined(separator: ", ")))"
        case .noStandby(let service, let active):
            "service/\(service) has no standby colour: only \(active) has a Deployment"
        case .standbyAmbiguous(let service, let candidates):
            "service/\(service) has several standby colours (\(candidates.joined(separator: ", "))) and none stands out"
        case .standbyCannotBecomeReady(let colour, let deployment, let reason):
            "refusing to switch to \(colour): deployment/\(deployment) is failing (\(reason)); switching would leave the Service with no ready endpoints. Nothing was changed"
        case .standbyNotReadyInTime(let colour, let deployment, let ready, let wanted, let timeout, let reason):
            "refusing to switch to \(colour): deployment/\(deployment) had \(ready) of \(wanted) pods Ready after \(DurationText.format(seconds: timeout))\(reason.isEmpty ? "" : " (\(reason))"); it was scaled back and the Service was not changed"
        case .gitOpsManaged(let object, let manager):
            "\(object) is managed by \(manager): its auto-sync would revert the switch"
        case .kubeSystemNotNamed(let service):
            "service/\(service) is in kube-system, which kubectl-heal changes only when named with -n kube-system"
        case .selectorChangedConcurrently(let service, let expected, let found):
            "the selector of service/\(service) changed while failing over: expected \(expected), found \(found); nothing was switched"
        case .replicasChangedConcurrently(let deployment, let expected, let found):
            "the replicas of deployment/\(deployment) changed while failing over: expected \(expected), found \(found); they were left as they are"
        case .interrupted(let standby):
            "interrupted before the switch; nothing was switched\(standby.map { " and deployment/\($0) was scaled back to its size" } ?? "")"
        case .objectMissing(let kind, let name, let namespace):
            "\(kind)/\(name) not found in namespace \(namespace)"
        case .policyDenied(let deployment, let reason):
            "refusing to fail over: a failover scales deployment/\(deployment), and \(reason). Nothing was changed"
        }
    }

    /// What to run or change next.
    package var hint: String {
        switch self {
        case .serviceHasNoSelector, .colourLabelNotFound, .colourHasSeveralDeployments:
            "failover needs one Deployment per colour whose pod labels match the Service selector except for the colour label (e.g. app=web + version=blue|green)"
        case .colourLabelNotInSelector, .colourLabelAmbiguous:
            "pass --label with the selector key that names the colour"
        case .unknownColour, .standbyAmbiguous:
            "pass --to with one of the colours listed by `kubectl heal failover status SERVICE`"
        case .noStandby:
            "create a standby Deployment with the other colour (it may have 0 replicas)"
        case .standbyCannotBecomeReady(_, let deployment, _), .standbyNotReadyInTime(_, let deployment, _, _, _, _):
            "fix the standby first: kubectl heal diagnose deployment/\(deployment)"
        case .gitOpsManaged:
            "change the colour in Git instead, or pass --force (and pause auto-sync) to switch anyway"
        case .kubeSystemNotNamed:
            "pass -n kube-system explicitly if you mean it"
        case .selectorChangedConcurrently(let service, _, _):
            "check who else manages service/\(service), then run `kubectl heal failover status \(service)`"
        case .replicasChangedConcurrently(let deployment, _, _):
            "check what else scales deployment/\(deployment) (an HorizontalPodAutoscaler?), then run `kubectl heal failover status`"
        case .interrupted:
            "run `kubectl heal failover switch` again when you are ready"
        case .objectMissing(let kind, _, let namespace):
            "list them with kubectl get \(kind) -n \(namespace)"
        case .policyDenied:
            "allow scale for these Deployments in the policy file if a failover may run here"
        }
    }
}
