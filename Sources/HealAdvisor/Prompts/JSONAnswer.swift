import Foundation

/// The JSON object in a model's answer. JSON mode gives a bare object; servers without it
/// often wrap the object in a code fence or a sentence, so the outermost `{…}` is taken —
/// and then decoded strictly.
enum JSONAnswer {
    static func decode<Value: Decodable>(_ type: Value.Type, from content: String) throws(AnswerProblem) -> Value {
        guard let start = content.firstIndex(of: "{"), let end = content.lastIndex(of: "}"), start < end else {
            throw AnswerProblem("the answer holds no JSON object")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(content[start...end].utf8))
        } catch let error as DecodingError {
            throw AnswerProblem("the answer's JSON does not fit: \(ChatCompletionWire.describe(error))")
        } catch {
            throw AnswerProblem("the answer is not valid JSON")
        }
    }
}

/// Why a model's answer cannot be used.
struct AnswerProblem: Error, Equatable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
