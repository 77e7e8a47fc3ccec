import Foundation

/// How fresh one informer's store is, for a long-running watcher's metrics.
package struct InformerStatus: Sendable, Equatable {
    package var scope: InformerScope
    /// Listed and streaming: the store is as fresh as the watch.
    package var current: Bool
    package var objects: Int
    /// When the informer last heard from the API server: a list, a change or a bookmark (which a
    /// real API server sends about once a minute on a quiet watch). nil before the first list.
    package var lastHeard: Date?
}
