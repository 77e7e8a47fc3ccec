/// The images the fake cluster's node can pull, by fully qualified reference
/// (`docker.io/library/nginx:1.27`). A container whose image is not here fails to pull the way
/// containerd reports it in the captured agentic-demo pods: a known repository with an unknown
/// tag is "not found" (`nginx:latst`), an unknown repository is "pull access denied, repository
/// does not exist or may require authorization" (`apline:3.18`).
package struct ImageRegistry: Sendable, Equatable {
    /// Why a pull failed.
    package enum PullFailure: Sendable, Equatable {
        case tagNotFound
        case repositoryNotFound
    }

    /// What `standard` holds: the images the captured namespaces run, and the usual fixes of
    /// their typos.
    package static let standardImages = [
        "nginx:latest", "nginx:1.27", "nginx:1.28", "alpine:3.18", "alpine:latest", "busybox:1.36", "busybox:latest",
        "mysql:8.0", "polinux/stress:1.0.4", "python:3.12-slim", "redis:7.2",
    ]

    package static let standard = ImageRegistry(images: standardImages)

    /// Repository (`docker.io/library/nginx`) → tags it has.
    private let tags: [String: Set<String>]

    /// `images` as a pod spec names them (`nginx:1.27`, `ghcr.io/acme/billing:1.3.0`); an image
    /// without a tag is `:latest`.
    package init(images: [String]) {
        var tags: [String: Set<String>] = [:]
        for image in images {
            let reference = Self.split(image)
            tags[reference.repository, default: []].insert(reference.tag)
        }
        self.tags = tags
    }

    /// Nil when `image` pulls; digests (`@sha256:…`) pull whenever the repository is known.
    package func failure(pulling image: String) -> PullFailure? {
        let reference = Self.split(image)
        guard let known = tags[reference.repository] else { return .repositoryNotFound }
        return image.contains("@") || known.contains(reference.tag) ? nil : .tagNotFound
    }

    /// containerd's error text for a failed pull, copied from the captured pods and events.
    static func message(_ failure: PullFailure, image: String) -> String {
        let reference = resolved(image)
        switch failure {
        case .tagNotFound:
            return "rpc error: code = NotFound desc = failed to pull and unpack image \"\(reference)\": "
                + "failed to resolve reference \"\(reference)\": \(reference): not found"
        case .repositoryNotFound:
            return "failed to pull and unpack image \"\(reference)\": failed to resolve reference \"\(reference)\": "
                + "pull access denied, repository does not exist or may require authorization: server message: "
                + "insufficient_scope: authorization failed"
        }
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

    /// The resolved repository and the tag (`latest` when none; the digest for `@` references).
    private static func split(_ image: String) -> (repository: String, tag: String) {
        let reference = resolved(image)
        if let at = reference.firstIndex(of: "@") {
            return (String(reference[..<at]), String(reference[reference.index(after: at)...]))
        }
        guard let colon = reference.lastIndex(of: ":"), !reference[colon...].contains("/") else {
            return (reference, "latest")
        }
        return (String(reference[..<colon]), String(reference[reference.index(after: colon)...]))
    }
}
