import HealModel
import Synchronization

/// Wakes a polling loop early when an informer stores a change in one namespace: `wait(upTo:)`
/// returns at the next such change, or after the interval when nothing changed. A change while
/// nobody waits is kept, so none is lost between two waits.
package final class ChangeSignal: Sendable {
    private let latch = Latch()
    private let follower: Task<Void, Never>

    /// Follows `informer`'s changes in `namespace` (nil: all) until `stop()`.
    package init<Object: KubeResource>(_ informer: Informer<Object>, namespace: String?) {
        let latch = latch
        let changes = informer.changes()
        follower = Task {
            do {
                for try await change in changes where Self.concerns(change, namespace: namespace) { latch.open() }
            } catch {}
        }
    }

    private static func concerns<Object: KubeResource>(_ change: WatchEvent<Object>, namespace: String?) -> Bool {
        switch change {
        case .added(let object), .modified(let object), .deleted(let object): namespace.map { object.metadata.namespace == $0 } ?? true
        case .relisted: true
        case .bookmark: false
        }
    }

    package func wait(upTo interval: Duration) async {
        let latch = latch
        let timer = Task {
            // Cancelled when a change opened the latch first: then it must stay closed.
            do {
                try await Task.sleep(for: interval)
                latch.open()
            } catch {}
        }
        await latch.pass()
        timer.cancel()
    }

    package func stop() {
        follower.cancel()
    }
}

/// Opened by a change or a timer; `pass()` waits until it is open and closes it again.
private final class Latch: Sendable {
    private struct State {
        var open = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func open() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.open = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    func pass() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let passes = state.withLock { state -> Bool in
                guard state.open else {
                    state.waiter = waiter
                    return false
                }
                state.open = false
                return true
            }
            if passes { waiter.resume() }
        }
    }
}
