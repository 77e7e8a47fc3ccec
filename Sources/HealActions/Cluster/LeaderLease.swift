import Foundation
import Logging
import Synchronization

/// Holds a Lease from a task of its own, renewing every `retryPeriod` (client-go's rhythm: 15 s
/// leases, 2 s retries), so a long diagnosis never delays a renewal. A standby tries as often
/// and takes the Lease once its holder stops renewing. A process that cannot renew stops acting
/// at once (the elector reports an API error as "not leader"). Changes of role are said on
/// stderr once.
package final class LeaderLease: Sendable {
    private let elector: LeaseElector
    private let retryPeriod: Duration
    private let logger: Logger
    private let leading = Mutex(false)
    private let renewal = Mutex<Task<Void, Never>?>(nil)
    private let onChange: @Sendable (_ leading: Bool) -> Void

    package init(elector: LeaseElector, retryPeriod: Duration = .seconds(2), logger: Logger, onChange: @escaping @Sendable (_ leading: Bool) -> Void = { _ in }) {
        self.elector = elector
        self.retryPeriod = retryPeriod
        self.logger = logger
        self.onChange = onChange
    }

    /// Whether this process holds the Lease now: only then may it act.
    package var isLeader: Bool { leading.withLock { $0 } }

    /// Makes the first attempt, then keeps renewing (or trying) until `stop()`.
    package func start() async {
        await round(first: true)
        let task = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: retryPeriod)
                guard !Task.isCancelled else { return }
                await round(first: false)
            }
        }
        renewal.withLock { $0 = task }
    }

    /// Stops renewing and gives the Lease up, so a standby takes over at once (a clean exit).
    package func stop() async {
        renewal.withLock { $0 }?.cancel()
        await elector.release()
        leading.withLock { $0 = false }
    }

    private func round(first: Bool) async {
        let now = await elector.tryAcquireOrRenew()
        let was = leading.withLock { state in
            defer { state = now }
            return state
        }
        guard first || now != was else { return }
        let lease = "lease \(elector.name) in namespace \(elector.namespace)"
        if now {
            logger.warning("\(lease): this replica (\(elector.identity)) holds it and acts")
        } else {
            let holder = await elector.holder
            logger.warning("\(lease) is held by \(holder ?? "nobody reachable"): this replica (\(elector.identity)) stands by and does not act")
        }
        onChange(now)
    }
}
