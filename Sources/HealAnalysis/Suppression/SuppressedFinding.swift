/// A finding left out of the report, and who asked for that. `-o wide`, JSON and YAML list them
/// so that a quiet report can be audited.
package struct SuppressedFinding: Codable, Sendable, Equatable {
    package struct Suppression: Codable, Sendable, Equatable {
        package enum Source: String, Codable, Sendable {
            /// `--ignore`.
            case flag
            /// The `heal.kubectl.io/ignore` annotation on the object or its owner.
            case annotation
            /// A rule of the config file.
            case config
        }

        package var source: Source
        /// The rule's reason; for an annotation, its value.
        package var reason: String
        /// "--ignore", the config file's path and line, or the annotated object ("Deployment/shop/web").
        package var location: String
    }

    package var finding: Finding
    package var suppressedBy: Suppression
}

/// A finding kept at another severity than its analyzer gave, and why.
package struct SeverityOverride: Codable, Sendable, Equatable {
    /// The analyzer's severity.
    package var original: Severity
    package var reason: String
    /// Where the rule is: ".kubectl-heal.yaml:12".
    package var location: String
}
