import Foundation
import HealKube
import HealModel
import Logging

/// Evaluates PromQL over any `PrometheusTransport` and decodes the HTTP API's answers.
///
/// Queries go out as GETs: the usage queries are bounded (one namespace's selector, under 1 KB
/// encoded), far below URL limits, and a GET through the API server's service proxy needs only
/// the `get` verb on `services/proxy` where a POST would need `create`.
package struct PrometheusClient: Sendable {
    package let transport: any PrometheusTransport
    private let logger: Logger

    package init(transport: any PrometheusTransport, logger: Logger = Logger(label: "heal.usage")) {
        self.transport = transport
        self.logger = logger
    }

    package var endpointDescription: String { transport.endpointDescription }

    /// `GET /api/v1/query?query=…&time=…`: the instant vector `promql` evaluates to at `time`.
    package func query(_ promql: String, at time: Timestamp) async throws(UsageError) -> [PrometheusSample] {
        let parameters = [URLQueryItem(name: "query", value: promql), URLQueryItem(name: "time", value: Self.format(time))]
        let result: [VectorElement] = try await fetch("/api/v1/query", parameters, promql: promql)
        return result.map { PrometheusSample(labels: $0.metric, value: $0.value.number) }
    }

    /// `GET /api/v1/query_range?…`: each series `promql` evaluates to at every `step` from
    /// `start` to `end`, both included.
    package func queryRange(_ promql: String, start: Timestamp, end: Timestamp, stepSeconds: Double) async throws(UsageError) -> [PrometheusSeries] {
        let parameters = [
            URLQueryItem(name: "query", value: promql), URLQueryItem(name: "start", value: Self.format(start)),
            URLQueryItem(name: "end", value: Self.format(end)), URLQueryItem(name: "step", value: String(format: "%.0f", stepSeconds)),
        ]
        let result: [MatrixElement] = try await fetch("/api/v1/query_range", parameters, promql: promql)
        return result.map { PrometheusSeries(labels: $0.metric, points: $0.values.map { ($0.time, $0.number) }) }
    }

    private func fetch<Result: PrometheusResult>(_ path: String, _ parameters: [URLQueryItem], promql: String) async throws(UsageError) -> [Result] {
        let answer = try await transport.get(path: path, query: parameters)
        let decoded: PrometheusAnswer<Result>
        do {
            decoded = try JSONDecoder().decode(PrometheusAnswer<Result>.self, from: answer.body)
        } catch {
            if (200..<300).contains(answer.status) {
                throw .prometheusAnswerInvalid(
                    endpoint: endpointDescription, query: promql, detail: DecodingErrorDescription.describe(error))
            }
            // A proxy's error page, say: the status is what tells.
            throw .prometheusQueryFailed(
                endpoint: endpointDescription, query: promql, status: answer.status, errorType: nil,
                message: "HTTP \(answer.status) without a Prometheus API answer")
        }
        for warning in decoded.warnings ?? [] {
            logger.warning("Prometheus warned about a query", metadata: ["query": "\(promql)", "warning": "\(warning)"])
        }
        guard decoded.status == "success", (200..<300).contains(answer.status) else {
            throw .prometheusQueryFailed(
                endpoint: endpointDescription, query: promql, status: answer.status, errorType: decoded.errorType,
                message: decoded.error ?? "HTTP \(answer.status) with status \"\(decoded.status)\" and no error message")
        }
        guard let data = decoded.data else {
            throw .prometheusAnswerInvalid(endpoint: endpointDescription, query: promql, detail: "at `data`: required field is missing")
        }
        return data.result
    }

    /// Unix seconds with millisecond precision, as the API takes them.
    private static func format(_ time: Timestamp) -> String {
        String(format: "%.3f", time.secondsSince1970)
    }
}
