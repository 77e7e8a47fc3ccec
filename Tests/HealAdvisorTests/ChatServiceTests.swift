import Foundation
import HealTestSupport
import Testing

@testable import HealAdvisor

@Suite("The chat service answers repeated questions from the cache", .timeLimit(.minutes(1)))
struct ChatServiceTests {
    let temporary: TemporaryDirectory
    let server: ScriptedLLMServer

    init() throws {
        temporary = try TemporaryDirectory()
        server = try ScriptedLLMServer { chat in "about \(chat.lastContent() ?? "")" }
    }

    func service(model: String = "llama3.1", cacheDirectory: URL? = nil) throws -> ChatService {
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL, model: model))
        return ChatService(client: client, cache: AnswerCache(directory: cacheDirectory ?? temporary.file("llm")))
    }

    @Test("the second identical question is answered from disk: no request, zero usage")
    func hit() async throws {
        defer { server.stop() }
        let first = try service()
        let fresh = try await first.complete(LLMTestClients.question)
        #expect(fresh.cached == false)

        let second = try service()
        let cached = try await second.complete(LLMTestClients.question)

        #expect(cached == ChatAnswer(content: fresh.content, usage: .zero, cached: true))
        #expect(server.chats.count == 1)
        #expect(await second.statistics == LLMStatistics(requestsSent: 0, answers: 0, cachedAnswers: 1, failures: 0, usage: .zero))
        #expect(await first.statistics.usage == fresh.usage)
        #expect(await second.cacheProblem == nil)
    }

    @Test("another model is a miss")
    func otherModel() async throws {
        defer { server.stop() }
        _ = try await service(model: "llama3.1").complete(LLMTestClients.question)
        let answer = try await service(model: "qwen2.5:7b").complete(LLMTestClients.question)
        #expect(answer.cached == false)
        #expect(server.chats.map(\.model) == ["llama3.1", "qwen2.5:7b"])
    }

    @Test("a corrupt entry is a miss and is replaced")
    func corruptEntry() async throws {
        defer { server.stop() }
        let service = try service()
        _ = try await service.complete(LLMTestClients.question)
        let entries = try FileManager.default.contentsOfDirectory(at: temporary.file("llm"), includingPropertiesForKeys: nil)
        #expect(entries.count == 1)
        for entry in entries { try Data("not json".utf8).write(to: entry) }

        #expect(try await service.complete(LLMTestClients.question).cached == false)
        #expect(try await service.complete(LLMTestClients.question).cached == true)
        #expect(server.chats.count == 2)
    }

    @Test("a cache that cannot be written is reported once and the answer is still returned")
    func unwritable() async throws {
        defer { server.stop() }
        try temporary.write("blocker", "not a directory")
        let service = try service(cacheDirectory: temporary.file("blocker/llm"))

        let answer = try await service.complete(LLMTestClients.question)
        #expect(answer.content == "about Why is pod web-1 OOMKilled?")
        let problem = try #require(await service.cacheProblem)
        #expect(problem.contains(temporary.file("blocker/llm").path))

        _ = try await service.complete(ChatRequest(messages: [.user("another")]))
        #expect(await service.cacheProblem == problem)
        #expect(await service.statistics.answers == 2)
    }

    @Test("without a cache every question is asked")
    func noCache() async throws {
        defer { server.stop() }
        let service = ChatService(client: LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL)), cache: nil)
        _ = try await service.complete(LLMTestClients.question)
        _ = try await service.complete(LLMTestClients.question)
        #expect(server.chats.count == 2)
    }
}
