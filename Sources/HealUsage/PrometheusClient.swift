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
        let answer = try await transport.get(path: "/api/v1/query", query: parameters)
        let decoded: PrometheusAnswer
        do {
            decoded = try JSONDecoder().decode(PrometheusAnswer.self, from: answer.body)
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
        return data.result.map { PrometheusSample(labels: $0.metric, value: $0.value.number) }
    }

    /// Unix seconds with millisecond precision, as the API takes them.
    private static func format(_ time: Timestamp) -> String {
        String(format: "%.3f", time.secondsSince1970)
    }
}
