import Foundation
import HealKube
import HealTestSupport
import Testing

/// `GET …/pods/NAME/log` as `kubectl logs [--previous] --tail N` sends it.
@Suite("pod logs")
struct PodLogTests {
    let server: FakeAPIServer  // a fresh one per test, stopped when the test ends
    init() throws { server = try FakeAPIServer.captured() }

    static let namespace = "agentic-demo"
    static let pod = "memory-hungry-6478d69d96-mg7j2"
    static let logPath = "/api/v1/namespaces/agentic-demo/pods/memory-hungry-6478d69d96-mg7j2/log"

    static func capturedLog(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.capturedLogs.appending(path: name), encoding: .utf8)
    }

    private func logs(pod: String = Self.pod, container: String = "memory-hungry", previous: Bool, tailLines: Int = 50) async throws -> String {
        try await TestClients.client(server).logs(
            namespace: Self.namespace, pod: pod, container: container, previous: previous, tailLines: tailLines, limitBytes: 65536)
    }

    @Test("the current container's log, with container, tailLines and limitBytes in the query")
    func currentLog() async throws {

        let text = try await logs(previous: false)

        #expect(text == (try Self.capturedLog("agentic-demo_\(Self.pod)_memory-hungry.log")))
        let request = try #require(server.requests(path: Self.logPath).first)
        #expect(request.query("container") == "memory-hungry")
        #expect(request.query("tailLines") == "50")
        #expect(request.query("limitBytes") == "65536")
        #expect(request.query("previous") == nil)
    }

    @Test("previous: true reads the instance before the current one (`kubectl logs --previous`)")
    func previousLog() async throws {

        let text = try await logs(previous: true)

        #expect(text == (try Self.capturedLog("agentic-demo_\(Self.pod)_memory-hungry.previous.log")))
        #expect(server.requests(path: Self.logPath).first?.query("previous") == "true")
    }

    @Test("tailLines limits the answer to the last lines")
    func tail() async throws {

        let text = try await logs(previous: false, tailLines: 2)

        let lastTwo = try Self.capturedLog("agentic-demo_\(Self.pod)_memory-hungry.log")
            .split(separator: "\n").suffix(2).joined(separator: "\n")
        #expect(text.trimmingCharacters(in: .newlines) == lastTwo)
        #expect(server.requests(path: Self.logPath).first?.query("tailLines") == "2")
    }

    @Test("a container still waiting to start answers 400, kept as KubeError.status with the server's message")
    func waitingContainer() async throws {
        let pod = "web-server-59c44b768d-tm998"

        let error = try await #require(throws: KubeError.self) {
            try await logs(pod: pod, container: "web-server", previous: false)
        }

        #expect(error.httpStatus == 400)
        #expect(error.apiStatus?.reason == "BadRequest")
        #expect(error.apiStatus?.message?.contains("is waiting to start") == true)
        #expect(error.request.description == "get pods/log \(pod) in namespace agentic-demo")
        #expect(server.requests.count == 1, "400 is not retried")
    }
}
