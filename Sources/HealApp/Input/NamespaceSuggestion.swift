import HealAnalysis
import HealModel

/// The existing namespaces a mistyped one most likely meant.
enum NamespaceSuggestion {
    /// Up to three names within a few edits of `name` (half its length, at least two), nearest
    /// first.
    static func closest(to name: String, among names: [String]) -> [String] {
        EditDistance.nearest(to: name, among: Set(names).sorted(), within: max(2, name.count / 2), count: 3)
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
