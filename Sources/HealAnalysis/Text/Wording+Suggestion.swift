extension Wording {
    /// " (did you mean allow?)" when a valid word is one or two edits away from a typo.
    package static func suggestion(for word: String, among valid: [String]) -> String {
        EditDistance.nearest(to: word, among: valid, within: 2, count: 1).first.map { " (did you mean \($0)?)" } ?? ""
    }
}
