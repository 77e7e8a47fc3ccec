import Foundation

/// Answers GETs from a fixture tree laid out by API URL path (`<root>/<path>.json`) the way
/// kube-apiserver would: paginated and label-filtered lists, lists across namespaces, single
/// objects out of their List, pod logs, and `Status` bodies for what is not there.
struct FixtureResponder: RequestBackend {
    let root: URL?
    let logs: LogFixtures?

    func respond(to request: RecordedRequest) -> BackendReply {
        .complete(response(to: request))
    }

    private struct BrokenFixture: Error {
        let file: URL
        let reason: String
    }

    func response(to request: RecordedRequest) -> WireResponse {
        let components = request.path.split(separator: "/").map(String.init)
        let apiPath = APIPath(components: components)
        guard request.method == "GET" else {
            return .json(KubeStatus.body(
                code: 405, reason: "MethodNotAllowed",
                message: "the server does not allow this method on the requested resource"), status: 405)
        }
        if ["true", "1"].contains(request.query("watch")) {
            return .json(KubeStatus.body(
                code: 400, reason: "BadRequest",
                message: "FakeAPIServer: script a .stream response for watch \(request.path)"), status: 400)
        }
        if let apiPath, apiPath.resource == "pods", apiPath.subresource == "log",
            let namespace = apiPath.namespace, let pod = apiPath.name, let logs
        {
            return logs.respond(namespace: namespace, pod: pod, request: request)
        }
        guard let root, !components.contains(where: { $0 == ".." || $0 == "." }) else {
            return notFound(apiPath)
        }
        do {
            if let response = try serveFile(root: root, components: components, apiPath: apiPath, request: request) {
                return response
            }
        } catch {
            return .json(KubeStatus.body(
                code: 500, reason: "InternalError",
                message: "FakeAPIServer: fixture \(error.file.path): \(error.reason)"), status: 500)
        }
        return notFound(apiPath)
    }

    private func serveFile(
        root: URL, components: [String], apiPath: APIPath?, request: RecordedRequest
    ) throws(BrokenFixture) -> WireResponse? {
        let file = Self.file(root, components)
        let listQuery = ["limit", "continue", "labelSelector", "fieldSelector"].contains { request.query($0) != nil }
        if FileManager.default.fileExists(atPath: file.path) {
            guard listQuery else {
                if let answer = PartialObjectMetadata.listAnswer(try load(file), to: request) { return answer }
                return WireResponse(status: 200, contentType: "application/json", body: try read(file))
            }
            return serveList(try load(file), apiPath: apiPath, request: request)
        }
        guard let apiPath else { return nil }
        if apiPath.isClusterList, let aggregated = try aggregate(root: root, apiPath: apiPath) {
            return serveList(aggregated, apiPath: apiPath, request: request)
        }
        if let name = apiPath.name, apiPath.subresource == nil {
            let listFile = Self.file(root, apiPath.listComponents)
            guard FileManager.default.fileExists(atPath: listFile.path) else { return nil }
            return object(named: name, in: try load(listFile)).map { WireResponse.json($0) }
        }
        return nil
    }

    private func serveList(_ list: JSONValue, apiPath: APIPath?, request: RecordedRequest) -> WireResponse {
        var items = list["items"]?.arrayValue ?? []
        let selectorText = request.query("labelSelector") ?? ""
        let fieldSelectorText = request.query("fieldSelector") ?? ""
        do {
            let selector = try LabelSelector(parsing: selectorText)
            items = items.filter { selector.matches(Self.labels(of: $0)) }
        } catch {
            return .json(KubeStatus.body(
                code: 400, reason: "BadRequest", message: "unable to parse requirement: \(error)"), status: 400)
        }
        do {
            let selector = try FieldSelector(parsing: fieldSelectorText, resource: apiPath?.resource ?? "")
            items = items.filter(selector.matches)
        } catch {
            return .json(KubeStatus.body(code: 400, reason: "BadRequest", message: error.description), status: 400)
        }
        let metadata = list["metadata"] ?? .object([])
        let pager = ListPager(
            items: items.map { (Self.key(of: $0, withNamespace: apiPath?.isClusterList == true), $0) },
            resourceVersion: metadata["resourceVersion"]?.stringValue ?? "",
            countsRemaining: selectorText.isEmpty && fieldSelectorText.isEmpty)
        do {
            let page = try pager.page(
                limit: request.query("limit").flatMap { Int($0) }, continueToken: request.query("continue"))
            var pageMetadata = metadata.setting("continue", to: nil).setting("remainingItemCount", to: nil)
            for member in page.metadata { pageMetadata = pageMetadata.setting(member.key, to: member.value) }
            let answer = list.setting("metadata", to: pageMetadata).setting("items", to: .array(page.items))
            return PartialObjectMetadata.listAnswer(answer, to: request) ?? .json(answer)
        } catch {
            return .json(KubeStatus.body(code: 400, reason: "BadRequest", message: error.reason), status: 400)
        }
    }

