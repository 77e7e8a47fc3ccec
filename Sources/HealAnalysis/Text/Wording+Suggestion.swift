extension Wording {
    /// " (did you mean allow?)" when a valid word is one or two edits away from a typo.
    package static func suggestion(for word: String, among valid: [String]) -> String {
        let closest = valid.map { ($0, EditDistance.between($0, word)) }.min { $0.1 < $1.1 }
        guard let closest, closest.1 <= 2 else { return "" }
        return " (did you mean \(closest.0)?)"
    }
}
