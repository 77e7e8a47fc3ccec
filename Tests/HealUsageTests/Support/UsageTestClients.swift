import Foundation
import HealHTTP
import HealKube
import HealTestSupport

/// Clients for the fake API server and fake cluster, with retries fast enough for a unit test.
enum UsageTestClients {
    static let fastRetries = RetryPolicy(
        maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .milliseconds(40), retryAfterCap: .seconds(1))

    static func client(_ server: FakeAPIServer) -> KubeClient {
        KubeClient(
            connection: ClusterConnection(server: server.baseURL.absoluteString, requestTimeout: .seconds(10), origin: "test server"),
            retryPolicy: fastRetries)
    }

    static func client(_ cluster: FakeCluster) -> KubeClient {
        client(cluster.server)
    }
}
