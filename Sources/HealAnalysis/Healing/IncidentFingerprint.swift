import HealModel

/// What makes two incidents "the same" for the learned memory: the symptom (finding code and
/// the container's waiting reason), how the container last ended, the owner kind, the
/// container name, the normalised log signature and the image family. The workload's own name
/// is deliberately not part of it (a re-created or sibling workload with the same bug matches),
/// while anything about the symptom is, so one workload's fix never reaches an unrelated symptom.
package struct IncidentFingerprint: Sendable, Equatable, Codable {
    package var code: String
    package var reason: String
    package var lastTermination: String
    package var ownerKind: String
    package var container: String
    package var logSignature: String
    package var imageFamily: String

    package init(code: String, reason: String, lastTermination: String, ownerKind: String, container: String, logSignature: String, imageFamily: String) {
        self.code = code
        self.reason = reason
        self.lastTermination = lastTermination
        self.ownerKind = ownerKind
        self.container = container
        self.logSignature = logSignature
        self.imageFamily = imageFamily
    }

    /// The fingerprint of a pod-level finding, from the pod it names and its container's logs
    /// (previous instance first: that is the one that crashed).
    package static func of(_ finding: Finding, pod: Pod?, logs: ContainerLogs?) -> IncidentFingerprint {
        let container = finding.container ?? ""
        let status = pod.flatMap { pod in
            (pod.status.containerStatuses + pod.status.initContainerStatuses).first { $0.name == container }
        }
        let image = pod?.container(named: container)?.image ?? status?.image ?? ""
        let logLines = logs.map { ($0.previous ?? []) + ($0.current ?? []) } ?? finding.evidence.filter { $0.source == .log }.map(\.text)
        return IncidentFingerprint(
            code: finding.code,
            reason: normalisedReason(status?.state?.waiting?.reason ?? status?.state?.terminated?.reason ?? ""),
            lastTermination: status?.lastState?.terminated?.reason ?? status?.state?.terminated?.reason ?? "",
            ownerKind: finding.owner?.kind ?? finding.resource.kind,
            container: container,
            logSignature: LogSignature.of(logLines),
            imageFamily: family(of: image))
    }

    /// The readable parts, as `learn show` prints them.
    package var parts: [String: String] {
        [
            "code": code, "reason": reason, "lastTermination": lastTermination, "ownerKind": ownerKind,
            "container": container, "logSignature": logSignature, "imageFamily": imageFamily,
        ]
    }

    /// 16 hex digits of SHA-256 over the parts, in a fixed order.
    package var hash: String {
        SHA256.hex([code, reason, lastTermination, ownerKind, container, logSignature, imageFamily].joined(separator: "\u{1F}"), length: 16)
    }

    /// The repository without registry, tag or digest: `docker.io/library/nginx:1.27` → `nginx`.
    /// A typo'd image keeps its typo (`apline`): the fix for it is specific to that typo.
    package static func family(of image: String) -> String {
        guard !image.isEmpty else { return "" }
        return ImageReference(image).shortRepository
    }

    /// Reasons that alternate while one problem lasts are the same reason.
    private static func normalisedReason(_ reason: String) -> String {
        switch reason {
        case "ErrImagePull": "ImagePullBackOff"
        case "OOMKilled", "Error", "Completed": "CrashLoopBackOff"
        default: reason
        }
    }
}
