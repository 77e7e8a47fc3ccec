import HealHTTP
import Testing

@testable import HealAdvisor

@Suite("The LLM configuration comes from flags, then KUBECTL_HEAL_LLM_*, then OPENAI_*")
struct LLMConfigurationTests {
    let key = "sk-live-SECRET-4f9a2c"

    @Test("without a base URL anywhere the LLM is not configured; blank values count as unset")
    func notConfigured() throws {
        #expect(try LLMConfiguration.resolve(LLMSettings(), environment: [:]) == nil)
        #expect(
            try LLMConfiguration.resolve(
                LLMSettings(baseURL: "", model: "m"),
                environment: ["KUBECTL_HEAL_LLM_BASE_URL": " ", "OPENAI_BASE_URL": "", "OPENAI_API_KEY": key]) == nil)
    }

    @Test("the flag wins over KUBECTL_HEAL_LLM_BASE_URL, which wins over OPENAI_BASE_URL")
    func baseURLPrecedence() throws {
        let environment = [
            "KUBECTL_HEAL_LLM_BASE_URL": "http://heal-env:8000/v1", "OPENAI_BASE_URL": "https://openai-env.example.com/v1",
            "KUBECTL_HEAL_LLM_MODEL": "env-model",
        ]
        let fromFlag = try #require(try LLMConfiguration.resolve(LLMSettings(baseURL: "http://flag:11434"), environment: environment))
        #expect(fromFlag.endpoint.chatCompletionsURL == "http://flag:11434/v1/chat/completions")
        let fromHealVariable = try #require(try LLMConfiguration.resolve(LLMSettings(baseURL: ""), environment: environment))
        #expect(fromHealVariable.endpoint.chatCompletionsURL == "http://heal-env:8000/v1/chat/completions")
        var openAIOnly = environment
        openAIOnly["KUBECTL_HEAL_LLM_BASE_URL"] = nil
        let fromOpenAIVariable = try #require(try LLMConfiguration.resolve(LLMSettings(), environment: openAIOnly))
        #expect(fromOpenAIVariable.endpoint.chatCompletionsURL == "https://openai-env.example.com/v1/chat/completions")
    }

    @Test("the model flag wins over KUBECTL_HEAL_LLM_MODEL; settings keep their values")
    func modelPrecedence() throws {
        let environment = ["OPENAI_BASE_URL": "http://localhost:11434", "KUBECTL_HEAL_LLM_MODEL": "llama3.1"]
        let fromFlag = try #require(
            try LLMConfiguration.resolve(
                LLMSettings(model: "qwen2.5:7b", timeout: .seconds(20), concurrency: 2), environment: environment))
        #expect(fromFlag.model == "qwen2.5:7b")
        #expect(fromFlag.timeout == .seconds(20))
        #expect(fromFlag.concurrency == 2)
        #expect(fromFlag.retry.maxAttempts == 3)
        #expect(fromFlag.reopenAfter == .seconds(300))
        #expect(try LLMConfiguration.resolve(LLMSettings(), environment: environment)?.model == "llama3.1")
    }

    @Test("a base URL without a model is an error naming the URL")
    func modelMissing() {
        #expect(throws: AdvisorError.modelMissing(baseURL: "http://localhost:11434")) {
            try LLMConfiguration.resolve(LLMSettings(baseURL: "http://localhost:11434"), environment: ["KUBECTL_HEAL_LLM_MODEL": ""])
        }
    }

    @Test("an unusable base URL is refused before anything else")
    func invalidBaseURL() {
        #expect(throws: AdvisorError.invalidBaseURL("localhost:11434", reason: "it is not an http:// or https:// URL with a host")) {
            try LLMConfiguration.resolve(LLMSettings(baseURL: "localhost:11434", model: "m"), environment: [:])
        }
    }

    @Test("the key comes from KUBECTL_HEAL_LLM_API_KEY, else OPENAI_API_KEY, and is sent as a bearer token")
    func keyPrecedence() throws {
        let settings = LLMSettings(baseURL: "https://api.openai.com/v1", model: "gpt-4o-mini")
        let both = try #require(
            try LLMConfiguration.resolve(settings, environment: ["KUBECTL_HEAL_LLM_API_KEY": key, "OPENAI_API_KEY": "sk-other"]))
        #expect(both.apiKey?.value == key)
        #expect(both.requestHeaders.value(for: "Authorization") == "Bearer \(key)")
        let openAI = try #require(try LLMConfiguration.resolve(settings, environment: ["OPENAI_API_KEY": "sk-other"]))
        #expect(openAI.apiKey?.value == "sk-other")
    }

    @Test("without a key (Ollama) no credential header is sent")
    func noKey() throws {
        let configuration = try #require(
            try LLMConfiguration.resolve(LLMSettings(baseURL: "http://localhost:11434", model: "llama3.1"), environment: [:]))
        #expect(configuration.apiKey == nil)
        #expect(configuration.requestHeaders == [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")])
    }

    @Test("Azure OpenAI gets the key as api-key, not Authorization")
    func azureKey() throws {
        let configuration = try #require(
            try LLMConfiguration.resolve(
                LLMSettings(baseURL: "https://acme.openai.azure.com/openai/v1", model: "gpt-4o"),
                environment: ["KUBECTL_HEAL_LLM_API_KEY": key]))
        #expect(configuration.requestHeaders.value(for: "api-key") == key)
        #expect(configuration.requestHeaders.value(for: "Authorization") == nil)
    }

    @Test("extra headers come from --llm-header and each line of KUBECTL_HEAL_LLM_HEADERS, and replace built-in ones")
    func extraHeaders() throws {
        let configuration = try #require(
            try LLMConfiguration.resolve(
                LLMSettings(baseURL: "https://gateway.example.com/v1", model: "m", headers: ["X-Team: sre", "authorization: Gateway abc"]),
                environment: ["KUBECTL_HEAL_LLM_API_KEY": key, "KUBECTL_HEAL_LLM_HEADERS": "X-Org-Id: org-7\r\n\n  \nX-Trace:on\n"]))
        #expect(configuration.headers == [
            HTTPHeader("X-Team", "sre"), HTTPHeader("authorization", "Gateway abc"), HTTPHeader("X-Org-Id", "org-7"),
            HTTPHeader("X-Trace", "on"),
        ])
        #expect(configuration.requestHeaders.filter { $0.name.lowercased() == "authorization" } == [HTTPHeader("authorization", "Gateway abc")])
        #expect(configuration.requestHeaders.value(for: "Content-Type") == "application/json")
    }

    @Test(
        "a malformed header is refused by its source and name, never its value",
        arguments: [
            (LLMSettings(baseURL: "http://h", model: "m", headers: ["sk-bare-token-value"]), [String: String](), "--llm-header", String?.none),
            (LLMSettings(baseURL: "http://h", model: "m", headers: [": sk-bare-token-value"]), [:], "--llm-header", ""),
            (LLMSettings(baseURL: "http://h", model: "m", headers: ["X Bad: sk-bare-token-value"]), [:], "--llm-header", "X Bad"),
            (LLMSettings(baseURL: "http://h", model: "m"), ["KUBECTL_HEAL_LLM_HEADERS": "X-Ok: 1\nsk-bare-token-value"], "KUBECTL_HEAL_LLM_HEADERS", nil),
        ])
    func malformedHeader(settings: LLMSettings, environment: [String: String], source: String, name: String?) {
        let error = #expect(throws: AdvisorError.self) { try LLMConfiguration.resolve(settings, environment: environment) }
        #expect(error == .invalidHeader(source: source, name: name))
        #expect(error?.description.contains("sk-bare-token-value") == false)
        #expect(error?.description.contains(source) == true)
    }

    @Test("a header value must be on one line and not empty")
    func headerValue() {
        #expect(throws: AdvisorError.invalidHeader(source: "--llm-header", name: "X-Empty")) {
            try LLMConfiguration.resolve(LLMSettings(baseURL: "http://h", model: "m", headers: ["X-Empty:  "]), environment: [:])
        }
        #expect(throws: AdvisorError.invalidHeader(source: "--llm-header", name: "X-Split")) {
            try LLMConfiguration.resolve(LLMSettings(baseURL: "http://h", model: "m", headers: ["X-Split: a\r\nInjected: b"]), environment: [:])
        }
    }

    @Test("concurrency below 1 and a timeout of zero are refused, naming the flag")
    func invalidSettings() {
        #expect(throws: AdvisorError.invalidSetting(name: "--llm-concurrency", reason: "it must be at least 1, not 0")) {
            try LLMConfiguration.resolve(LLMSettings(baseURL: "http://h", model: "m", concurrency: 0), environment: [:])
        }
        #expect(throws: AdvisorError.invalidSetting(name: "--llm-timeout", reason: "it must be longer than 0s, not 0s")) {
            try LLMConfiguration.resolve(LLMSettings(baseURL: "http://h", model: "m", timeout: .zero), environment: [:])
        }
    }

    @Test("no textual form of the configuration shows the key or an extra header's value")
    func keyNeverShown() throws {
        let configuration = try #require(
            try LLMConfiguration.resolve(
                LLMSettings(baseURL: "https://user:pw-secret@gateway.example.com/v1", model: "m", headers: ["X-Org-Id: org-SECRET-77"]),
                environment: ["KUBECTL_HEAL_LLM_API_KEY": key]))
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(describing: configuration), String(reflecting: configuration), dumped] {
            #expect(!text.contains(key))
            #expect(!text.contains("org-SECRET-77"))
            #expect(!text.contains("pw-secret"))
        }
        #expect(configuration.description.contains("X-Org-Id"))
        #expect(configuration.description.contains("https://gateway.example.com/v1/chat/completions"))
    }
}
