import Foundation
import HealTestSupport
import Testing

@testable import HealAdvisor

@Suite("Answers are cached on disk, one private file per question")
struct AnswerCacheTests {
    let temporary: TemporaryDirectory
    let cache: AnswerCache
    let endpoint: ChatEndpoint
    let answer = ChatAnswer(content: #"{"cause": "memory limit too low"}"#, usage: TokenUsage(promptTokens: 120, completionTokens: 30, totalTokens: 150))

    init() throws {
        temporary = try TemporaryDirectory()
        cache = AnswerCache(directory: temporary.file("cache/kubectl-heal/llm"))
        endpoint = try ChatEndpoint(baseURL: "http://localhost:11434")
    }

    @Test("the key is hex SHA-256 and changes with the endpoint, the model, JSON mode and every message")
    func key() throws {
        let question = LLMTestClients.question
        let base = cache.key(endpoint: endpoint, model: "llama3.1", request: question)
        #expect(base.count == 64)
        #expect(base.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(cache.key(endpoint: endpoint, model: "llama3.1", request: question) == base)

        var json = question
        json.jsonMode = true
        var reworded = question
        reworded.messages[1].content += " "
        var roleSwapped = question
        roleSwapped.messages[0].role = "user"
        var shifted = question
        shifted.messages = [.system("You explain Kubernetes findings.\nuser"), .user("Why is pod web-1 OOMKilled?")]
        let others = [
            cache.key(endpoint: try ChatEndpoint(baseURL: "http://gpu-box:8000"), model: "llama3.1", request: question),
            cache.key(endpoint: endpoint, model: "llama3.2", request: question),
            cache.key(endpoint: endpoint, model: "llama3.1", request: json),
            cache.key(endpoint: endpoint, model: "llama3.1", request: reworded),
            cache.key(endpoint: endpoint, model: "llama3.1", request: roleSwapped),
            cache.key(endpoint: endpoint, model: "llama3.1", request: shifted),
        ]
        #expect(Set(others + [base]).count == 7)
    }

    @Test("a stored answer is read back with its usage; the directory is 0700 and the file 0600")
    func roundTrip() throws {
        let key = cache.key(endpoint: endpoint, model: "llama3.1", request: LLMTestClients.question)
        #expect(cache.answer(for: key) == nil)

        try cache.store(answer, model: "llama3.1", for: key)

        #expect(cache.answer(for: key) == CachedAnswer(model: "llama3.1", content: answer.content, usage: answer.usage))
        let directoryMode = try FileManager.default.attributesOfItem(atPath: cache.directory.path)[.posixPermissions] as? Int
        let fileMode = try FileManager.default.attributesOfItem(atPath: cache.directory.appending(path: "\(key).json").path)[.posixPermissions] as? Int
        #expect(directoryMode == 0o700)
        #expect(fileMode == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
        #expect(leftovers == ["\(key).json"])
    }

    @Test("a corrupt entry, one of another version, or a key that is not one, is a miss")
    func misses() throws {
        let key = cache.key(endpoint: endpoint, model: "m", request: LLMTestClients.question)
        try cache.store(answer, model: "m", for: key)
        let file = cache.directory.appending(path: "\(key).json")

        try Data(#"{"version": 1, "content": "#.utf8).write(to: file)
        #expect(cache.answer(for: key) == nil)
        try Data(#"{"version": 2, "model": "m", "content": "x", "usage": {"promptTokens": 1, "completionTokens": 1, "totalTokens": 2}}"#.utf8)
            .write(to: file)
        #expect(cache.answer(for: key) == nil)
        #expect(cache.answer(for: "../../etc/passwd") == nil)

        try cache.store(answer, model: "m", for: key)
        #expect(cache.answer(for: key)?.content == answer.content)
    }

    @Test("a directory that cannot be created is reported with its path")
    func unwritable() throws {
        try temporary.write("blocker", "a file where the cache directory would go")
        let blocked = AnswerCache(directory: temporary.file("blocker/llm"))
        let key = blocked.key(endpoint: endpoint, model: "m", request: LLMTestClients.question)

        let error = #expect(throws: AdvisorError.self) { try blocked.store(answer, model: "m", for: key) }
        guard case .cacheUnwritable(let path, _) = error else {
            Issue.record("expected cacheUnwritable, got \(String(describing: error))")
            return
        }
        #expect(path == blocked.directory.path)
    }

    @Test("the default directory follows XDG_CACHE_HOME, else HOME; a relative XDG_CACHE_HOME is ignored")
    func defaultDirectory() {
        #expect(AnswerCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/var/cache/me", "HOME": "/home/me"]).path
            == "/var/cache/me/kubectl-heal/llm")
        #expect(AnswerCache.defaultDirectory(environment: ["HOME": "/home/me"]).path == "/home/me/.cache/kubectl-heal/llm")
        #expect(AnswerCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/me"]).path
            == "/home/me/.cache/kubectl-heal/llm")
    }
}
