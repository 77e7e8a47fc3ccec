import Foundation
import HealModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Answers kept on disk, one file per question, so that re-running on the same cluster asks
/// the LLM nothing new. The key covers everything that shapes an answer: the endpoint, the
/// model, JSON mode, the token limit and every message. Entries are private to the user
/// (directory 0700, files 0600): prompts are anonymized, answers may still be telling.
package struct AnswerCache: Sendable {
    package let directory: URL

    package init(directory: URL) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/kubectl-heal/llm`, else `$HOME/.cache/kubectl-heal/llm`.
    package static func defaultDirectory(environment: [String: String]) -> URL {
        // The XDG spec says a relative XDG_CACHE_HOME is to be ignored.
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(filePath: xdg, directoryHint: .isDirectory)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(filePath: home, directoryHint: .isDirectory).appending(path: ".cache", directoryHint: .isDirectory)
        }
        return base.appending(path: "kubectl-heal", directoryHint: .isDirectory).appending(path: "llm", directoryHint: .isDirectory)
    }

    /// SHA-256 of a canonical text in which each field is length-prefixed, so that no two
    /// different questions can produce the same text.
    package func key(endpoint: ChatEndpoint, model: String, request: ChatRequest) -> String {
        var text = "kubectl-heal llm answer v\(CachedAnswer.currentVersion)\n"
        func field(_ name: String, _ value: String) {
            text += "\(name) \(value.utf8.count)\n\(value)\n"
        }
        field("url", endpoint.chatCompletionsURL)
        field("model", model)
        field("json", request.jsonMode ? "true" : "false")
        field("max_tokens", request.maxTokens.map(String.init) ?? "none")
        for message in request.messages {
            field("role", message.role)
            field("content", message.content)
        }
        return SHA256.hex(text)
    }

    /// The stored answer, or nil. An entry that is missing, unreadable, corrupt or of another
    /// version is a miss, not an error: the cache only saves requests, and the next store
    /// replaces the bad entry.
    package func answer(for key: String) -> CachedAnswer? {
        guard Self.isKey(key) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: file(for: key))
        } catch {
            return nil
        }
        let entry: CachedAnswer
        do {
            entry = try JSONDecoder().decode(CachedAnswer.self, from: data)
        } catch {
            return nil
        }
        return entry.version == CachedAnswer.currentVersion ? entry : nil
    }

    /// Writes the entry to a temporary file and renames it into place, so that a reader never
    /// sees half an entry and concurrent runs never mix theirs.
    package func store(_ answer: ChatAnswer, model: String, for key: String) throws(AdvisorError) {
        guard Self.isKey(key) else {
            throw .cacheUnwritable(path: directory.path, detail: "\"\(key)\" is not an answer key")
        }
        let target = file(for: key)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cacheUnwritable(path: directory.path, detail: Self.reason(error))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(CachedAnswer(model: model, content: answer.content, usage: answer.usage))
        } catch {
            throw .cacheUnwritable(path: target.path, detail: "the entry cannot be encoded: \(error)")
        }
        let temporary = directory.appending(path: ".\(key).\(UUID().uuidString).tmp")
        // Created 0600 from the start: no moment in which another user could open it.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cacheUnwritable(path: directory.path, detail: String(cString: strerror(errno)))
        }
        var written = 0
        let failure: Int32? = data.withUnsafeBytes { bytes in
            while written < bytes.count {
                let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closed {
            unlink(temporary.path)
            throw .cacheUnwritable(path: target.path, detail: String(cString: strerror(code)))
        }
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw .cacheUnwritable(path: target.path, detail: String(cString: strerror(code)))
        }
    }

    private func file(for key: String) -> URL {
        directory.appending(path: "\(key).json")
    }

    /// Keys come from `key(…)`; anything else could name a path outside the directory.
    private static func isKey(_ key: String) -> Bool {
        key.utf8.count == 64 && key.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
