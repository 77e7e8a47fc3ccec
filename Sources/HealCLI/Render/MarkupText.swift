import HealAnalysis

/// Text for XML and HTML documents (the JUnit and HTML reports).
enum MarkupText {
    /// Escaped for element text and quoted attributes, without the control characters XML 1.0
    /// forbids.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in SecretScrubber.printable(text) {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
