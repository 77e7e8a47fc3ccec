/// What `kubectl heal failover SERVICE` will do, decided before anything changes. Printed as
/// the plan without `--apply`, carried out step by step with it.
package struct FailoverPlan: Sendable, Encodable {
    /// What happens to the colour that served before, once the switch is verified.
    package enum OldColour: Sendable, Equatable, Encodable {
        case keep
        case scaleDown(afterSeconds: Double)

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .keep:
                try container.encode("keep", forKey: .policy)
            case .scaleDown(let seconds):
                try container.encode("scale-down", forKey: .policy)
                try container.encode(seconds, forKey: .afterSeconds)
            }
        }

        private enum CodingKeys: String, CodingKey { case policy, afterSeconds }
    }

    package enum StepKind: String, Sendable, Encodable, CaseIterable {
        case scaleStandby = "scale-standby"
        case waitReady = "wait-ready"
        case switchSelector = "switch-selector"
        case verify
        case rollback
        case scaleDownOld = "scale-down-old"
    }

    package struct Step: Sendable, Encodable {
        package var kind: StepKind
        package var description: String
    }

    package var service: String
    package var namespace: String
    package var colourLabel: String
    package var from: String?
    package var to: String
    package var fromDeployment: String?
    package var toDeployment: String
    /// The standby's replicas before the failover (restored if it never gets Ready).
    package var standbyReplicasBefore: Int
    /// Ready pods wanted on the new colour before the switch.
    package var replicas: Int
    package var timeoutSeconds: Double
    package var oldColour: OldColour
    package var reason: String
    /// True when the Service already sends traffic to `to`: there is nothing to do.
    package var alreadyActive: Bool
    package var steps: [Step]
}