    /// `GET /api/v1/pods`: the API server lists every namespace; here that is every
    /// `…/namespaces/*/<resource>.json`, in namespace order, with the highest resourceVersion.
    private func aggregate(root: URL, apiPath: APIPath) throws(BrokenFixture) -> JSONValue? {
        let namespacesPath = (apiPath.groupVersionPrefix + ["namespaces"]).joined(separator: "/")
        let namespacesDirectory = root.appending(path: namespacesPath, directoryHint: .isDirectory)
        guard FileManager.default.fileExists(atPath: namespacesDirectory.path) else { return nil }
        let namespaces: [String]
        do { namespaces = try FileManager.default.contentsOfDirectory(atPath: namespacesDirectory.path) } catch {
            throw BrokenFixture(file: namespacesDirectory, reason: "\(error)")
        }
        var lists: [JSONValue] = []
        for namespace in namespaces.sorted() {
            let file = namespacesDirectory.appending(path: "\(namespace)/\(apiPath.resource).json")
            if FileManager.default.fileExists(atPath: file.path) { lists.append(try load(file)) }
        }
        guard let first = lists.first else { return nil }
        let items = lists.flatMap { $0["items"]?.arrayValue ?? [] }
        let newest = lists.compactMap { $0["metadata"]?["resourceVersion"]?.stringValue }
            .max { (Int($0) ?? 0) < (Int($1) ?? 0) }
        let metadata = (first["metadata"] ?? .object([])).setting("resourceVersion", to: newest.map(JSONValue.string))
        return first.setting("metadata", to: metadata).setting("items", to: .array(items))
    }

    /// A single object as `GET …/pods/NAME` returns it: the List item with `kind` and
    /// `apiVersion` (which List items omit) put back in front.
    private func object(named name: String, in list: JSONValue) -> JSONValue? {
        guard let item = list["items"]?.arrayValue?.first(where: { $0["metadata"]?["name"]?.stringValue == name })
        else { return nil }
        let listKind = list["kind"]?.stringValue ?? ""
        return item.prepending([
            .init(key: "kind", value: .string(listKind.hasSuffix("List") ? String(listKind.dropLast(4)) : listKind)),
            .init(key: "apiVersion", value: list["apiVersion"] ?? .string("v1")),
        ])
    }

    private func notFound(_ apiPath: APIPath?) -> WireResponse {
        let body =
            apiPath.map { KubeStatus.notFound(resource: $0.resource, group: $0.group, name: $0.name) }
            ?? KubeStatus.notFound(resource: nil, group: "", name: nil)
        return .json(body, status: 404)
    }

    private func read(_ file: URL) throws(BrokenFixture) -> Data {
        do { return try Data(contentsOf: file) } catch {
            throw BrokenFixture(file: file, reason: "\(error)")
        }
    }

    private func load(_ file: URL) throws(BrokenFixture) -> JSONValue {
        let data = try read(file)
        do { return try JSONValue(parsing: data) } catch {
            throw BrokenFixture(file: file, reason: "\(error)")
        }
    }

    private static func file(_ root: URL, _ components: [String]) -> URL {
        root.appending(path: components.joined(separator: "/") + ".json")
    }

    private static func key(of item: JSONValue, withNamespace: Bool) -> String {
        let name = item["metadata"]?["name"]?.stringValue ?? ""
        guard withNamespace, let namespace = item["metadata"]?["namespace"]?.stringValue else { return name }
        return "\(namespace)/\(name)"
    }

    private static func labels(of item: JSONValue) -> [String: String] {
        guard case .object(let members) = item["metadata"]?["labels"] else { return [:] }
        return Dictionary(members.compactMap { member in member.value.stringValue.map { (member.key, $0) } }) { $1 }
    }
}
