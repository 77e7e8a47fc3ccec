import HealModel

/// Works out `FailoverStatus` for one discovered topology.
struct FailoverStatusBuilder {
    let topology: BlueGreenTopology
    let context: AnalysisContext

    private var serviceName: String { topology.service.metadata.name }
    private var namespace: String { topology.namespace }

    func build() -> FailoverStatus {
        let endpoints = serviceEndpoints()
        let colourOfPod = Dictionary(
            context.snapshot.pods.filter { $0.metadata.namespace == namespace }
                .compactMap { pod in pod.metadata.labels[topology.colourLabel].map { (pod.metadata.name, $0) } },
            uniquingKeysWith: { first, _ in first })
        var colours: [FailoverStatus.Colour] = topology.members.map { member in
            let mine = endpoints.filter { endpoint in endpoint.targetRef?.name.flatMap { colourOfPod[$0] } == member.colour }
            return colour(member, endpoints: mine)
        }
        if let active = topology.activeColour, topology.member(active) == nil {
            colours.append(missingColour(active))
        }
        let ready = endpoints.filter(\.isReady).count
        let active = colours.first { $0.active }
        let (verdict, reason) = verdict(active: active, readyEndpoints: ready)
        var status = FailoverStatus(
            service: serviceName, namespace: namespace, colourLabel: topology.colourLabel, activeColour: topology.activeColour,
            readyEndpoints: ready, endpoints: max(endpoints.count, active?.desiredReplicas ?? 0), verdict: verdict, reason: reason,
            colours: colours, recommendation: FailoverStatus.Recommendation(action: .none, text: ""))
        status.recommendation = recommend(status)
        return status
    }

    private func serviceEndpoints() -> [EndpointSlice.Endpoint] {
        context.snapshot.endpointSlices
            .filter { $0.metadata.namespace == namespace && $0.serviceName == serviceName }
            .flatMap(\.endpoints)
            .filter { $0.conditions?.terminating != true }
    }

    private func colour(_ member: BlueGreenTopology.Member, endpoints: [EndpointSlice.Endpoint]) -> FailoverStatus.Colour {
        let deployment = member.deployment
        let selector = deployment.spec.selector ?? LabelSelector(matchLabels: deployment.spec.template?.metadata?.labels ?? [:])
        let pods = context.snapshot.pods.filter {
            $0.metadata.namespace == namespace && $0.metadata.deletionTimestamp == nil && selector.matches($0.metadata.labels)
        }
        let readyPods = pods.filter(\.isReady).count
        let problems = pods.filter { !$0.isReady }.map { PodNotReadyReason($0, context: context) }
        let failing = problems.filter(\.isFailure)
        let desired = deployment.desiredReplicas
        let state: FailoverStatus.ColourState
        var reason: String?
        if desired == 0 && pods.isEmpty {
            state = .scaledToZero
            reason = "\(deployment.metadata.name) is scaled to 0 replicas"
        } else if readyPods >= desired && failing.isEmpty {
            state = .ready
        } else if !failing.isEmpty {
            state = readyPods > 0 ? .degraded : .down
            reason = PodNotReadyReason.summary(failing)
        } else {
            state = .starting
            reason = problems.isEmpty
                ? "pods not created yet\(replicaFailure(deployment).map { " (\($0))" } ?? "")"
                : PodNotReadyReason.summary(problems)
        }
        let images = (deployment.spec.template?.spec.containers ?? []).compactMap(\.image)
        return FailoverStatus.Colour(
            colour: member.colour, deployment: deployment.metadata.name, active: member.colour == topology.activeColour,
            desiredReplicas: desired, readyReplicas: readyPods, images: images,
            readyEndpoints: endpoints.filter(\.isReady).count, endpoints: endpoints.count, state: state, reason: reason,
            canTakeTraffic: failing.isEmpty || readyPods > 0)
    }

    /// The Deployment controller's own word on why pods are missing (quota, admission).
    private func replicaFailure(_ deployment: Deployment) -> String? {
        deployment.status?.conditions.first { $0.type == "ReplicaFailure" && $0.isTrue }?.message
    }

    private func missingColour(_ colour: String) -> FailoverStatus.Colour {
        FailoverStatus.Colour(
            colour: colour, deployment: "", active: true, desiredReplicas: 0, readyReplicas: 0, images: [], readyEndpoints: 0,
            endpoints: 0, state: .down, reason: "no Deployment has pods labelled \(topology.colourLabel)=\(colour)", canTakeTraffic: false)
    }

    private func verdict(active: FailoverStatus.Colour?, readyEndpoints: Int) -> (FailoverStatus.Verdict, String) {
        guard let active else {
            return (.down, "the selector of Service \(serviceName) has no \(topology.colourLabel) value, so it picks no colour")
        }
        let wanted = max(active.desiredReplicas, active.endpoints)
        let counted = "\(active.readyEndpoints) of \(Wording.count(wanted, "endpoint")) ready"
        let why = active.reason.map { ": \($0)" } ?? ""
        if active.readyEndpoints == 0 {
            return (.down, counted + why)
        }
        if active.readyEndpoints < wanted {
            return (.degraded, counted + why)
        }
        return (.healthy, "\(counted) on \(active.colour)")
    }

    private func recommend(_ status: FailoverStatus) -> FailoverStatus.Recommendation {
        let scope = "-n \(namespace)"
        let active = status.active
        let diagnoseActive = active.map { "kubectl heal diagnose deployment/\($0.deployment) \(scope)" }
        switch status.verdict {
        case .healthy:
            return .init(action: .none, text: "none: \(active?.colour ?? "the active colour") serves every endpoint")
        case .degraded:
            return .init(
                action: .investigate,
                text: "\(active?.colour ?? "the active colour") still serves \(status.readyEndpoints) ready endpoint(s); investigate it, and fail over only if it goes down",
                command: diagnoseActive)
        case .down:
            let standbys = status.colours.filter { !$0.active && !$0.deployment.isEmpty }
            if let target = standbys.first(where: \.canTakeTraffic) {
                let warmUp = target.state == .scaledToZero ? " (scaled to 0 now; failover scales it up and waits until it is Ready)" : ""
                return .init(
                    action: .failover, text: "fail over to \(target.colour)\(warmUp)",
                    command: "kubectl heal failover \(serviceName) --to \(target.colour) \(scope) --apply")
            }
            let others = standbys.map { "\($0.colour): \($0.reason ?? $0.state.rawValue)" }.joined(separator: "; ")
            return .init(
                action: .fixActive,
                text: standbys.isEmpty
                    ? "fix \(active?.colour ?? "the active colour"); there is no standby colour to fail over to"
                    : "do not fail over, the standby is failing too (\(others)); fix \(active?.colour ?? "the active colour")",
                command: diagnoseActive)
        }
    }
}
