import Foundation
import HealKube
import HealModel

/// The watcher's live copy of what a blue/green Service's status depends on: the shared
/// informers' stores (`FailoverInformers`), or what was read at start until an informer has
/// listed.
struct WatchedNamespace {
    private let initial: ClusterSnapshot
    private let informers: FailoverInformers
    private let pods: Informer<Pod>

    init(_ initial: ClusterSnapshot, observer: FailoverObserver, podSelector: String, informers: SharedInformers) {
        self.initial = initial
        self.informers = FailoverInformers(informers, observer: observer)
        pods = self.informers.pods(selector: podSelector)
    }

    var snapshot: ClusterSnapshot {
        informers.snapshot(pods: pods, initial: initial)
    }

    /// Subscribes to every informer's changes (each resuming and relisting on its own, waiting
    /// out API server outages); a refusal of any ends the watcher.
    func subscribe() -> [ChangeFeed.Source] {
        [
            ChangeFeed.Source(subscribingTo: informers.services), ChangeFeed.Source(subscribingTo: informers.deployments),
            ChangeFeed.Source(subscribingTo: pods), ChangeFeed.Source(subscribingTo: informers.slices),
            ChangeFeed.Source(subscribingTo: informers.events),
        ]
    }
}
