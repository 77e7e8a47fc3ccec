import HealAnalysis
import Testing

@Suite("LogSignature keeps what a bug repeats and drops what changes between occurrences")
struct LogSignatureTests {
    @Test(
        "volatile parts become placeholders",
        arguments: [
            ("2026-11-21T10:15:02.123Z ERROR boom", "<time> ERROR boom"),
            ("request 8f14e45f-ceea-467f-a8d4-8ac2f1a2b3c4 failed", "request <id> failed"),
            ("image sha256:4c1f2e3d4b5a69788796a5b4c3d2e1f0 pull failed", "image <hash> pull failed"),
            ("dial tcp 10.96.12.7:5432: connect: connection refused", "dial tcp <ip>: connect: connection refused"),
            ("allocated 128Mi after 3 tries", "allocated #Mi after # tries"),
            ("fault at 0x7ffd1234", "fault at <hex>"),
            ("  spaced    out  ", "spaced out"),
        ])
    func normalise(line: String, expected: String) {
        #expect(LogSignature.normalise(line) == expected)
    }

    @Test("two crashes of the same bug share a signature; another error does not")
    func sameBugSameSignature() {
        let first = LogSignature.of(["12:00:01 starting worker 3", "12:00:02 ERROR: cannot connect to 10.0.0.5:6379"])
        let second = LogSignature.of(["09:41:17 starting worker 7", "09:41:19 ERROR: cannot connect to 10.0.0.9:6379"])
        let other = LogSignature.of(["09:41:17 starting worker 7", "09:41:19 ERROR: permission denied: /data"])
        #expect(first == second)
        #expect(first != other)
    }

    @Test("the telling lines are chosen over chatter; without any, the last lines")
    func tellingLines() {
        let lines = ["MYSQL_HOST is: ", "MYSQL_ROOT_PASSWORD is: ", "ERROR: Missing required environment variables!", "bye"]
        #expect(LogSignature.of(lines) == "ERROR: Missing required environment variables!")
        #expect(LogSignature.of(["a", "b", "c", "d"]) == "b | c | d")
        #expect(LogSignature.of([]) == "")
    }

    @Test("secret values never reach a signature")
    func secretsScrubbed() {
        #expect(!LogSignature.of(["ERROR: login failed, password=hunter2"]).contains("hunter2"))
    }
}
