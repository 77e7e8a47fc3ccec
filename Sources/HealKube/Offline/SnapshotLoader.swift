import Foundation
import HealModel
import Yams

/// Reads `--snapshot PATH`: a JSON or YAML file, or a folder of them, holding `kubectl get -o
/// json|yaml` output (typed Lists, mixed Lists or single objects) or a `kubectl cluster-info dump`
/// tree, with container logs where present. The result analyses exactly like a live collection;
/// its clock is the newest time in the data.
package struct SnapshotLoader: Sendable {
    package struct Loaded: Sendable {
        package var snapshot: ClusterSnapshot
        /// JSON/YAML files that held no object diagnose reads, for a notice.
        package var ignoredFiles: [String]
        package var skippedKinds: [String]
    }

    package init() {}

    package func load(_ path: String) throws(SnapshotError) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        var state = LoadState()
        if isDirectory.boolValue {
            try loadFolder(path, into: &state)
        } else {
            try loadFile(path, into: &state)
        }
        guard !state.snapshot.collected.isEmpty || !state.snapshot.logs.isEmpty else {
            throw .empty(path: path)
        }
        state.snapshot.referenceTime = state.snapshot.newestTimestamp
        // Files hold what someone chose to dump: only the namespaces they have objects in were read.
        state.snapshot.knownNamespaces = Set(ResourceKind.allCases.filter(\.isNamespaced).flatMap { state.snapshot.metadata(of: $0) }.compactMap(\.namespace))
        return Loaded(snapshot: state.snapshot, ignoredFiles: state.ignoredFiles, skippedKinds: state.skippedKinds.sorted())
    }

    private struct LoadState {
        var snapshot = ClusterSnapshot()
        var ignoredFiles: [String] = []
        var skippedKinds: Set<String> = []
        var dumpLogs: [ContainerLogKey: [String]] = [:]
    }

    private func loadFolder(_ folder: String, into state: inout LoadState) throws(SnapshotError) {
        let entries: [String]
        do {
            entries = try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
        } catch {
            throw .unreadable(path: folder, reason: FileErrorReason.describe(error))
        }
        for entry in entries {
            let path = (folder as NSString).appendingPathComponent(entry)
            let name = (entry as NSString).lastPathComponent
            let parent = ((entry as NSString).deletingLastPathComponent as NSString).lastPathComponent
            if name == "logs.txt" {
                let text = try read(path)
                state.dumpLogs.merge(SnapshotLogFiles.parseClusterInfoDump(String(decoding: text, as: UTF8.self))) { _, new in new }
            } else if parent == "logs", let (key, previous) = SnapshotLogFiles.key(forLogFileNamed: name) {
                let lines = String(decoding: try read(path), as: UTF8.self).split(separator: "\n").map(String.init)
                var logs = state.snapshot.logs[key] ?? ContainerLogs()
                if previous { logs.previous = lines } else { logs.current = lines }
                state.snapshot.logs[key] = logs
            } else if ["json", "yaml", "yml"].contains((name as NSString).pathExtension.lowercased()) {
                try loadFile(path, into: &state)
            }
        }
        for (key, lines) in state.dumpLogs where state.snapshot.logs[key]?.current == nil {
            state.snapshot.logs[key, default: ContainerLogs()].current = lines
        }
    }

    private func loadFile(_ path: String, into state: inout LoadState) throws(SnapshotError) {
        let data = try read(path)
        let documents = try decodeDocuments(data, path: path)
        var found = false
        for document in documents {
            for object in document.objects { state.snapshot.insert(object) }
            state.snapshot.collected.formUnion(document.listedKinds)
            state.skippedKinds.formUnion(document.skippedKinds)
            found = found || !document.listedKinds.isEmpty
        }
        if !found { state.ignoredFiles.append(path) }
    }

    private func decodeDocuments(_ data: Data, path: String) throws(SnapshotError) -> [SnapshotDocument] {
        let firstCharacter = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        let isJSON = (path as NSString).pathExtension.lowercased() == "json" || firstCharacter == UInt8(ascii: "{")
        do {
            if isJSON {
                return [try JSONDecoder().decode(SnapshotDocument.self, from: data)]
            }
            let text = String(decoding: data, as: UTF8.self)
            let decoder = YAMLDecoder()
            var documents: [SnapshotDocument] = []
            // The sequence stops at a syntax error and keeps it in `error` rather than throwing.
            var nodes = try Yams.compose_all(yaml: text)
            while let node = nodes.next() {
                // A trailing or doubled `---` yields an empty document; kubectl skips those.
                if node.scalar.map({ $0.string.isEmpty || $0.tag == .init(.null) }) ?? false { continue }
                documents.append(try decoder.decode(SnapshotDocument.self, from: node))
            }
            if let error = nodes.error { throw error }
            return documents
        } catch {
            throw .invalid(path: path, detail: DecodingErrorDescription.describe(error))
        }
    }

    private func read(_ path: String) throws(SnapshotError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: FileErrorReason.describe(error))
        }
    }
}
