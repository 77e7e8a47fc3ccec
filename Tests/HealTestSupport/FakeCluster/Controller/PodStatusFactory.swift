/// Builds the `status` a kubelet would report for a pod in a given state, in the field order
/// and wording of the captured pods. Parts of the previous status that still hold (transition
/// times, IPs, container IDs) are kept, so recomputing an unchanged pod changes nothing.
enum PodStatusFactory {
    enum ContainerState: Equatable {
        case running(ready: Bool)
        case crashLoop(exitCode: Int, reason: String)
        case imagePullBackOff
    }

    static let nodeName = "node-1"
    static let hostIP = "127.0.0.1"

    static func status(
        of pod: JSONValue, state: ContainerState, podIP: String, now: String
    ) -> JSONValue {
        let previous = pod["status"] ?? .object([])
        let containers = pod.value(at: ["spec", "containers"])?.arrayValue ?? []
        let names = containers.compactMap { $0["name"]?.stringValue }
        let ready = state == .running(ready: true)
        let unready: (String, String)? =
            ready ? nil : ("ContainersNotReady", "containers with unready status: [\(names.joined(separator: " "))]")
        let conditions: [(String, (String, String)?)] = [
            ("PodReadyToStartContainers", nil), ("Initialized", nil), ("Ready", unready),
            ("ContainersReady", unready), ("PodScheduled", nil),
        ]
        let previousConditions = previous["conditions"]?.arrayValue ?? []
        let previousContainers = previous["containerStatuses"]?.arrayValue ?? []
        let ipList: JSONValue = [["ip": .string(podIP)]]
        return [
            "observedGeneration": pod.value(at: ["metadata", "generation"]) ?? 1,
            "phase": state == .imagePullBackOff ? "Pending" : "Running",
            "conditions": .array(conditions.map { type, failure in
                condition(type, failure: failure, previous: previousConditions, now: now)
            }),
            "hostIP": .string(hostIP),
            "hostIPs": [["ip": .string(hostIP)]],
            "podIP": .string(podIP),
            "podIPs": ipList,
            "startTime": previous["startTime"] ?? .string(now),
            "containerStatuses": .array(containers.map { container in
                let name = container["name"]?.stringValue ?? ""
                let old = previousContainers.first { $0["name"]?.stringValue == name }
                return containerStatus(container, pod: pod, state: state, previous: old, now: now)
            }),
            "qosClass": .string(qosClass(containers)),
        ]
    }

    private static func condition(
        _ type: String, failure: (reason: String, message: String)?, previous: [JSONValue], now: String
    ) -> JSONValue {
        let status: JSONValue = failure == nil ? "True" : "False"
        let old = previous.first { $0["type"]?.stringValue == type }
        var condition: JSONValue = [
            "type": .string(type), "status": status, "lastProbeTime": .null,
            "lastTransitionTime": old?["status"] == status ? old?["lastTransitionTime"] ?? .string(now) : .string(now),
        ]
        if let failure {
            condition = condition.setting("reason", to: .string(failure.reason))
                .setting("message", to: .string(failure.message))
        }
        return condition
    }

    private static func containerStatus(
        _ container: JSONValue, pod: JSONValue, state: ContainerState, previous: JSONValue?, now: String
    ) -> JSONValue {
        let name = container["name"]?.stringValue ?? ""
        let image = container["image"]?.stringValue ?? ""
        let containerID = previous?["containerID"]
            ?? .string("containerd://" + StableHash.hex("\(pod.uid)/\(name)", count: 64))
        switch state {
        case .running(let ready):
            if let previous, previous.value(at: ["state", "running"]) != nil, previous["ready"]?.boolValue == ready {
                return previous
            }
            return [
                "name": .string(name),
                "state": ["running": ["startedAt": .string(now)]],
                "lastState": .object([]), "ready": .bool(ready), "restartCount": 0,
                "image": .string(resolved(image)), "imageID": .string(imageID(image)),
                "containerID": containerID, "started": true,
            ]
        case .crashLoop(let exitCode, let reason):
            if let previous, previous.value(at: ["lastState", "terminated", "reason"])?.stringValue == reason {
                return previous
            }
            let podRef = "\(pod.name)_\(pod.namespace ?? "")(\(pod.uid))"
            return [
                "name": .string(name),
                "state": ["waiting": [
                    "reason": "CrashLoopBackOff",
                    "message": .string("back-off 1m20s restarting failed container=\(name) pod=\(podRef)"),
                ]],
                "lastState": ["terminated": [
                    "exitCode": .int(exitCode), "reason": .string(reason), "startedAt": .string(now),
                    "finishedAt": .string(now), "containerID": containerID,
                ]],
                // A container that has crashed a few times already.
                "ready": false, "restartCount": 4,
                "image": .string(resolved(image)), "imageID": .string(imageID(image)),
                "containerID": .string("containerd://" + StableHash.hex("\(pod.uid)/\(name)/4", count: 64)),
                "started": false,
            ]
        case .imagePullBackOff:
            return [
                "name": .string(name),
                "state": ["waiting": [
                    "reason": "ImagePullBackOff",
                    "message": .string("Back-off pulling image \"\(image)\": ErrImagePull: \(pullError(image))"),
                ]],
                "lastState": .object([]), "ready": false, "restartCount": 0,
                "image": .string(image), "imageID": "", "started": false,
            ]
        }
    }

    /// containerd's error for a tag that does not exist, as in the captured `nginx:latst` pod.
    static func pullError(_ image: String) -> String {
        let reference = resolved(image)
        return "rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference)\": "
            + "failed to resolve reference \"\(reference)\": \(reference): not found"
    }

    /// `nginx:1.27` → `docker.io/library/nginx:1.27`, as container runtimes report images.
    static func resolved(_ image: String) -> String {
        let components = image.split(separator: "/")
        let tagged = image.contains("@") || components.last?.contains(":") == true ? image : image + ":latest"
        if components.count > 1, let registry = components.first,
            registry.contains(".") || registry.contains(":") || registry == "localhost"
        {
            return tagged
        }
        return components.count > 1 ? "docker.io/\(tagged)" : "docker.io/library/\(tagged)"
    }

    /// `docker.io/library/nginx@sha256:…`, with a digest derived from the image name.
    private static func imageID(_ image: String) -> String {
        let reference = resolved(image)
        var repository = String(reference.split(separator: "@")[0])
        if let colon = repository.lastIndex(of: ":"), !repository[colon...].contains("/") {
            repository = String(repository[..<colon])
        }
        return "\(repository)@sha256:" + StableHash.hex(reference, count: 64)
    }

    /// Guaranteed when every container's limits equal its requests, BestEffort with neither.
    static func qosClass(_ containers: [JSONValue]) -> String {
        let resources = containers.map { $0["resources"] ?? .object([]) }
        let requests = resources.map { $0["requests"]?.members ?? [] }
        let limits = resources.map { $0["limits"]?.members ?? [] }
        if requests.allSatisfy(\.isEmpty), limits.allSatisfy(\.isEmpty) { return "BestEffort" }
        let guaranteed = resources.allSatisfy { resource in
            let limits = resource["limits"] ?? .object([])
            return ["cpu", "memory"].allSatisfy { limits[$0] != nil }
                && (resource["requests"]?.members ?? []).allSatisfy { limits[$0.key] == $0.value }
        }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}
