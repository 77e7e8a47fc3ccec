/// Why the metrics endpoint could not start.
package enum MetricsServerError: Error, Sendable, Equatable {
    /// Not `HOST:PORT`, or the host does not resolve.
    case invalidAddress(address: String, reason: String)
    /// Another process (or another kubectl-heal) listens there.
    case addressInUse(address: String)
    /// Anything else the kernel refused: a privileged port, an address not on this machine.
    case cannotListen(address: String, reason: String)
}

extension MetricsServerError {
    package var message: String {
        switch self {
        case .invalidAddress(let address, let reason):
            "--metrics-addr \(address) is not a usable address: \(reason)"
        case .addressInUse(let address):
            "--metrics-addr \(address) is already in use by another process"
        case .cannotListen(let address, let reason):
            "cannot listen on --metrics-addr \(address): \(reason)"
        }
    }

    package var hint: String {
        switch self {
        case .invalidAddress:
            "write HOST:PORT, e.g. --metrics-addr 127.0.0.1:9464, or :9464 for every interface"
        case .addressInUse:
            "stop the process listening there (`ss -ltnp` lists listeners) or choose another port"
        case .cannotListen:
            "use an address of this machine and a port above 1023, e.g. --metrics-addr :9464"
        }
    }
}
