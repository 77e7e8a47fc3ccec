import Foundation
import HealHTTP
import HealKube
import HealTestSupport

/// Clients pointed at a `FakeAPIServer`, with retries fast enough for a unit test.
enum TestClients {
    static let fastRetries = RetryPolicy(
        maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(40), retryAfterCap: .seconds(5))

    static func connection(
        _ server: FakeAPIServer, credential: Credential = .none, requestTimeout: Duration? = .seconds(10)
    ) -> ClusterConnection {
        ClusterConnection(
            server: server.baseURL.absoluteString, credential: credential, requestTimeout: requestTimeout,
            origin: "test server")
    }

    static func client(
        _ server: FakeAPIServer, credential: Credential = .none, requestTimeout: Duration? = .seconds(10),
        retries: RetryPolicy = fastRetries
    ) -> KubeClient {
        KubeClient(connection: connection(server, credential: credential, requestTimeout: requestTimeout), retryPolicy: retries)
    }

    static func client(_ connection: ClusterConnection, pluginTimeout: Duration = .seconds(20)) -> KubeClient {
        KubeClient(connection: connection, retryPolicy: fastRetries, pluginTimeout: pluginTimeout)
    }
}
