import HealModel

/// What the user (or the watcher) asks for.
package struct FailoverRequest: Sendable {
    package var to: String?
    package var replicas: Int?
    package var timeoutSeconds: Double
    package var oldColour: FailoverPlan.OldColour
    /// Why, in one sentence: recorded in the Service's annotation and its Events.
    package var reason: String

    package init(to: String? = nil, replicas: Int? = nil, timeoutSeconds: Double = 120, oldColour: FailoverPlan.OldColour = .scaleDown(afterSeconds: 30), reason: String) {
        self.to = to
        self.replicas = replicas
        self.timeoutSeconds = timeoutSeconds
        self.oldColour = oldColour
        self.reason = reason
    }
}

/// Turns a status and a request into a plan, or refuses: a standby that is failing now is
/// never switched to, because that turns an outage into a blackout.
package enum FailoverPlanner {
    package static func plan(_ status: FailoverStatus, _ request: FailoverRequest) throws(FailoverError) -> FailoverPlan {
        let target = try targetColour(status, request)
        let active = status.active
        let replicas = request.replicas ?? max(1, active?.desiredReplicas ?? 1)
        var plan = FailoverPlan(
            service: status.service, namespace: status.namespace, colourLabel: status.colourLabel, from: status.activeColour,
            to: target.colour, fromDeployment: active.map(\.deployment).flatMap(\.nonEmpty), toDeployment: target.deployment,
            standbyReplicasBefore: target.desiredReplicas, replicas: replicas, timeoutSeconds: request.timeoutSeconds,
            oldColour: request.oldColour, reason: request.reason, alreadyActive: target.active, steps: [])
        guard !target.active else { return plan }
        guard target.canTakeTraffic else {
            throw .standbyCannotBecomeReady(colour: target.colour, deployment: target.deployment, reason: target.reason ?? target.state.rawValue)
        }
        let timeout = DurationText.format(seconds: request.timeoutSeconds)
        if target.desiredReplicas < replicas {
            plan.steps.append(.init(
                kind: .scaleStandby,
                description: "scale deployment/\(target.deployment) from \(target.desiredReplicas) to \(replicas) replicas (server-side dry run first)"))
        }
        plan.steps.append(.init(kind: .waitReady, description: "wait up to \(timeout) for \(Wording.count(replicas, "Ready pod")) of \(target.deployment)"))
        let from = status.activeColour.map { "\(status.colourLabel)=\($0)" } ?? "no \(status.colourLabel)"
        plan.steps.append(.init(
            kind: .switchSelector,
            description: "switch service/\(status.service) selector \(from) → \(status.colourLabel)=\(target.colour) (resourceVersion precondition) and record it in the \(FailoverAnnotation.key) annotation"))
        plan.steps.append(.init(
            kind: .verify,
            description: "verify service/\(status.service) has ready endpoints on \(target.colour) within \(timeout); otherwise switch the selector back\(status.activeColour.map { " to \($0)" } ?? "")"))
        if case .scaleDown(let seconds) = request.oldColour, let old = plan.fromDeployment {
            plan.steps.append(.init(
                kind: .scaleDownOld,
                description: "scale deployment/\(old) down to 0 replicas \(DurationText.format(seconds: seconds)) after the verified switch"))
        }
        return plan
    }

    private static func targetColour(_ status: FailoverStatus, _ request: FailoverRequest) throws(FailoverError) -> FailoverStatus.Colour {
        let members = status.colours.filter { !$0.deployment.isEmpty }
        if let wanted = request.to {
            guard let colour = members.first(where: { $0.colour == wanted }) else {
                throw .unknownColour(service: status.service, colour: wanted, available: members.map(\.colour))
            }
            return colour
        }
        let standbys = members.filter { !$0.active }
        if standbys.count == 1 { return standbys[0] }
        guard !standbys.isEmpty else { throw .noStandby(service: status.service, active: status.activeColour ?? "none") }
        let usable = standbys.filter(\.canTakeTraffic)
        if usable.count == 1 { return usable[0] }
        throw .standbyAmbiguous(service: status.service, candidates: standbys.map(\.colour))
    }
}
