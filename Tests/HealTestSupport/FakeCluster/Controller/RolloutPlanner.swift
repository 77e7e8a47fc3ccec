/// One step of the deployment controller's rollout (`rolloutRolling` / `rolloutRecreate` in
/// kube-controller-manager): how many replicas each ReplicaSet of a Deployment should have next,
/// given how many of their pods are available. The controller applies a step, the pods react,
/// and the next reconcile round takes the next step — so a rollout whose new pods never become
/// available stalls with the old pods serving, as the captured mysql-client rollout does.
enum RolloutPlanner {
    struct ReplicaSetCount: Equatable {
        let name: String
        var replicas: Int
        let available: Int
    }

    /// `old` oldest first. Returns the new replica counts (the new ReplicaSet's and the old ones').
    static func step(
        new: ReplicaSetCount, old: [ReplicaSetCount], desired: Int, strategy: JSONValue?
    ) -> (new: Int, old: [Int]) {
        var old = old
        if strategy?["type"]?.stringValue == "Recreate" {
            let oldPods = old.reduce(0) { $0 + $1.replicas }
            return oldPods > 0 ? (new.replicas, old.map { _ in 0 }) : (desired, old.map(\.replicas))
        }
        let surge = limit(strategy?.value(at: ["rollingUpdate", "maxSurge"]), of: desired, roundUp: true)
        var unavailable = limit(strategy?.value(at: ["rollingUpdate", "maxUnavailable"]), of: desired, roundUp: false)
        if surge == 0, unavailable == 0 { unavailable = 1 }
        let allPods = old.reduce(new.replicas) { $0 + $1.replicas }

        // Scale the new ReplicaSet up within the surge (or down to the target); one move per step.
        if new.replicas > desired { return (desired, old.map(\.replicas)) }
        if new.replicas < desired, desired + surge - allPods > 0 {
            return (min(desired, new.replicas + desired + surge - allPods), old.map(\.replicas))
        }
        // Scale old ones down as far as availability allows: unavailable pods first.
        let minAvailable = desired - unavailable
        let maxScaledDown = allPods - minAvailable - (new.replicas - new.available)
        guard maxScaledDown > 0 else { return (new.replicas, old.map(\.replicas)) }
        var cleaned = 0
        for index in old.indices where old[index].replicas > old[index].available && cleaned < maxScaledDown {
            let count = min(maxScaledDown - cleaned, old[index].replicas - old[index].available)
            old[index].replicas -= count
            cleaned += count
        }
        let available = old.reduce(new.available) { $0 + min($1.available, $1.replicas) }
        var scaledDown = 0
        for index in old.indices where available - minAvailable - scaledDown > 0 {
            let count = min(old[index].replicas, available - minAvailable - scaledDown)
            old[index].replicas -= count
            scaledDown += count
        }
        return (new.replicas, old.map(\.replicas))
    }

    /// `maxSurge`/`maxUnavailable` (a count or a percentage; 25% when unset) of `replicas`,
    /// percentages rounded up for the surge and down for unavailability, as the controller does.
    static func limit(_ value: JSONValue?, of replicas: Int, roundUp: Bool) -> Int {
        switch value {
        case .number(let literal)?: return Int(literal) ?? 0
        case .string(let text)? where text.hasSuffix("%"):
            let percent = Int(text.dropLast()) ?? 25
            return roundUp ? (percent * replicas + 99) / 100 : percent * replicas / 100
        case .string(let text)?: return Int(text) ?? 0
        default: return roundUp ? (25 * replicas + 99) / 100 : 25 * replicas / 100
        }
    }
}
