import ArgumentParser
import HealActions

/// `--metrics-addr HOST:PORT` (`:PORT` for every interface), refused as a usage error when it
/// is not an address.
enum MetricsAddressFlag {
    static func check(_ text: String) throws {
        do {
            _ = try MetricsAddress(parsing: text)
        } catch {
            throw ValidationError("\(error.message); \(error.hint)")
        }
    }
}
