import Testing

@testable import HealAdvisor

@Suite("The chat completions URL is derived from the base URL of each kind of server")
struct ChatEndpointTests {
    @Test(
        "/v1 is appended only when the path has no version, no Azure deployment and is not the full URL",
        arguments: [
            ("https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions"),
            ("https://api.openai.com/v1/", "https://api.openai.com/v1/chat/completions"),
            ("http://localhost:11434", "http://localhost:11434/v1/chat/completions"),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/v1/chat/completions"),
            ("http://gpu-box:8000/v1", "http://gpu-box:8000/v1/chat/completions"),
            ("https://llm.example.com/api/v2", "https://llm.example.com/api/v2/chat/completions"),
            ("https://proxy.example.com/openai", "https://proxy.example.com/openai/v1/chat/completions"),
            ("https://acme.openai.azure.com/openai/v1", "https://acme.openai.azure.com/openai/v1/chat/completions"),
            (
                "https://acme.openai.azure.com/openai/deployments/gpt-4o?api-version=2024-10-21",
                "https://acme.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
            ),
            ("http://localhost:8080/v1/chat/completions", "http://localhost:8080/v1/chat/completions"),
        ])
    func derived(base: String, expected: String) throws {
        #expect(try ChatEndpoint(baseURL: base).chatCompletionsURL == expected)
    }

    @Test("a base URL that is not http(s) with a host is refused, naming it", arguments: ["localhost:11434", "ftp://x/v1", "", "http://"])
    func refused(base: String) {
        #expect(throws: AdvisorError.invalidBaseURL(base, reason: "it is not an http:// or https:// URL with a host")) {
            try ChatEndpoint(baseURL: base)
        }
    }

    @Test("Azure hosts are recognised (they take the key as api-key); others are not")
    func azure() throws {
        #expect(try ChatEndpoint(baseURL: "https://acme.openai.azure.com/openai").isAzure)
        #expect(try !ChatEndpoint(baseURL: "https://api.openai.com").isAzure)
    }

    @Test("credentials in the base URL are left out of the URL shown in messages")
    func display() throws {
        let endpoint = try ChatEndpoint(baseURL: "https://user:pw@proxy.example.com/v1")
        #expect(endpoint.displayURL == "https://proxy.example.com/v1/chat/completions")
    }
}
