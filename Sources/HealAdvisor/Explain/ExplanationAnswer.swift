import Foundation
import HealAnalysis

/// An explanation answer as the prompt asks for it, checked.
struct ExplanationAnswer: Decodable, Equatable {
    var explanation: String
    var steps: [String]

    static func parse(_ content: String) throws(AnswerProblem) -> ExplanationAnswer {
        var answer = try JSONAnswer.decode(ExplanationAnswer.self, from: content)
        // Model text goes to a terminal: no escape sequences or control characters.
        answer.explanation = SecretScrubber.printable(answer.explanation).trimmingCharacters(in: .whitespacesAndNewlines)
        answer.steps = answer.steps.map { SecretScrubber.printable($0).trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !answer.explanation.isEmpty else { throw AnswerProblem("the answer's explanation is empty") }
        answer.steps = Array(answer.steps.prefix(ExplanationPrompt.maxSteps))
        return answer
    }
}
