import HealModel

/// The truth about a blue/green Service at one moment: which colour serves, how many of its
/// endpoints are ready and why not, whether each other colour could take over, and what to do.
package struct FailoverStatus: Sendable, Encodable {
    /// How the Service is doing for its clients.
    package enum Verdict: String, Sendable, Encodable {
        /// The active colour has all its desired endpoints ready.
        case healthy
        /// Some, not all, endpoints are ready.
        case degraded
        /// No ready endpoint: clients get errors.
        case down
    }

    /// What one colour's Deployment is doing.
    package enum ColourState: String, Sendable, Encodable {
        /// Every desired pod is Ready.
        case ready
        /// Pods are being created or are starting, and none is failing.
        case starting
        /// Some pods are Ready, others are failing.
        case degraded
        /// No pod is Ready and they are failing (or there is no Deployment for the colour).
        case down
        /// A cold standby: 0 replicas.
        case scaledToZero = "scaled-to-zero"
    }

    package struct Colour: Sendable, Encodable {
        package var colour: String
        package var deployment: String
        package var active: Bool
        package var desiredReplicas: Int
        package var readyReplicas: Int
        package var images: [String]
        /// Ready endpoints of this colour behind the Service (zero for a standby, which the
        /// selector does not pick).
        package var readyEndpoints: Int
        package var endpoints: Int
        package var state: ColourState
        /// Why its pods are not all Ready, in the pods' own words (nil when they are).
        package var reason: String?
        /// False when its pods are failing now: sending traffic there would be a blackout.
        package var canTakeTraffic: Bool
    }

    package struct Recommendation: Sendable, Encodable {
        package enum Action: String, Sendable, Encodable {
            case none, investigate, failover
            /// Every colour is failing: fix the active one; failing over would not help.
            case fixActive = "fix-active"
        }

        package var action: Action
        package var text: String
        /// The command to run, when there is one.
        package var command: String?
    }

    package var service: String
    package var namespace: String
    package var colourLabel: String
    package var activeColour: String?
    package var readyEndpoints: Int
    package var endpoints: Int
    package var verdict: Verdict
    package var reason: String
    package var colours: [Colour]
    package var recommendation: Recommendation

    package func colour(_ name: String) -> Colour? {
        colours.first { $0.colour == name }
    }

    package var active: Colour? {
        activeColour.flatMap(colour)
    }

    /// Reads everything from `snapshot`, which must hold the Service's namespace: the Service,
    /// Deployments, pods, EndpointSlices and (for the reasons) events.
    package static func evaluate(
        _ snapshot: ClusterSnapshot, service name: String, namespace: String, label: String? = nil, now: Timestamp
    ) throws(FailoverError) -> FailoverStatus {
        guard let service = snapshot.services.first(where: { $0.metadata.name == name && $0.metadata.namespace == namespace }) else {
            throw .objectMissing(kind: "service", name: name, namespace: namespace)
        }
        let topology = try BlueGreenTopology.discover(service: service, deployments: snapshot.deployments, label: label)
        return FailoverStatusBuilder(topology: topology, context: AnalysisContext(snapshot: snapshot, now: now)).build()
    }
}
