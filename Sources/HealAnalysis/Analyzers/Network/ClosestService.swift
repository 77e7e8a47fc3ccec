import HealModel

/// The Service a route (an Ingress path, an HTTPRoute backend) probably meant when the one it
/// names does not exist: the closest name among the Services exposing its port, a renamed or
/// mistyped backend. Without a port to go by, only near-identical names count.
enum ClosestService {
    /// How far apart two names may be and still be one mistyped for the other.
    static let typoDistance = 2

    static func to(_ name: String, port: Int?, portName: String?, among services: [Service]) -> Service? {
        let candidates = services.filter { service in
            switch (port, portName) {
            case (let number?, _): service.spec.ports.contains { $0.port == number }
            case (nil, let portName?): service.spec.ports.contains { $0.name == portName }
            default: true
            }
        }
        let scored = candidates.map { ($0, EditDistance.between($0.metadata.name, name)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = port == nil && portName == nil ? typoDistance : max(typoDistance, name.count / 2)
        return best.1 <= limit ? best.0 : nil
    }
}
