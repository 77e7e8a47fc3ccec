import Foundation
import Yams

/// Several kubeconfig files merged the way kubectl merges `$KUBECONFIG`: the first file to
/// define a cluster, user or context name wins (entries are not deep-merged), as does the first
/// `current-context`. Each entry remembers its file's folder, because relative paths in a
/// kubeconfig are relative to the file that contains them.
struct MergedKubeconfig {
    struct Entry<Value> {
        var value: Value
        var directory: String
        var file: String
    }

    var clusters: [String: Entry<KubeconfigFile.ClusterEntry>] = [:]
    var users: [String: Entry<KubeconfigFile.UserEntry>] = [:]
    var contexts: [String: Entry<KubeconfigFile.ContextEntry>] = [:]
    var currentContext: String?
    var files: [String] = []

    static func load(files paths: [String]) throws(KubeConfigError) -> MergedKubeconfig {
        var merged = MergedKubeconfig()
        for path in paths {
            let file = try parse(path)
            let directory = (path as NSString).deletingLastPathComponent
            merged.files.append(path)
            for cluster in file.clusters where merged.clusters[cluster.name] == nil {
                merged.clusters[cluster.name] = Entry(value: cluster.entry, directory: directory, file: path)
            }
            for user in file.users where merged.users[user.name] == nil {
                merged.users[user.name] = Entry(value: user.entry, directory: directory, file: path)
            }
            for context in file.contexts where merged.contexts[context.name] == nil {
                merged.contexts[context.name] = Entry(value: context.entry, directory: directory, file: path)
            }
            if merged.currentContext?.isEmpty ?? true, let current = file.currentContext, !current.isEmpty {
                merged.currentContext = current
            }
        }
        return merged
    }

    private static func parse(_ path: String) throws(KubeConfigError) -> KubeconfigFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .fileUnreadable(path: path, reason: FileErrorReason.describe(error))
        }
        // kubectl treats an empty file as an empty configuration.
        if text.allSatisfy(\.isWhitespace) {
            return KubeconfigFile()
        }
        do {
            return try YAMLDecoder().decode(KubeconfigFile.self, from: text)
        } catch {
            throw .fileInvalid(path: path, detail: DecodingErrorDescription.describe(error))
        }
    }
}
