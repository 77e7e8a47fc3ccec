import HealModel

/// When `failover watch` acts: the trigger has to hold for a while before a failover, the
/// original colour has to be stable for a while before a fail-back (hysteresis, so a flapping
/// colour does not bounce traffic), and a cap bounds the switches per window. Pure: the watcher
/// feeds it statuses and times, it answers with a decision and a sentence saying why.
package struct FailoverTrigger: Sendable {
    package enum Condition: String, Sendable, CaseIterable {
        /// The active colour has no ready endpoint.
        case noEndpoints = "no-endpoints"
        /// The active colour has fewer ready endpoints than desired replicas.
        case notReady = "not-ready"
    }

    package struct Policy: Sendable {
        package var condition: Condition
        package var holdForSeconds: Double
        package var failback: Bool
        package var stableForSeconds: Double
        package var maxSwitches: Int
        package var windowSeconds: Double

        package init(
            condition: Condition = .noEndpoints, holdForSeconds: Double = 10, failback: Bool = false, stableForSeconds: Double = 20,
            maxSwitches: Int = 3, windowSeconds: Double = 3600
        ) {
            self.condition = condition
            self.holdForSeconds = holdForSeconds
            self.failback = failback
            self.stableForSeconds = stableForSeconds
            self.maxSwitches = maxSwitches
            self.windowSeconds = windowSeconds
        }
    }

    package enum Decision: Sendable, Equatable {
        case failover(to: String, reason: String)
        case failback(to: String, reason: String)
        /// Nothing to do now, and why.
        case wait(String)

        /// The colour to switch to and why, for the decisions that switch.
        package var switchTarget: (to: String, reason: String)? {
            switch self {
            case .failover(let to, let reason), .failback(let to, let reason): (to, reason)
            case .wait: nil
            }
        }

        package var sentence: String {
            switch self {
            case .failover(let to, let reason): "\(reason); failing over to \(to)."
            case .failback(let to, let reason): "\(reason); failing back to \(to)."
            case .wait(let why): why
            }
        }
    }

    package let policy: Policy
    /// The colour to fail back to: the one this watcher failed over from.
    package private(set) var originalColour: String?
    private var triggeredSince: Double?
    private var stableSince: Double?
    private var switches: [Double] = []

    package init(policy: Policy) {
        self.policy = policy
    }

    package mutating func decide(_ status: FailoverStatus, at now: Double) -> Decision {
        guard let active = status.active, !active.deployment.isEmpty else {
            triggeredSince = nil
            return .wait("service/\(status.service) selects no known colour (\(status.reason)); waiting")
        }
        if policy.failback, let original = originalColour, original != active.colour, let home = status.colour(original) {
            if let decision = failbackDecision(home, at: now) { return decision }
        } else {
            stableSince = nil
        }
        guard isTriggered(active) else {
            triggeredSince = nil
            return .wait("\(active.colour) serves: \(status.reason)")
        }
        let since = triggeredSince ?? now
        triggeredSince = since
        let what = policy.condition == .noEndpoints ? "no ready endpoints" : "fewer ready endpoints than replicas"
        guard now - since >= policy.holdForSeconds else {
            return .wait("\(active.colour) has \(what) (\(status.reason)); failing over if this lasts \(DurationText.format(seconds: policy.holdForSeconds))")
        }
        let held = "\(active.colour) has had \(what) for \(DurationText.format(seconds: policy.holdForSeconds)) (\(status.reason))"
        let standbys = status.colours.filter { !$0.active && !$0.deployment.isEmpty }
        guard let target = standbys.first(where: \.canTakeTraffic) else {
            let why = standbys.isEmpty ? "there is no standby colour" : standbys.map { "\($0.colour) is failing too (\($0.reason ?? $0.state.rawValue))" }.joined(separator: "; ")
            return .wait("\(held), but \(why); not failing over")
        }
        if let capped = capReached(now) { return .wait("\(held), but \(capped); not failing over") }
        return .failover(to: target.colour, reason: held)
    }

    /// Called after every attempt, whatever its outcome: it counts towards the cap, and the
    /// trigger must hold again before the next one.
    package mutating func recordSwitch(from: String?, to: String, succeeded: Bool, at now: Double) {
        switches.append(now)
        triggeredSince = nil
        stableSince = nil
        guard succeeded else { return }
        if to == originalColour {
            originalColour = nil
        } else if originalColour == nil {
            originalColour = from
        }
    }

    private mutating func failbackDecision(_ home: FailoverStatus.Colour, at now: Double) -> Decision? {
        guard home.state == .ready, home.readyReplicas > 0 else {
            stableSince = nil
            return nil
        }
        let since = stableSince ?? now
        stableSince = since
        let stable = DurationText.format(seconds: policy.stableForSeconds)
        guard now - since >= policy.stableForSeconds else {
            return .wait("\(home.colour) is Ready again (\(home.readyReplicas) of \(home.desiredReplicas) pods); failing back once it stays Ready for \(stable)")
        }
        let reason = "\(home.colour) has been Ready (\(home.readyReplicas) of \(home.desiredReplicas) pods) for \(stable)"
        if let capped = capReached(now) { return .wait("\(reason), but \(capped); not failing back") }
        return .failback(to: home.colour, reason: reason)
    }

    private func isTriggered(_ active: FailoverStatus.Colour) -> Bool {
        switch policy.condition {
        case .noEndpoints: active.readyEndpoints == 0
        case .notReady: active.readyEndpoints < max(1, active.desiredReplicas)
        }
    }

    private func capReached(_ now: Double) -> String? {
        let recent = switches.filter { now - $0 < policy.windowSeconds }.count
        guard recent >= policy.maxSwitches else { return nil }
        return "\(recent) switches in the last \(DurationText.format(seconds: policy.windowSeconds)) already reach --max-failovers \(policy.maxSwitches)"
    }
}
