import HealAnalysis

/// The messages asking for an explanation of one (grouped) finding.
enum ExplanationPrompt {
    static let maxSteps = 6

    static func messages(for finding: Finding) -> [ChatMessage] {
        [
            .system("""
                You are a senior Kubernetes SRE. kubectl-heal, a deterministic diagnosis tool, found the \
                problem below with rules and evidence. Explain it to the engineer on call and say how to fix it.
                \(PromptRules.placeholders)
                \(PromptRules.jsonOnly) Its shape: {"explanation": "2 to 4 sentences: what is wrong and why", \
                "steps": ["one concrete step per item, with the kubectl command when there is one"]}, with 1 to \
                \(maxSteps) steps.
                """),
            .user(FindingBrief.text(finding)),
        ]
    }
}
