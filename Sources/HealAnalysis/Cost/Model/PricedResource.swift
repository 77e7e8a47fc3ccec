/// The two resources that are priced (not HealModel's `ResourceKind`, the API kinds).
package enum PricedResource: String, Sendable, Equatable, Encodable {
    case cpu
    case memory

    /// "CPU", "memory": as a sentence names them.
    package var displayName: String {
        switch self {
        case .cpu: "CPU"
        case .memory: "memory"
        }
    }
}
