import HealModel

/// Reads an image-pull failure (the container's waiting message plus the kubelet's Failed
/// events) and decides what is wrong: the tag, the repository, the credentials, the reference's
/// syntax — or the registry itself (unreachable, rate-limited, untrusted certificate).
enum ImagePullClassifier {
    struct Verdict {
        var code: String
        var rootCause: String
        var suggestion: ImageSuggestion?
        var confidence: Double
    }

    static func classify(image: String, reason: String, messages: [String], hasPullSecrets: Bool, runningImages: Set<String>) -> Verdict {
        let text = messages.joined(separator: "\n")
        let reference = ImageReference(image)
        let registry = reference.registry ?? "docker.io"
        if reason == "ErrImageNeverPull" {
            // The kubelet will not pull at all (imagePullPolicy: Never): no registry is involved.
            return Verdict(
                code: "image-never-pulled",
                rootCause: "Image \(image) is not on the node and the container's imagePullPolicy is Never, so the kubelet will not pull it (\(messages.first { !$0.isEmpty }.map { Wording.clause(Wording.clip($0, 160)) } ?? "ErrImageNeverPull")).",
                suggestion: nil, confidence: 0.95)
        }
        if reason == "InvalidImageName" {
            let suggestion = ImageCorrector.correctSyntax(of: image)
            let why = messages.first.map { firstClause(of: $0) } ?? "the reference cannot be parsed"
            return Verdict(
                code: "invalid-image-name",
                rootCause: "Image reference \"\(image)\" is invalid (\(why))\(suggested(suggestion))",
                suggestion: suggestion, confidence: 0.95)
        }
        // A missing repository first: Docker Hub answers a typo with "pull access denied …
        // repository does not exist", which also mentions access.
        let repositoryMissing = text.contains(Self.repositoryMissing)
        if repositoryMissing {
            if let suggestion = ImageCorrector.correctRepository(of: image, runningImages: runningImages) {
                return Verdict(
                    code: "image-not-found",
                    rootCause: "Repository \(reference.shortRepository) does not exist on \(registry); it looks like a misspelling of \(ImageReference(suggestion.image).shortRepository)\(suggested(suggestion))",
                    suggestion: suggestion, confidence: suggestion.confidence)
            }
            if hasPullSecrets || !reference.isDockerHub {
                return Verdict(
                    code: "image-pull-unauthorized",
                    rootCause: "Registry \(registry) denies access to \(reference.repository): the repository does not exist or the pull credentials lack access to it.",
                    suggestion: nil, confidence: 0.6)
            }
            return Verdict(
                code: "image-not-found",
                rootCause: "Repository \(reference.shortRepository) does not exist on Docker Hub (or is private and needs imagePullSecrets).",
                suggestion: nil, confidence: 0.7)
        }
        if text.contains(Self.unauthorized) {
            let secrets = hasPullSecrets ? "the pod's imagePullSecrets are not accepted" : "the pod has no imagePullSecrets"
            return Verdict(
                code: "image-pull-unauthorized",
                rootCause: "Registry \(registry) refused to let the node pull \(image) (unauthorized): \(secrets).",
                suggestion: nil, confidence: 0.9)
        }
        if text.contains(Self.manifestMissing) {
            // The repository answered, so only a known misspelling of its name is suggested (edit
            // distance could turn team/api-v2 into a neighbouring team/api-v1).
            if let suggestion = ImageCorrector.correctRepository(of: image, runningImages: [], knownTyposOnly: true) {
                return Verdict(
                    code: "image-not-found",
                    rootCause: "Repository \(reference.shortRepository) does not exist on \(registry); it looks like a misspelling of \(ImageReference(suggestion.image).shortRepository)\(suggested(suggestion))",
                    suggestion: suggestion, confidence: suggestion.confidence)
            }
            let suggestion = ImageCorrector.correctTag(of: image, runningImages: runningImages)
            return Verdict(
                code: "image-tag-not-found",
                rootCause: "Tag \"\(reference.tag ?? "latest")\" of \(reference.shortRepository) does not exist on \(registry)\(suggested(suggestion))",
                suggestion: suggestion, confidence: suggestion?.confidence ?? 0.8)
        }
        return Verdict(code: "image-pull-failed", rootCause: registryProblem(text, registry: registry, image: image), suggestion: nil, confidence: 0.7)
    }

    private static func registryProblem(_ text: String, registry: String, image: String) -> String {
        if text.contains("toomanyrequests") {
            return "Registry \(registry) rate-limits the node's pulls of \(image) (toomanyrequests): authenticate the pulls or use a mirror."
        }
        if text.contains(Self.networkFailure) {
            return "The node cannot reach registry \(registry) to pull \(image): check DNS, egress and proxy settings."
        }
        if text.contains(Self.certificateProblem) {
            return "The node does not trust registry \(registry)'s TLS certificate, so \(image) cannot be pulled."
        }
        let detail = text.split(separator: "\n").first.map { Wording.clip(String($0), 160) } ?? "no detail"
        return "The node cannot pull \(image): \(detail)."
    }

    /// Ends the sentence: "; the intended image is probably nginx:latest." or just ".".
    private static func suggested(_ suggestion: ImageSuggestion?) -> String {
        suggestion.map { "; the intended image is probably \($0.image)." } ?? "."
    }

    /// "repository name (library/Nginx) must be lowercase" from the kubelet's message.
    private static func firstClause(of message: String) -> String {
        message.components(separatedBy: ": ").last.map { Wording.clip($0, 120) } ?? message
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let repositoryMissing = #/(?i)repository does not exist|pull access denied|insufficient_scope|requested access to the resource is denied/#
    nonisolated(unsafe) private static let unauthorized = #/(?i)401 Unauthorized|unauthorized:|authentication required|no basic auth credentials|403 Forbidden/#
    nonisolated(unsafe) private static let manifestMissing = #/(?i)manifest unknown|: not found|code = NotFound/#
    nonisolated(unsafe) private static let networkFailure = #/no such host|server misbehaving|i\/o timeout|connection refused|network is unreachable/#
    nonisolated(unsafe) private static let certificateProblem = #/x509|certificate/#
}
