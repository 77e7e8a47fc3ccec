import Foundation
import HealKube
import HealModel
import Logging

/// Leader election on a coordination.k8s.io/v1 Lease, as client-go does it: the holder renews
/// `renewTime`; anyone may take a Lease whose renewTime is older than its duration; every write
/// carries the resourceVersion it read, so two candidates racing cannot both win. With several
/// watcher replicas only the holder acts.
package actor LeaseElector {
    package let name: String
    package let namespace: String
    package let identity: String
    package let leaseDurationSeconds: Int
    private let client: KubeClient
    private let logger: Logger
    package private(set) var holder: String?

    package init(client: KubeClient, namespace: String, name: String, identity: String, leaseDurationSeconds: Int = 15, logger: Logger) {
        self.client = client
        self.namespace = namespace
        self.name = name
        self.identity = identity
        self.leaseDurationSeconds = leaseDurationSeconds
        self.logger = logger
    }

    package var isLeader: Bool { holder == identity }

    /// One round: create, renew or take over the Lease if possible. Returns whether this
    /// process holds it afterwards. API errors count as "not leader" (and are logged): a
    /// watcher that cannot renew must stop acting.
    @discardableResult
    package func tryAcquireOrRenew(now: Date = Date()) async -> Bool {
        do {
            guard var lease = try await fetch() else { return lost(nil) }
            var spec = lease["spec"] as? [String: Any] ?? [:]
            let current = (spec["holderIdentity"] as? String).flatMap(\.nonEmpty)
            let renewed = (spec["renewTime"] as? String).flatMap(Timestamp.init(rfc3339:))
            let duration = Double(spec["leaseDurationSeconds"] as? Int ?? leaseDurationSeconds)
            let expired = renewed.map { Timestamp(now).seconds(since: $0) > duration } ?? true
            guard current == identity || current == nil || expired else { return lost(current) }
            let time = Timestamp(now).microTime
            if current != identity {
                spec["acquireTime"] = time
                spec["leaseTransitions"] = (spec["leaseTransitions"] as? Int ?? 0) + (current == nil ? 0 : 1)
            }
            spec["holderIdentity"] = identity
            spec["leaseDurationSeconds"] = leaseDurationSeconds
            spec["renewTime"] = time
            lease["spec"] = spec
            _ = try await client.replace(.leases, namespace: namespace, name: name, body: JSONBody.encode(lease))
            return won(previous: current)
        } catch let error as KubeError where error.httpStatus == 404 {
            return await create(now: now)
        } catch {
            logger.warning("lease \(name) in namespace \(namespace): \(error); not acting until it is renewed")
            return lost(nil)
        }
    }

    /// Gives the Lease up on a clean exit so a standby replica takes over at once.
    package func release() async {
        guard isLeader else { return }
        do {
            guard var lease = try await fetch() else { return }
            var spec = lease["spec"] as? [String: Any] ?? [:]
            spec["holderIdentity"] = ""
            spec["leaseDurationSeconds"] = 1
            lease["spec"] = spec
            _ = try await client.replace(.leases, namespace: namespace, name: name, body: JSONBody.encode(lease))
            holder = nil
        } catch {
            logger.warning("could not release lease \(name) in namespace \(namespace): \(error)")
        }
    }

    /// The Lease as read, kept whole (as a dictionary) so a PUT returns every field it had.
    private func fetch() async throws -> [String: Any]? {
        try JSONSerialization.jsonObject(with: try await client.object(.leases, namespace: namespace, name: name)) as? [String: Any]
    }

    private func create(now: Date) async -> Bool {
        let time = Timestamp(now).microTime
        let lease: [String: Any] = [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": ["name": name, "namespace": namespace],
            "spec": [
                "holderIdentity": identity, "leaseDurationSeconds": leaseDurationSeconds, "acquireTime": time, "renewTime": time,
                "leaseTransitions": 0,
            ],
        ]
        do {
            _ = try await client.create(.leases, namespace: namespace, body: JSONBody.encode(lease))
            return won(previous: nil)
        } catch {
            // 409: another candidate created it first; it is the leader this round.
            if error.httpStatus != 409 { logger.warning("cannot create lease \(name) in namespace \(namespace): \(error)") }
            return lost(nil)
        }
    }

    private func won(previous: String?) -> Bool {
        if holder != identity { logger.info("acquired lease \(name) in namespace \(namespace)\(previous.map { " from \($0)" } ?? "")") }
        holder = identity
        return true
    }

    private func lost(_ current: String?) -> Bool {
        holder = current
        return false
    }
}
