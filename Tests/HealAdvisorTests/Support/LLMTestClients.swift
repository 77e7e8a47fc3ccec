import Foundation
import HealAdvisor
import HealHTTP
import HealTestSupport
import Logging

/// Clients pointed at a `ScriptedLLMServer`, with retries fast enough for tests.
enum LLMTestClients {
    static let fastRetries = RetryPolicy(
        maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(40), retryAfterCap: .seconds(2))

    static func configuration(
        baseURL: String, model: String = "test-model", apiKey: String? = "sk-test-0123456789", timeout: Duration = .seconds(30),
        concurrency: Int = 4, reopenAfter: Duration = .seconds(300)
    ) throws -> LLMConfiguration {
        LLMConfiguration(
            endpoint: try ChatEndpoint(baseURL: baseURL), model: model, apiKey: apiKey.map(Redacted.init), timeout: timeout,
            concurrency: concurrency, retry: fastRetries, reopenAfter: reopenAfter)
    }

    static func client(
        _ configuration: LLMConfiguration, logger: Logger = Logger(label: "heal.advisor.test") { _ in SwiftLogNoOpLogHandler() },
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) -> ChatCompletionClient {
        ChatCompletionClient(configuration: configuration, logger: logger, now: now)
    }

    static let question = ChatRequest(messages: [.system("You explain Kubernetes findings."), .user("Why is pod web-1 OOMKilled?")])
    static let jsonQuestion = ChatRequest(messages: [.system("Answer in JSON."), .user("Summarise: CrashLoopBackOff")], jsonMode: true)
}

/// Polls `condition` until it holds; false after `limit` (a hang guard, not a timing check).
func eventually(within limit: Duration = .seconds(60), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        do {
            try await Task.sleep(for: .milliseconds(10))
        } catch {
            break  // cancelled: answer with what holds now
        }
    }
    return await condition()
}
