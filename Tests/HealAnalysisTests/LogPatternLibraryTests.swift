import HealAnalysis
import HealTestSupport
import Testing

@Suite("Log patterns recognise crash causes and describe themselves")
struct LogPatternLibraryTests {
    static let codes = LogPatternLibrary.patterns.map(\.code)

    private func pattern(_ code: String) throws -> LogPattern {
        try #require(LogPatternLibrary.patterns.first { $0.code == code })
    }

    @Test("pattern codes are unique kebab-case and every pattern documents itself")
    func identifiers() {
        #expect(Set(Self.codes).count == Self.codes.count)
        for pattern in LogPatternLibrary.patterns {
            #expect(pattern.code.wholeMatch(of: #/[a-z]+(-[a-z]+)*/#) != nil, "\(pattern.code)")
            #expect(!pattern.summary.isEmpty, "\(pattern.code)")
            #expect(!pattern.examples.isEmpty, "\(pattern.code) has no examples")
            #expect(!pattern.counterExamples.isEmpty, "\(pattern.code) has no counter-examples")
        }
    }

    @Test("each pattern matches its own examples and none of its counter-examples", arguments: codes)
    func selfDescription(code: String) throws {
        let pattern = try pattern(code)
        for example in pattern.examples {
            #expect(pattern.matches(example)?.line == example, "\(code) misses: \(example)")
        }
        for counterExample in pattern.counterExamples {
            #expect(pattern.matches(counterExample) == nil, "\(code) matches: \(counterExample)")
        }
    }

    @Test("each example, alone in a log, is diagnosed as its own pattern", arguments: codes)
    func examplesWinPrecedence(code: String) throws {
        for example in try pattern(code).examples {
            #expect(LogPatternLibrary.diagnose([example])?.code == code, "\(example)")
        }
    }

    @Test("a Python traceback ending in KeyError for a variable is a missing variable, not a crash")
    func keyErrorTraceback() throws {
        let log = [
            "Traceback (most recent call last):",
            "  File \"/app/main.py\", line 4, in <module>",
            "    SECRET_KEY = os.environ['SECRET_KEY']",
            "  File \"<frozen os>\", line 679, in __getitem__",
            "KeyError: 'SECRET_KEY'",
        ]
        let diagnosis = try #require(LogPatternLibrary.diagnose(log))
        #expect(diagnosis.code == "missing-env-vars")
        #expect(diagnosis.subjects == ["SECRET_KEY"])
        #expect(diagnosis.lines == ["KeyError: 'SECRET_KEY'"])
    }

    @Test("a Python traceback ending in FileNotFoundError is a missing file, naming the path")
    func fileNotFoundTraceback() throws {
        let log = [
            "Traceback (most recent call last):",
            "  File \"/app/main.py\", line 9, in <module>",
            "    with open('/config/settings.json') as handle:",
            "FileNotFoundError: [Errno 2] No such file or directory: '/config/settings.json'",
        ]
        let diagnosis = try #require(LogPatternLibrary.diagnose(log))
        #expect(diagnosis.code == "missing-file")
        #expect(diagnosis.subjects == ["/config/settings.json"])
    }

    @Test("a JVM out-of-memory error wins over the stack trace that follows it")
    func jvmBeforeStackTrace() throws {
        let log = [
            "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
            "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3512)",
            "\tat com.example.Cache.load(Cache.java:42)",
        ]
        let diagnosis = try #require(LogPatternLibrary.diagnose(log))
        #expect(diagnosis.code == "jvm-out-of-memory")
        #expect(diagnosis.subjects == ["Java heap space"])
    }

    @Test("the captured mysql-client log names both empty variables")
    func capturedMySQLClientLog() throws {
        let log = try Fixtures.text("k8s-v1.36/logs/agentic-demo_mysql-client-7c5999d768-fngbb_mysql-client.log")
        let diagnosis = try #require(LogPatternLibrary.diagnose(log.split(separator: "\n").map(String.init)))
        #expect(diagnosis.code == "missing-env-vars")
        #expect(diagnosis.subjects == ["MYSQL_HOST", "MYSQL_ROOT_PASSWORD"])
        #expect(diagnosis.lines.count == 3)
    }

    @Test(
        "the subject of a match is the variable, address or path it names",
        arguments: [
            ("missing required environment variables: API_KEY, API_URL", ["API_KEY", "API_URL"]),
            ("environment variable DATABASE_URL is not set", ["DATABASE_URL"]),
            ("Error: DATABASE_URL must be set", ["DATABASE_URL"]),
            ("dial tcp 10.96.12.7:5432: connect: connection refused", ["10.96.12.7:5432"]),
            ("dial tcp postgres.shop.svc.cluster.local:5432: connect: connection refused", ["postgres.shop.svc.cluster.local:5432"]),
            ("Error: connect ECONNREFUSED 10.96.0.20:6379", ["10.96.0.20:6379"]),
            ("java.net.ConnectException: Connection refused", []),
            ("open /var/log/app/app.log: permission denied", ["/var/log/app/app.log"]),
            ("Error: ENOENT: no such file or directory, open '/etc/app/config.yaml'", ["/etc/app/config.yaml"]),
            ("exec /usr/local/bin/app: exec format error", ["/usr/local/bin/app"]),
            ("java.lang.OutOfMemoryError: Metaspace", ["Metaspace"]),
        ])
    func subjects(line: String, subjects: [String]) throws {
        let diagnosis = try #require(LogPatternLibrary.diagnose([line]))
        #expect(diagnosis.subjects == subjects)
    }

    @Test("subjects are distinct, in order of appearance, across lines")
    func distinctSubjects() throws {
        let diagnosis = try #require(LogPatternLibrary.diagnose([
            "dial tcp 10.96.0.20:6379: connect: connection refused",
            "retrying in 1s",
            "dial tcp 10.96.0.20:6379: connect: connection refused",
            "dial tcp 10.96.12.7:5432: connect: connection refused",
        ]))
        #expect(diagnosis.code == "dependency-connection-refused")
        #expect(diagnosis.subjects == ["10.96.0.20:6379", "10.96.12.7:5432"])
        #expect(diagnosis.lines.count == 3)
    }

    @Test("an ordinary log explains nothing")
    func ordinaryLog() {
        #expect(LogPatternLibrary.diagnose([
            "Starting server on :8080", "GET /healthz 200 1.2ms", "MYSQL_HOST is: db.agentic-demo.svc",
            "connected to 10.96.12.7:5432",
        ]) == nil)
        #expect(LogPatternLibrary.diagnose([]) == nil)
    }
}
