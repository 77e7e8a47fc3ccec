import Foundation
import HealTestSupport
import Testing

@Suite("FakeAPIServer serves pod logs")
struct FakeAPIServerLogTests {
    let server: FakeAPIServer
    let client: HTTPTestClient
    let logPath = "/api/v1/namespaces/agentic-demo/pods/memory-hungry-6478d69d96-mg7j2/log"

    init() throws {
        server = try FakeAPIServer.captured()
        client = try HTTPTestClient(port: server.port)
    }

    @Test("a container's log is text/plain and honours tailLines")
    func logWithTail() throws {
        let file = Fixtures.capturedLogs.appending(
            path: "agentic-demo_memory-hungry-6478d69d96-mg7j2_memory-hungry.log")
        let full = try String(contentsOf: file, encoding: .utf8)

        let whole = try client.request("\(logPath)?container=memory-hungry")
        #expect(whole.status == 200)
        #expect(whole.headers["content-type"] == "text/plain")
        #expect(whole.text == full)

        let tail = try client.request("\(logPath)?container=memory-hungry&tailLines=2")
        let lastTwo = full.split(separator: "\n").suffix(2).joined(separator: "\n") + "\n"
        #expect(tail.text == lastTwo)
    }

    @Test("previous=true serves the .previous.log file; the only container is the default")
    func previousAndDefaultContainer() throws {
        let previous = Fixtures.capturedLogs.appending(
            path: "agentic-demo_mysql-client-7c5999d768-fngbb_mysql-client.previous.log")
        let response = try client.request(
            "/api/v1/namespaces/agentic-demo/pods/mysql-client-7c5999d768-fngbb/log?previous=true")
        #expect(response.status == 200)
        #expect(response.body == (try Data(contentsOf: previous)))
    }

    @Test("a .err file answers 400 with the API server's Status for a waiting container")
    func waitingContainer() throws {
        let response = try client.request(
            "/api/v1/namespaces/agentic-demo/pods/web-server-59c44b768d-tm998/log?container=web-server&tailLines=50")
        let expected = try Fixtures.statusBody("400-log-container-waiting")
        #expect(response.status == 400)
        #expect(try response.json() == JSON(data: expected.body))
    }

    @Test("logs of an unknown pod are a 404 Status")
    func missingLog() throws {
        let response = try client.request("/api/v1/namespaces/agentic-demo/pods/ghost/log?container=ghost")
        #expect(response.status == 404)
        #expect(try response.json()["message"] == .string("pods \"ghost\" not found"))
    }
}
