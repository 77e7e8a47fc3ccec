/// What the kubelet ran short of, read from its eviction message, and the advice that goes with
/// it: an eviction for disk is not helped by memory requests. The messages are the kubelet's
/// (pkg/kubelet/eviction): "The node was low on resource: memory. …", "… ephemeral-storage. …",
/// "Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ", "Container x
/// exceeded its local ephemeral storage limit "1Gi". ", "Usage of EmptyDir volume "x" exceeds the
/// limit "1Gi". ", and the admission refusal "The node had condition: [DiskPressure]. ".
enum EvictionCause: Equatable {
    case memory
    case ephemeralStorage
    case processIDs
    case unknown

    init(message: String) {
        let text = message.lowercased()
        // Node pressure names its resource first; the rest of that message names containers,
        // whose names may say anything ("ephemeral-cache").
        if let named = text.firstMatch(of: Self.namedResource)?.output.1 {
            switch named {
            case "memory": self = .memory
            case "pids": self = .processIDs
            case let resource where resource.contains("storage") || resource.contains("fs"): self = .ephemeralStorage
            default: self = .unknown
            }
        } else if ["ephemeral local storage", "local ephemeral storage", "emptydir volume", "diskpressure"].contains(where: text.contains) {
            self = .ephemeralStorage
        } else if text.contains("memorypressure") {
            self = .memory
        } else if text.contains("pidpressure") {
            self = .processIDs
        } else {
            self = .unknown
        }
    }

    /// What to do when evictions repeat.
    var advice: String {
        switch self {
        case .memory: "set memory requests that match real usage"
        case .ephemeralStorage:
            "give the containers ephemeral-storage requests and limits that match what they write (logs, emptyDir volumes, the writable layer), or move that data to a volume"
        case .processIDs: "bound how many processes the containers start"
        case .unknown: "see what the node ran short of in the message"
        }
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let namedResource = #/low on resource: ([a-z-]+)/#
}
