import Foundation

/// Answers `GET …/namespaces/NS/pods/POD/log` from `<ns>_<pod>_<container>[.previous].log`
/// files. A non-empty `<ns>_<pod>_<container>.err` (kubectl's "Error from server (BadRequest): …"
/// line) makes the current-container request fail with 400, as for a container still waiting to
/// start; an empty `.err` records that the request succeeded.
struct LogFixtures: Sendable {
    let directory: URL

    private static let kubectlPrefix = "Error from server (BadRequest): "

    private enum Container {
        case named(String)
        case unresolved(WireResponse)
    }

    func respond(namespace: String, pod: String, request: RecordedRequest) -> WireResponse {
        do {
            return try serve(namespace: namespace, pod: pod, request: request)
        } catch {
            return .json(KubeStatus.body(
                code: 500, reason: "InternalError", message: "FakeAPIServer: log fixture: \(error)"), status: 500)
        }
    }

    private func serve(namespace: String, pod: String, request: RecordedRequest) throws -> WireResponse {
        let container: String
        switch try resolveContainer(namespace: namespace, pod: pod, requested: request.query("container")) {
        case .named(let name): container = name
        case .unresolved(let response): return response
        }
        // Container names cannot contain "/"; refusing it keeps lookups inside the directory.
        guard !container.contains("/") else { return podNotFound(pod) }
        let base = "\(namespace)_\(pod)_\(container)"
        let previous = request.query("previous") == "true"
        if !previous, let message = try errorMessage(directory.appending(path: "\(base).err")) {
            return .json(KubeStatus.body(code: 400, reason: "BadRequest", message: message), status: 400)
        }
        let file = directory.appending(path: previous ? "\(base).previous.log" : "\(base).log")
        guard FileManager.default.fileExists(atPath: file.path) else { return podNotFound(pod) }
        let log = try Data(contentsOf: file)
        let body = request.query("tailLines").flatMap { Int($0) }.map { Self.tail(log, lines: $0) } ?? log
        return WireResponse(status: 200, contentType: "text/plain", body: body)
    }

    /// The API server defaults to the only container and asks for a name when there are several.
    private func resolveContainer(namespace: String, pod: String, requested: String?) throws -> Container {
        if let requested { return .named(requested) }
        let prefix = "\(namespace)_\(pod)_"
        let containers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".log") && !$0.hasSuffix(".previous.log") }
            .map { String($0.dropFirst(prefix.count).dropLast(".log".count)) }
            .sorted()
        switch containers.count {
        case 0: return .unresolved(podNotFound(pod))
        case 1: return .named(containers[0])
        default:
            let choices = containers.joined(separator: " ")
            let message = "a container name must be specified for pod \(pod), choose one of: [\(choices)]"
            return .unresolved(.json(KubeStatus.body(code: 400, reason: "BadRequest", message: message), status: 400))
        }
    }

    private func errorMessage(_ file: URL) throws -> String? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let line = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !line.isEmpty else { return nil }
        return line.hasPrefix(Self.kubectlPrefix) ? String(line.dropFirst(Self.kubectlPrefix.count)) : line
    }

    private func podNotFound(_ pod: String) -> WireResponse {
        .json(KubeStatus.notFound(resource: "pods", group: "", name: pod), status: 404)
    }

    /// The last `lines` lines, as `tailLines` returns them.
    static func tail(_ log: Data, lines: Int) -> Data {
        guard lines > 0 else { return Data() }
        let newline = UInt8(ascii: "\n")
        var end = log.endIndex
        if log.last == newline { end -= 1 }
        var start = end
        var seen = 0
        while start > log.startIndex {
            if log[start - 1] == newline {
                seen += 1
                if seen == lines { break }
            }
            start -= 1
        }
        return Data(log[start...])
    }
}
