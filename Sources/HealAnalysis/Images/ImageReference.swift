/// A container image reference split the way container runtimes read it:
/// `[registry/]repository[:tag][@digest]`, where a first component with a dot, a colon or
/// `localhost` is a registry, and Docker Hub's implicit `library/` prefix is tracked.
package struct ImageReference: Sendable, Equatable {
    /// As written in the pod spec.
    package var original: String
    /// nil for Docker Hub written without a registry.
    package var registry: String?
    /// As written, without registry: "nginx", "team/api", "library/nginx".
    package var repository: String
    package var tag: String?
    package var digest: String?

    package init(_ text: String) {
        original = text
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if components.count > 1, let first = components.first, first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first
            components.removeFirst()
        }
        var last = components.removeLast()
        if let colon = last.lastIndex(of: ":") {
            tag = String(last[last.index(after: colon)...])
            last = String(last[..<colon])
        }
        repository = (components + [last]).joined(separator: "/")
    }

    /// Docker Hub, written or implied.
    package var isDockerHub: Bool {
        registry == nil || registry == "docker.io" || registry == "index.docker.io" || registry == "registry-1.docker.io"
    }

    /// The repository as Docker Hub users write it: "nginx" for "library/nginx".
    package var shortRepository: String {
        isDockerHub && repository.hasPrefix("library/") ? String(repository.dropFirst("library/".count)) : repository
    }

    /// The same reference with another repository and/or tag, keeping the user's registry style.
    package func with(repository newRepository: String? = nil, tag newTag: String? = nil) -> String {
        var text = registry.map { "\($0)/" } ?? ""
        text += newRepository ?? repository
        if let tag = newTag ?? tag { text += ":\(tag)" }
        if let digest { text += "@\(digest)" }
        return text
    }
}
