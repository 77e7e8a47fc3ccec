import Foundation
import HealHTTP
import HealModel
import HealTestSupport
import HealUsage
import Testing

@Suite("PrometheusClient over the direct transport: requests, answers and failures", .timeLimit(.minutes(1)))
struct PrometheusClientTests {
    let server: FakeAPIServer
    let time = Timestamp(secondsSince1970: 1_750_896_000.5)

    init() throws {
        server = try FakeAPIServer(fixtureRoot: nil)
    }

    private var prefix: String { server.baseURL.absoluteString + "/prometheus" }

    private func client(
        headers: [String] = [], token: PrometheusConnection.TokenSource? = nil, user: String? = nil, password: Redacted<String>? = nil
    ) throws -> PrometheusClient {
        let connection = try PrometheusConnection(url: prefix, headers: headers, token: token, user: user, password: password)
        return PrometheusClient(transport: DirectPrometheusTransport(connection: connection, retry: Self.quickRetry))
    }

    /// Three attempts, milliseconds apart.
    static let quickRetry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5), retryAfterCap: .seconds(1))

    /// `body` for the next query, and for its retries when the status is one that is retried.
    private func answer(_ body: String, status: Int = 200) {
        let attempts = RetryPolicy.transientStatuses.contains(status) ? Self.quickRetry.maxAttempts : 1
        server.script(path: "/prometheus/api/v1/query", responses: Array(repeating: .json(body, status: status), count: attempts))
    }

    @Test("a range query answered 429 (Retry-After) and 503 is sent again; the matrix after them is read, oldest point first")
    func retriedRange() async throws {
        let matrix = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"pod":"web-1"},"values":[[1750896000,"1.5"],[1750896300,"2"]]}]}}"#
        server.script(path: "/prometheus/api/v1/query_range", responses: [
            .retryAfter(code: 429, seconds: 0), .json(#"{"status":"error","errorType":"unavailable","error":"starting"}"#, status: 503), .json(matrix),
        ])
        let series = try await client().queryRange("up", start: time, end: time.adding(seconds: 300), stepSeconds: 300)
        #expect(server.requests(path: "/prometheus/api/v1/query_range").count == 3)
        #expect(series.count == 1 && series.first?.labels == ["pod": "web-1"] && series.first?.points.map(\.value) == [1.5, 2])
        #expect(server.requests(path: "/prometheus/api/v1/query_range").first?.query("step") == "300")
    }

    @Test("a query is a GET under the path prefix, with the PromQL (a '+' included) and the time form-encoded")
    func request() async throws {
        answer(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#)
        let promql = #"sum by (pod) (rate(x{namespace="a&b"}[5m])) + 1"#

        _ = try await client(headers: ["X-Scope-OrgID: tenant-a"], token: .environment(Redacted("t0ken"))).query(promql, at: time)
        let received = try #require(server.requests(path: "/prometheus/api/v1/query").first)
        #expect(received.method == "GET")
        #expect(received.query("query") == promql)
        #expect(received.query("time") == "1750896000.500")
        #expect(received.header("authorization") == "Bearer t0ken")
        #expect(received.header("x-scope-orgid") == "tenant-a")
        #expect(received.header("accept") == "application/json")
    }

    @Test("basic auth sends the user and password base64-encoded")
    func basicAuth() async throws {
        answer(#"{"status":"success","data":{"resultType":"vector","result":[]}}"#)
        _ = try await client(user: "heal", password: Redacted("pa55:word")).query("up", at: time)
        let received = try #require(server.requests.first)
        #expect(received.header("authorization") == "Basic " + Data("heal:pa55:word".utf8).base64EncodedString())
    }

    @Test("a vector decodes with its labels, and NaN and ±Inf values as such")
    func vector() async throws {
        answer(#"""
            {"status":"success","warnings":["ignored"],"data":{"resultType":"vector","result":[
              {"metric":{"pod":"cart-0","container":"app"},"value":[1750896000.5,"0.25"]},
              {"metric":{},"value":[1750896000.5,"NaN"]},
              {"metric":{"le":"+Inf"},"value":[1750896000.5,"+Inf"]},
              {"metric":{"x":"y"},"value":[1750896000.5,"-Inf"]}]}}
            """#)
        let samples = try await client().query("up", at: time)
        #expect(samples.count == 4)
        #expect(samples[0] == PrometheusSample(labels: ["pod": "cart-0", "container": "app"], value: 0.25))
        #expect(samples[1].value.isNaN)
        #expect(samples[2].value == .infinity)
        #expect(samples[3].value == -.infinity)
    }

    @Test(
        "an error answer is a failed query naming the query, the status and Prometheus' message",
        arguments: [(400, "bad_data"), (422, "execution"), (503, "timeout")])
    func errorAnswer(status: Int, errorType: String) async throws {
        answer(#"{"status":"error","errorType":"\#(errorType)","error":"1:5: parse error: unexpected \"}\""}"#, status: status)
        await #expect(throws: UsageError.prometheusQueryFailed(
            endpoint: prefix, query: "up{", status: status, errorType: errorType, message: #"1:5: parse error: unexpected "}""#)
        ) {
            try await client().query("up{", at: time)
        }
    }

    @Test("401 and 403 are refused credentials, naming the URL", arguments: [401, 403])
    func unauthorized(status: Int) async throws {
        server.script(path: "/prometheus/api/v1/query", responses: [.text("Unauthorized", status: status)])
        await #expect(throws: UsageError.prometheusUnauthorized(endpoint: prefix + "/api/v1/query", status: status)) {
            try await client(token: .environment(Redacted("expired"))).query("up", at: time)
        }
    }

    @Test("a closed port is unreachable, naming the URL")
    func closedPort() async throws {
        let closed = try ReservedPort()
        let connection = try PrometheusConnection(url: closed.url + "/prometheus", headers: [], token: nil, user: nil, password: nil)
        let client = PrometheusClient(transport: DirectPrometheusTransport(connection: connection))
        let error = await #expect(throws: UsageError.self) { try await client.query("up", at: time) }
        withExtendedLifetime(closed) {}
        guard case .prometheusUnreachable(let endpoint, let reason) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(endpoint == closed.url + "/prometheus/api/v1/query")
        #expect(!reason.isEmpty)
    }

    @Test("a 200 that is not JSON is an invalid answer")
    func notJSON() async throws {
        server.script(path: "/prometheus/api/v1/query", responses: [.text("<html>Grafana</html>")])
        let error = await #expect(throws: UsageError.self) { try await client().query("up", at: time) }
        guard case .prometheusAnswerInvalid(let endpoint, let query, _) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(endpoint == prefix)
        #expect(query == "up")
    }

    @Test("a proxy's non-JSON error page is a failed query with its status, once the retries are spent")
    func proxyErrorPage() async throws {
        server.script(
            path: "/prometheus/api/v1/query",
            responses: Array(repeating: .text("<html>Bad Gateway</html>", status: 502), count: Self.quickRetry.maxAttempts))
        await #expect(throws: UsageError.prometheusQueryFailed(
            endpoint: prefix, query: "up", status: 502, errorType: nil, message: "HTTP 502 without a Prometheus API answer")
        ) {
            try await client().query("up", at: time)
        }
    }

    @Test("a malformed sample value is an invalid answer that names where it is")
    func badValue() async throws {
        answer(#"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"0.1"]},{"metric":{},"value":[1,"lots"]}]}}"#)
        let error = await #expect(throws: UsageError.self) { try await client().query("up", at: time) }
        guard case .prometheusAnswerInvalid(_, _, let detail) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(detail.hasPrefix("at `data.result[1].value[1]`"), "\(detail)")
        #expect(detail.contains("lots"))
    }

    @Test("a result that is not an instant vector is an invalid answer")
    func notVector() async throws {
        answer(#"{"status":"success","data":{"resultType":"scalar","result":[1,"2"]}}"#)
        await #expect(throws: UsageError.prometheusAnswerInvalid(
            endpoint: prefix, query: "scalar(up)", detail: #"at `data.resultType`: expected "vector", found "scalar""#)
        ) {
            try await client().query("scalar(up)", at: time)
        }
    }
}
