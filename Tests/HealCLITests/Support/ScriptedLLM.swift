import Foundation
import HealTestSupport

/// A scripted OpenAI-compatible server, a private answer cache, and the environment that
/// points the CLI at them — what every LLM test of the CLI starts from.
struct ScriptedLLM {
    static let apiKey = "sk-test-4f9a8b7c6d5e4f3a2b1c"
    static let model = "test-model"

    let server: ScriptedLLMServer
    let cache: TemporaryDirectory

    init(latency: Duration = .zero, answer: @escaping @Sendable (RecordedChat) -> String = ScriptedLLM.explanation) throws {
        server = try ScriptedLLMServer(latency: latency, answer: answer)
        cache = try TemporaryDirectory(prefix: "heal-llm-cache")
    }

    var variables: [String: String] {
        [
            "KUBECTL_HEAL_LLM_BASE_URL": server.baseURL, "KUBECTL_HEAL_LLM_MODEL": Self.model,
            "KUBECTL_HEAL_LLM_API_KEY": Self.apiKey, "XDG_CACHE_HOME": cache.url.path,
        ]
    }

    /// The user message of a chat: the facts that were sent.
    static func facts(_ chat: RecordedChat) -> String {
        chat.messages.last { $0.role == "user" }?.content ?? ""
    }

    /// An explanation naming the object and namespace as the prompt wrote them (placeholders
    /// when anonymized), so restoring them shows in the output.
    @Sendable static func explanation(_ chat: RecordedChat) -> String {
        let object = facts(chat).firstMatch(of: /Object: (?<kind>\w+) (?<name>[^ ,;]+) in namespace (?<namespace>[^ ,;]+)/)
        let name = object.map { String($0.output.name) } ?? "it"
        let namespace = object.map { String($0.output.namespace) } ?? "its namespace"
        let answer: [String: Any] = [
            "explanation": "\(name) in \(namespace) keeps failing for the reason in the evidence.",
            "steps": ["kubectl -n \(namespace) describe pod \(name)", "Fix the cause, then watch the rollout."],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self)
    }

    /// A plan answer for the workload and first container the prompt names (placeholders when
    /// anonymized), with `steps` built from them.
    static func plan(_ steps: @escaping @Sendable (_ container: String) -> [[String: Any]], workload override: String? = nil) -> @Sendable (RecordedChat) -> String {
        { chat in
            let facts = facts(chat)
            let workload = facts.firstMatch(of: /Workload to fix: (?<workload>\S+) in namespace (?<namespace>\S+)/)
            let container = facts.firstMatch(of: /Pod template containers:\n- (?<name>[^:]+):/).map { String($0.output.name) } ?? "?"
            let answer: [String: Any] = [
                "workload": override ?? workload.map { String($0.output.workload) } ?? "?",
                "namespace": workload.map { String($0.output.namespace) } ?? "?",
                "steps": steps(container),
            ]
            return String(decoding: try! JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys]), as: UTF8.self)
        }
    }
}
