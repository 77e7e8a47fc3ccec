import Foundation
import Logging

/// Sends HTTP requests through libcurl. Cheap to create and copy; all instances share one
/// transfer loop (and so one connection cache).
package struct HTTPClient: Sendable {
    private let logger: Logger

    package init(logger: Logger = Logger(label: "heal.http")) {
        self.logger = logger
    }

    /// Sends the request and collects the whole body. HTTP error statuses are returned, not thrown.
    package func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let started = ContinuousClock.now
        let transfer = try CurlTransfer(request: request)
        do {
            let response = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    transfer.delivery = .buffered(continuation)
                    CurlMultiLoop.shared.submit(transfer)
                }
            } onCancel: {
                transfer.cancel()
            }
            logger.debug("\(request.method) \(request.url) -> \(response.status), \(response.body.count) bytes in \(started.duration(to: .now))")
            return response
        } catch {
            logger.debug("\(request.method) \(request.url) failed: \(error)")
            throw error as? HTTPError ?? .cancelled(url: request.url)
        }
    }

    /// Sends the request and returns once the response headers are in; the body follows as a
    /// stream. Ending the iteration early (or cancelling the task) aborts the transfer.
    package func stream(_ request: HTTPRequest) async throws(HTTPError) -> HTTPStreamingResponse {
        let transfer = try CurlTransfer(request: request)
        let (body, bodyContinuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        bodyContinuation.onTermination = { _ in transfer.cancel() }
        do {
            let head = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    transfer.delivery = .streaming(head: continuation, body: bodyContinuation)
                    CurlMultiLoop.shared.submit(transfer)
                }
            } onCancel: {
                transfer.cancel()
            }
            logger.debug("\(request.method) \(request.url) -> \(head.status), streaming")
            return HTTPStreamingResponse(status: head.status, headers: head.headers, body: HTTPBodyStream(chunks: body, transfer: transfer))
        } catch {
            logger.debug("\(request.method) \(request.url) failed: \(error)")
            throw error as? HTTPError ?? .cancelled(url: request.url)
        }
    }
}
