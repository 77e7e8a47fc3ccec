import Foundation

/// Builds request bodies (merge patches, Events, Leases) from plain dictionaries, with sorted
/// keys so what is sent and recorded reads the same every time. Only values that are absent
/// are left out: a patch never carries an accidental `null`.
enum JSONBody {
    static func encode(_ object: [String: Any]) -> Data {
        // Dictionaries of strings, numbers, booleans and nested dictionaries always serialize.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
