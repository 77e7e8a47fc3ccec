import Foundation

/// The chunks of a streamed body. Ending the iteration early (`break`, an error, a cancelled
/// task) aborts the transfer at once: the iterator cancels it when it is released, so the
/// connection does not stay open for as long as someone still holds the response.
package struct HTTPBodyStream: AsyncSequence, Sendable {
    package typealias Element = Data

    let chunks: AsyncThrowingStream<Data, any Error>
    let transfer: CurlTransfer

    package struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<Data, any Error>.AsyncIterator
        let release: TransferRelease

        package mutating func next() async throws -> Data? {
            try await base.next()
        }
    }

    package func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: chunks.makeAsyncIterator(), release: TransferRelease(transfer))
    }
}

/// Cancels a transfer when the last iterator holding it goes away (a finished transfer ignores it).
final class TransferRelease: Sendable {
    private let transfer: CurlTransfer

    init(_ transfer: CurlTransfer) {
        self.transfer = transfer
    }

    deinit {
        transfer.cancel()
    }
}
