/// Why a failover cannot be planned or carried out. The CLI presenter turns each case into a
/// message naming the Service or Deployment, a hint and an exit code.
package enum FailoverError: Error, Sendable, Equatable {
    /// The Service selects nothing, so there is no colour to switch.
    case serviceHasNoSelector(service: String)
    /// `--label` names a key the Service's selector does not have.
    case colourLabelNotInSelector(service: String, label: String, selector: String)
    /// No key of the selector has Deployments with two or more values.
    case colourLabelNotFound(service: String, selector: String)
    /// Several keys could be the colour and none is a conventional name.
    case colourLabelAmbiguous(service: String, candidates: [String])
    /// Two Deployments carry the same colour, so switching would be a guess.
    case colourHasSeveralDeployments(colour: String, label: String, deployments: [String])
    /// `--to` names a colour no Deployment carries.
    case unknownColour(service: String, colour: String, available: [String])
    /// Only the active colour exists, or several standbys and no `--to`.
    case noStandby(service: String, active: String)
    case standbyAmbiguous(service: String, candidates: [String])
    /// The standby is failing now (crash loop, bad image, failing probe…): switching would
    /// cause a blackout. Nothing was changed.
    case standbyCannotBecomeReady(colour: String, deployment: String, reason: String)
    /// The standby did not get `wanted` Ready pods within the timeout. It was scaled back and
    /// the Service was not touched.
    case standbyNotReadyInTime(colour: String, deployment: String, ready: Int, wanted: Int, timeoutSeconds: Double, reason: String)
    /// The object is managed by Argo CD or Flux and `--force` was not given.
    case gitOpsManaged(object: String, manager: String)
    /// kube-system came from the context's default namespace, not from `-n`.
    case kubeSystemNotNamed(service: String)
    /// Someone else changed the Service's colour while this failover ran.
    case selectorChangedConcurrently(service: String, expected: String, found: String)
    /// Someone else (an HPA, a person) changed a colour's replicas while this failover ran.
    case replicasChangedConcurrently(deployment: String, expected: Int, found: Int)
    /// The `--policy` file denies scaling one of the colours' Deployments.
    case policyDenied(deployment: String, reason: String)
    /// SIGINT/SIGTERM arrived before the switch; `standby`, when it was scaled up, went back.
    case interrupted(standby: String?)
    /// The Service or Deployment disappeared.
    case objectMissing(kind: String, name: String, namespace: String)
}
