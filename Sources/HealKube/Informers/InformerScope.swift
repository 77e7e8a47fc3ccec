import HealModel

/// Which objects one informer follows: a kind, in one namespace or all of them (cluster-scoped
/// kinds always all), narrowed by selectors. Two consumers asking for the same scope share one
/// informer, and so one list and one watch.
package struct InformerScope: Hashable, Sendable, CustomStringConvertible {
    package let kind: ResourceKind
    /// nil: every namespace.
    package let namespace: String?
    package let labelSelector: String?
    package let fieldSelector: String?

    package init(_ kind: ResourceKind, namespace: String?, labelSelector: String? = nil, fieldSelector: String? = nil) {
        self.kind = kind
        self.namespace = kind.isNamespaced ? namespace : nil
        self.labelSelector = labelSelector.flatMap { $0.isEmpty ? nil : $0 }
        self.fieldSelector = fieldSelector.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The same selectors across every namespace: an informer of that scope holds this one's
    /// objects too.
    var allNamespaces: InformerScope {
        InformerScope(kind, namespace: nil, labelSelector: labelSelector, fieldSelector: fieldSelector)
    }

    package var description: String {
        var text = kind.groupResource + (namespace.map { " in \($0)" } ?? "")
        if let labelSelector { text += " -l \(labelSelector)" }
        if let fieldSelector { text += " --field-selector \(fieldSelector)" }
        return text
    }
}
