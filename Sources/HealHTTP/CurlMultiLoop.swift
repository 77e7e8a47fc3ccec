import CCurl
import Foundation
import Synchronization

/// The one thread that drives libcurl. All transfers run on a single multi handle, so
/// connections are reused across requests and HTTP/2 streams share a connection — libcurl does
/// not support sharing connections between threads, and blocking curl calls must stay off
/// Swift's cooperative thread pool.
///
/// Cancellation: a cancelled transfer is flagged and the loop woken; the loop removes flagged
/// handles on its next turn (it wakes at least once a second), which aborts the exchange at once
/// rather than at the next progress callback.
final class CurlMultiLoop: @unchecked Sendable {
    static let shared = CurlMultiLoop()

    private static let libraryInitialized: Bool = {
        heal_global_init() == CURLE_OK
    }()

    /// curl_global_init must run before any handle exists and only once per process.
    static func initializeLibrary() {
        precondition(libraryInitialized, "libcurl could not be initialised")
    }

    private let multi: UnsafeMutableRawPointer
    private let incoming = Mutex<[CurlTransfer]>([])
    /// Loop-thread only.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    private init() {
        Self.initializeLibrary()
        guard let multi = curl_multi_init() else {
            fatalError("libcurl could not create a multi handle")
        }
        self.multi = multi
        _ = heal_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        // Keep idle connections for reuse even after bursts of parallel transfers (the default
        // cache holds four per active transfer and evicts idle ones as transfers finish). One API
        // server needs a few dozen; the margin is for processes talking to many servers (tests).
        _ = heal_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, 256)
        let thread = Thread { [self] in run() }
        thread.name = "heal-http"
        thread.start()
    }

    func submit(_ transfer: CurlTransfer) {
        // Retained by `active` (not by the curl callbacks, which hold an unretained pointer).
        incoming.withLock { $0.append(transfer) }
        wake()
    }

    func wake() {
        curl_multi_wakeup(multi)
    }

    private func run() {
        var running: Int32 = 0
        while true {
            admitNewTransfers()
            removeCancelledTransfers()
            curl_multi_perform(multi, &running)
            completeFinishedTransfers()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }

    private func admitNewTransfers() {
        let arrivals = incoming.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
        for transfer in arrivals {
            if transfer.isCancelled {
                transfer.complete(with: nil)
            } else if curl_multi_add_handle(multi, transfer.handle) == CURLM_OK {
                active[transfer.handle] = transfer
            } else {
                transfer.complete(with: CURLE_FAILED_INIT)
            }
        }
    }

    private func removeCancelledTransfers() {
        for (handle, transfer) in active where transfer.isCancelled {
            curl_multi_remove_handle(multi, handle)
            active[handle] = nil
            transfer.complete(with: nil)
        }
    }

    private func completeFinishedTransfers() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard heal_multi_message_is_done(message) != 0, let handle = heal_multi_message_handle(message) else {
                continue
            }
            let result = heal_multi_message_result(message)
            curl_multi_remove_handle(multi, handle)
            guard let transfer = active.removeValue(forKey: handle) else { continue }
            transfer.complete(with: transfer.isCancelled ? nil : result)
        }
    }
}
