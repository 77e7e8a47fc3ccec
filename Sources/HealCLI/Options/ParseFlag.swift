import ArgumentParser
import HealApp

/// Reads a typed value with HealApp's parser; its complaint becomes a usage error, prefixed
/// with the flag it came from (nil for a positional argument). `validate()` calls it only to
/// check a value, so its result may be dropped.
@discardableResult
func parseFlag<Value>(_ flag: String?, _ parse: () throws(InvalidInput) -> Value) throws -> Value {
    do {
        return try parse()
    } catch {
        throw ValidationError([flag, error.message].compactMap { $0 }.joined(separator: " "))
    }
}
