import HealKube

/// An error raised while talking to a cluster, with which cluster it was, so the message can
/// name the context and server without the front end having to.
package struct ClusterFailure: Error {
    package var underlying: any Error
    package var context: String?
    package var server: String?
    package var user: String?

    package init(underlying: any Error, connection: ClusterConnection) {
        self.underlying = underlying
        context = connection.contextName
        server = connection.server
        user = connection.userName
    }
}
