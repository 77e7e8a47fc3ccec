import Testing

/// Polls `condition` until it holds; records an issue naming `what` when `timeout` passes first
/// (the fake cluster and background runs change on their own threads).
func waitUntil(_ what: String, timeout: Duration = .seconds(20), _ condition: () throws -> Bool) async throws {
    try await waitUntilAsync(what, timeout: timeout) { try condition() }
}

/// `waitUntil` for a condition that awaits (a scrape, a request).
func waitUntilAsync(_ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("timed out waiting until \(what)")
            return
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}
