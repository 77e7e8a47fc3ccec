import HealHTTP
import Testing

@testable import HealAdvisor

@Suite("Advisor errors read as one line that names the URL or the setting")
struct AdvisorErrorTests {
    static let url = "http://127.0.0.1:8080/v1/chat/completions"

    @Test(
        "each case describes itself on one line",
        arguments: [
            (AdvisorError.modelMissing(baseURL: "https://u:pw@gw.example.com"), "no model is set for the LLM at https://gw.example.com"),
            (.invalidSetting(name: "--llm-concurrency", reason: "it must be at least 1, not 0"), "invalid --llm-concurrency: it must be at least 1, not 0"),
            (.transport(.timedOut(url: url, after: .seconds(60))), "the LLM could not be asked: \(url) did not answer within 60s"),
            (.httpStatus(url: url, status: 401, message: "Incorrect API key provided"), "the LLM at \(url) answered HTTP 401: Incorrect API key provided"),
            (.retriesExhausted(url: url, status: 429, attempts: 3), "the LLM at \(url) still answered HTTP 429 after 3 attempts"),
            (.circuitOpen(cause: "cannot reach \(url): Connection refused"), "the LLM was not asked, after an earlier failure: cannot reach \(url): Connection refused"),
            (.invalidAnswer(url: url, detail: "the body is not JSON"), "the LLM at \(url) did not answer with a chat completion: the body is not JSON"),
            (.cacheUnwritable(path: "/home/me/.cache/kubectl-heal/llm", detail: "Permission denied"), "cannot write the LLM answer cache at /home/me/.cache/kubectl-heal/llm: Permission denied"),
            (.cancelled, "the LLM request was cancelled"),
        ])
    func descriptions(error: AdvisorError, prefix: String) {
        #expect(error.description.hasPrefix(prefix))
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("pw@"))
    }
}
