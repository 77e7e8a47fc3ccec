import HealAnalysis

extension HealMetrics {
    /// Counts what the healing loop reports: problems detected (with their detection latency)
    /// and every action's outcome (with how long it took to repair).
    package func record(_ event: HealEvent) {
        let action = event.step.flatMap { Remediation.Action(rawValue: $0.action) }
        let source = event.step.flatMap { Finding.Source(rawValue: $0.source) } ?? .rule
        switch event.type {
        case .detected:
            incidentDetected(code: event.code, namespace: event.workload.namespace ?? "default", latencySeconds: event.latencySeconds)
        case .succeeded, .rolledBack, .failed, .refused, .unverified, .interrupted:
            guard let action else { return }
            let outcome: Outcome = switch event.type {
            case .succeeded: .succeeded
            case .rolledBack: .rolledBack
            case .refused: .refused
            case .unverified: .unverified
            case .interrupted: .interrupted
            default: .failed
            }
            actionFinished(action, outcome: outcome, source: source, seconds: event.seconds)
        case .leftAlone:
            guard let action else { return }
            actionFinished(action, outcome: .refused, source: source, seconds: nil)
        case .resolved, .applying, .disconnected, .reconnected:
            break
        }
    }
}
