import Foundation
import HealKube
import HealModel
import Logging

/// Posts core/v1 Events on the objects kubectl-heal acts on, so `kubectl describe` and event
/// exporters show what happened. An Event that cannot be written (RBAC) is a warning, never
/// a reason to stop an action half-way.
package struct EventRecorder: Sendable {
    package struct Subject: Sendable {
        package var apiVersion: String
        package var kind: String
        package var namespace: String
        package var name: String
        package var uid: String?

        package init(apiVersion: String, kind: String, namespace: String, name: String, uid: String?) {
            self.apiVersion = apiVersion
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.uid = uid
        }
    }

    let client: KubeClient
    let logger: Logger
    let instance: String
    let now: @Sendable () -> Date

    package init(client: KubeClient, logger: Logger, instance: String = ProcessInfo.processInfo.hostName, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.logger = logger
        self.instance = instance
        self.now = now
    }

    package func record(on subject: Subject, type: String, reason: String, message: String) async {
        let time = Timestamp(now()).description
        var involved: [String: Any] = ["apiVersion": subject.apiVersion, "kind": subject.kind, "namespace": subject.namespace, "name": subject.name]
        involved["uid"] = subject.uid
        let event: [String: Any] = [
            "apiVersion": "v1", "kind": "Event",
            "metadata": ["generateName": "\(subject.name).", "namespace": subject.namespace],
            "involvedObject": involved,
            "type": type, "reason": reason, "message": message,
            "source": ["component": KubeClient.fieldManager],
            "reportingComponent": KubeClient.fieldManager, "reportingInstance": instance,
            "firstTimestamp": time, "lastTimestamp": time, "count": 1,
        ]
        do {
            _ = try await client.create(APIResource(.events), namespace: subject.namespace, body: JSONBody.encode(event))
        } catch {
            logger.warning("could not record Event \(reason) on \(subject.kind.lowercased())/\(subject.name) in namespace \(subject.namespace): \(error)")
        }
    }
}
