extension Wording {
    /// A quoted message made fit to continue a sentence: without its closing period.
    static func clause(_ text: String) -> String {
        var result = Substring(text)
        while result.last == "." || result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
