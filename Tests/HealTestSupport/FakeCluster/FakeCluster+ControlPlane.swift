import Foundation

/// Waiting for the controllers, and stopping the API server as `kill -9` on kube-apiserver
/// with etcd left running would.
extension FakeCluster {
    /// The controllers did not settle in time.
    package struct NotSettled: Error, CustomStringConvertible {
        let what: String
        package var description: String { "\(what) did not settle" }
    }

    /// Waits (polling, so no thread of the concurrency pool is held) until no controller round is pending or running and no pod is starting or
    /// terminating (crash-loop back-offs, which never end, do not count); false when that did not
    /// happen within `timeout`. With `.instant` timing the cluster is always settled; while the
    /// API server is stopped the controllers are too, so anything pending waits for a restart.
    package func settle(timeout: Duration = .seconds(10)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !shared.withLock({ $0.isSettled }) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// Stops the API server: the listener and every open connection close (watch streams end
    /// without a final chunk, new connections are refused) and the controllers, its clients,
    /// pause. Objects and the watch history stay, and test-side writes still land, to be acted
    /// on after `startAPIServer()`.
    package func stopAPIServer() {
        shared.withLock { $0.apiServerDown = true }
        server.stopListening()
    }

    /// Compacts the watch history (etcd compacted, or restored from a backup): every watch that
    /// resumes from a resourceVersion seen before gets 410 Gone and has to list again.
    package func compactHistory() {
        shared.withLock { $0.store.compact() }
    }

    /// Listens again on the same port; the controllers resume. A watch resumed from the last
    /// resourceVersion a client saw continues without a 410.
    package func startAPIServer() throws {
        try server.startListening()
        shared.withLock { $0.apiServerDown = false }
    }
}
