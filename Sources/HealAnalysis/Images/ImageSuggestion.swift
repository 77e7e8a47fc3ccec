/// A corrected image reference and why it is believed.
package struct ImageSuggestion: Sendable, Equatable {
    package enum Basis: String, Sendable {
        /// A misspelling from the known-typo table.
        case knownTypo = "known-typo"
        /// Close (edit distance) to a well-known image.
        case wellKnownImage = "well-known-image"
        /// Close to an image already running in this cluster.
        case runningImage = "running-in-cluster"
        /// The same reference, lower-cased (registries only accept lower case).
        case lowercase
    }

    package var image: String
    package var basis: Basis
    package var confidence: Double

    /// Only corrections this certain may be applied without a person looking.
    package var isSafeToApply: Bool {
        basis == .knownTypo || basis == .lowercase
    }
}
