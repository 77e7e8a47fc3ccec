import HealAnalysis

/// ANSI colours for a terminal; plain text otherwise.
struct Palette {
    let enabled: Bool

    func severity(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .critical: paint(text, "1;31")
        case .warning: paint(text, "33")
        case .info: paint(text, "36")
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
