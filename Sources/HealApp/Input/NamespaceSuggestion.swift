import HealAnalysis
import HealModel

/// The existing namespaces a mistyped one most likely meant.
enum NamespaceSuggestion {
    /// Up to three names within a few edits of `name` (half its length, at least two), nearest
    /// first.
    static func closest(to name: String, among names: [String]) -> [String] {
        let limit = max(2, name.count / 2)
        return Set(names)
            .map { ($0, EditDistance.between($0, name)) }
            .filter { $0.1 <= limit }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(3)
            .map(\.0)
    }
}

extension ClusterSnapshot {
    /// Whether any object of a namespaced kind was read.
    var holdsNamespacedObjects: Bool {
        KindRegistry.kinds.contains { $0.isNamespaced && count(of: $0) > 0 }
    }

    /// The namespaces the objects read are in.
    var namespaces: [String] {
        Array(Set(KindRegistry.kinds.filter(\.isNamespaced).flatMap { metadata(of: $0).compactMap(\.namespace) }))
    }
}
