import Foundation
import HealStore
import Yams

/// `learn export FILE` / `learn import FILE`: the `LearnedMemory` document as JSON, or YAML
/// when the file name ends in .yaml/.yml.
package enum MemoryFile {
    package static func isYAML(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".yaml") || path.lowercased().hasSuffix(".yml")
    }

    /// Writes with mode 0600 (the audit trail says who changed what) via a temporary file and a
    /// rename, so a reader never sees half a file.
    package static func write(_ text: String, to path: String) throws(StoreError) {
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotOpen(location: path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let failure = written == bytes.count ? 0 : errno
        close(descriptor)
        guard failure == 0, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(failure == 0 ? errno : failure))
            unlink(temporary)
            throw StoreError.cannotOpen(location: path, reason: reason)
        }
    }

    package static func read(_ path: String) throws(StoreError) -> MemoryDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(filePath: path))
        } catch {
            throw StoreError.badDocument(file: path, reason: "cannot read it: \(error.localizedDescription)")
        }
        guard isYAML(path) else { return try MemoryDocument.decodeChecked(data, source: path) }
        do {
            let tree = try Yams.load(yaml: String(decoding: data, as: UTF8.self), .default, timesAsText) ?? [:]
            return try MemoryDocument.decodeChecked(try JSONSerialization.data(withJSONObject: tree), source: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.badDocument(file: path, reason: "not valid YAML: \(error)")
        }
    }

    /// YAML would resolve unquoted times to dates (rounding them); the document reads them
    /// as RFC 3339 text, exactly.
    private static var timesAsText: Constructor {
        var scalars = Constructor.defaultScalarMap
        scalars[.timestamp] = { $0.string }
        return Constructor(scalars)
    }
}
