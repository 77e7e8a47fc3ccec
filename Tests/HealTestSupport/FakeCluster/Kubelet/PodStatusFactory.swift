/// Builds the `status` a kubelet would report for a pod whose containers are in given states,
/// in the field order and wording of the captured pods. Parts of the previous status that still
/// hold (transition times, IPs, container IDs, a crash already reported) are kept, so
/// recomputing an unchanged pod changes nothing.
enum PodStatusFactory {
    enum ContainerState: Equatable {
        case running(ready: Bool)
        /// Waiting in CrashLoopBackOff after exiting with `exitCode` (`reason` Error or OOMKilled).
        case crashLoop(exitCode: Int, reason: String, restartCount: Int)
        /// ErrImagePull, or ImagePullBackOff once `backingOff`; `error` is containerd's.
        case pullFailed(error: String, backingOff: Bool)
        /// CreateContainerConfigError with the kubelet's message.
        case configError(message: String)

        var isReady: Bool { self == .running(ready: true) }
        /// Never started: the pod stays Pending.
        var isWaitingToStart: Bool {
            switch self {
            case .pullFailed, .configError: true
            case .running, .crashLoop: false
            }
        }
    }

    static let nodeName = "node-1"
    static let hostIP = "127.0.0.1"

    /// A pod the scheduler bound whose containers have not started: what the capture shows
    /// between its creation and its start.
    static func scheduled(_ pod: JSONValue, now: String) -> JSONValue {
        let previous = pod["status"] ?? .object([])
        return [
            "phase": "Pending",
            "conditions": [condition("PodScheduled", failure: nil, previous: previous["conditions"]?.arrayValue ?? [], now: now)],
            "qosClass": previous["qosClass"] ?? .string(qosClass(pod.value(at: ["spec", "containers"])?.arrayValue ?? [])),
        ]
    }

    /// `states` holds one state per container, in spec order.
    static func status(
        of pod: JSONValue, states: [ContainerState], podIP: String, now: String
    ) -> JSONValue {
        let previous = pod["status"] ?? .object([])
        let containers = pod.value(at: ["spec", "containers"])?.arrayValue ?? []
        let unreadyNames = zip(containers, states).filter { !$0.1.isReady }.compactMap { $0.0["name"]?.stringValue }
        let unready: (String, String)? =
            unreadyNames.isEmpty ? nil : ("ContainersNotReady", "containers with unready status: [\(unreadyNames.joined(separator: " "))]")
        let conditions: [(String, (String, String)?)] = [
            ("PodReadyToStartContainers", nil), ("Initialized", nil), ("Ready", unready),
            ("ContainersReady", unready), ("PodScheduled", nil),
        ]
        let previousConditions = previous["conditions"]?.arrayValue ?? []
        let previousContainers = previous["containerStatuses"]?.arrayValue ?? []
        return [
            "observedGeneration": pod.value(at: ["metadata", "generation"]) ?? 1,
            "phase": states.contains(where: \.isWaitingToStart) ? "Pending" : "Running",
            "conditions": .array(conditions.map { type, failure in
                condition(type, failure: failure, previous: previousConditions, now: now)
            }),
            "hostIP": .string(hostIP),
            "hostIPs": [["ip": .string(hostIP)]],
            "podIP": .string(podIP),
            "podIPs": [["ip": .string(podIP)]],
            "startTime": previous["startTime"] ?? .string(now),
            "containerStatuses": .array(zip(containers, states).map { container, state in
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
        let restartCount = previous?["restartCount"]?.intValue ?? 0
        switch state {
        case .running(let ready):
            if let previous, previous.value(at: ["state", "running"]) != nil, previous["ready"]?.boolValue == ready {
                return previous
            }
            // A container that crashed before keeps its count and its last termination.
            return [
                "name": .string(name),
                "state": ["running": ["startedAt": .string(now)]],
                "lastState": previous?["lastState"] ?? .object([]), "ready": .bool(ready), "restartCount": .int(restartCount),
                "image": .string(ImageRegistry.resolved(image)), "imageID": .string(imageID(image)),
                "containerID": .string(containerID(pod, name, run: restartCount)), "started": true,
            ]
        case .crashLoop(let exitCode, let reason, let count):
            if let previous, previous.value(at: ["lastState", "terminated", "reason"])?.stringValue == reason,
                previous["restartCount"]?.intValue == count, previous.value(at: ["state", "waiting"]) != nil
            {
                return previous
            }
            let podRef = "\(pod.name)_\(pod.namespace ?? "")(\(pod.uid))"
            let backOff = BackOff.goText(BackOff.delay(restartCount: count))
            return [
                "name": .string(name),
                "state": ["waiting": [
                    "reason": "CrashLoopBackOff",
                    "message": .string("back-off \(backOff) restarting failed container=\(name) pod=\(podRef)"),
                ]],
                "lastState": ["terminated": [
                    "exitCode": .int(exitCode), "reason": .string(reason), "startedAt": .string(now),
                    "finishedAt": .string(now), "containerID": .string(containerID(pod, name, run: count - 1)),
                ]],
                "ready": false, "restartCount": .int(count),
                "image": .string(ImageRegistry.resolved(image)), "imageID": .string(imageID(image)),
                "containerID": .string(containerID(pod, name, run: count)),
                "started": false,
            ]
        case .pullFailed(let error, let backingOff):
            let waiting: JSONValue = backingOff
                ? ["reason": "ImagePullBackOff", "message": .string("Back-off pulling image \"\(image)\": ErrImagePull: \(error)")]
                // The kubelet reports the pull error itself until the first back-off.
                : ["reason": "ErrImagePull", "message": .string(error)]
            return waitingToStart(name, image: image, waiting: waiting)
        case .configError(let message):
            return waitingToStart(name, image: image, waiting: ["reason": "CreateContainerConfigError", "message": .string(message)])
        }
    }

    /// A container that never started: the image as the spec names it and no imageID.
    private static func waitingToStart(_ name: String, image: String, waiting: JSONValue) -> JSONValue {
        [
            "name": .string(name), "state": ["waiting": waiting], "lastState": .object([]), "ready": false,
            "restartCount": 0, "image": .string(image), "imageID": "", "started": false,
        ]
    }

    /// `containerd://…` of the container's `run`-th start.
    private static func containerID(_ pod: JSONValue, _ name: String, run: Int) -> String {
        "containerd://" + StableHash.hex(run == 0 ? "\(pod.uid)/\(name)" : "\(pod.uid)/\(name)/\(run)", count: 64)
    }

    /// `docker.io/library/nginx@sha256:…`, with a digest derived from the image name.
    private static func imageID(_ image: String) -> String {
        let reference = ImageRegistry.resolved(image)
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
