import Foundation
import HealHTTP
import HealTestSupport
import Testing

@testable import HealAdvisor

@Suite("A dead, slow or refusing endpoint costs one failure per run, not one per question", .timeLimit(.minutes(1)))
struct ChatCompletionClientBreakerTests {
    /// `count` calls at once, their outcomes in completion order.
    func concurrentCalls(_ count: Int, on client: ChatCompletionClient) async -> [Result<ChatAnswer, AdvisorError>] {
        await withTaskGroup(of: Result<ChatAnswer, AdvisorError>.self) { group in
            for index in 0..<count {
                group.addTask {
                    let request = ChatRequest(messages: [.user("question \(index)")])
                    do throws(AdvisorError) {
                        return .success(try await client.complete(request))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
    }

    func failures(_ results: [Result<ChatAnswer, AdvisorError>]) -> [AdvisorError] {
        results.compactMap { result in
            guard case .failure(let error) = result else { return nil }
            return error
        }
    }

    func isCircuitOpen(_ error: AdvisorError) -> Bool {
        if case .circuitOpen = error { return true }
        return false
    }

    @Test("nothing listening: one request is attempted, the nine others are refused without sending")
    func deadEndpoint() async throws {
        let stopped = try ReservedPort()
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: stopped.url))
        defer { withExtendedLifetime(stopped) {} }

        let errors = failures(await concurrentCalls(10, on: client))

        #expect(errors.count == 10)
        let unreachable = errors.filter { error in
            if case .transport(.unreachable) = error { return true }
            return false
        }
        #expect(unreachable.count == 1)
        #expect(errors.filter(isCircuitOpen).count == 9)
        #expect(errors.contains(.circuitOpen(cause: unreachable[0].description)))
        #expect(await client.statistics.requestsSent == 1)
        #expect(await client.statistics.failures == 10)
    }

    @Test("a slow endpoint costs one timeout: one request is sent, nine calls are refused")
    func slowEndpoint() async throws {
        let server = try ScriptedLLMServer { _ in "too late" }
        defer { server.stop() }
        server.script(Array(repeating: .delayed(.seconds(10), ScriptedLLMServer.completion(content: "too late")), count: 10))
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL, timeout: .seconds(1)))

        let errors = failures(await concurrentCalls(10, on: client))

        #expect(server.requests.count == 1)
        let timeouts = errors.filter { error in
            if case .transport(.timedOut) = error { return true }
            return false
        }
        #expect(timeouts.count == 1)
        #expect(errors.filter(isCircuitOpen).count == 9)
    }

    @Test("401, 403 and 404 open the circuit; later calls send nothing", arguments: [401, 403, 404])
    func refusingEndpoint(status: Int) async throws {
        let server = try ScriptedLLMServer { _ in "unused" }
        defer { server.stop() }
        server.script([ScriptedLLMServer.error(status: status, message: "no", type: "invalid_request_error")])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        await #expect(throws: AdvisorError.httpStatus(url: "\(server.baseURL)/v1/chat/completions", status: status, message: "no")) {
            try await client.complete(LLMTestClients.question)
        }
        let error = await #expect(throws: AdvisorError.self) { try await client.complete(LLMTestClients.question) }
        #expect(error.map(isCircuitOpen) == true)
        #expect(server.requests.count == 1)
    }

    @Test("after the first answer, up to `concurrency` requests are answered at once and no more")
    func concurrencyBound() async throws {
        let server = try ScriptedLLMServer(latency: .milliseconds(300)) { chat in "answer to \(chat.lastContent() ?? "")" }
        defer { server.stop() }
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL, concurrency: 3))

        let results = await concurrentCalls(12, on: client)

        #expect(failures(results).isEmpty)
        let contents = results.compactMap { result -> String? in
            guard case .success(let answer) = result else { return nil }
            return answer.content
        }
        #expect(Set(contents).count == 12)
        #expect(server.maxConcurrentRequests <= 3)
        #expect(server.maxConcurrentRequests >= 2)
        #expect(await client.statistics.answers == 12)
    }

    @Test("an open circuit lets one probe through after reopenAfter, on the injected clock")
    func reopen() async throws {
        let server = try ScriptedLLMServer { _ in "back again" }
        defer { server.stop() }
        server.script([ScriptedLLMServer.error(status: 401, message: "bad key", type: "invalid_request_error")])
        let clock = TestClock()
        let client = LLMTestClients.client(
            try LLMTestClients.configuration(baseURL: server.baseURL, reopenAfter: .seconds(300)), now: clock.reading)
        await #expect(throws: AdvisorError.self) { try await client.complete(LLMTestClients.question) }

        clock.advance(by: .seconds(299))
        let refused = await #expect(throws: AdvisorError.self) { try await client.complete(LLMTestClients.question) }
        #expect(refused.map(isCircuitOpen) == true)
        #expect(server.requests.count == 1)

        clock.advance(by: .seconds(1))
        #expect(try await client.complete(LLMTestClients.question).content == "back again")
        #expect(server.requests.count == 2)
        let answers = failures(await concurrentCalls(4, on: client))
        #expect(answers.isEmpty)
    }

    @Test("cancelling a call in flight ends it as cancelled and leaves the circuit closed")
    func cancellation() async throws {
        let server = try ScriptedLLMServer { _ in "answered" }
        defer { server.stop() }
        server.script([.delayed(.seconds(30), ScriptedLLMServer.completion(content: "too late"))])
        let client = LLMTestClients.client(try LLMTestClients.configuration(baseURL: server.baseURL))

        let call = Task { try await client.complete(LLMTestClients.question) }
        #expect(await eventually { server.requests.count == 1 })
        call.cancel()

        await #expect(throws: AdvisorError.cancelled) { try await call.value }
        #expect(try await client.complete(LLMTestClients.question).content == "answered")
        let statistics = await client.statistics
        #expect(statistics.failures == 0)
        #expect(statistics.answers == 1)
    }
}
