import HealAnalysis
import Testing

@Suite("SecretScrubber masks secret values and keeps everything else")
struct SecretScrubberTests {
    @Test(
        "secret values are masked and the names that say what they are stay",
        arguments: [
            ("MYSQL_ROOT_PASSWORD is: s3cret", "MYSQL_ROOT_PASSWORD is: <redacted>"),
            ("password: hunter2", "password: <redacted>"),
            ("connecting with token=abc123def", "connecting with token=<redacted>"),
            ("GET /callback?access_token=abc123&state=xyz", "GET /callback?access_token=<redacted>&state=xyz"),
            ("api-key=sk-live-0123456789, retrying", "api-key=<redacted>, retrying"),
            ("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key=<redacted>"),
            ("Authorization: Bearer abcdef0123456789", "Authorization: Bearer <redacted>"),
            ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic <redacted>"),
            ("authorization: bearer abcdef0123456789", "authorization: bearer <redacted>"),
            (
                "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c accepted",
                "session <redacted> accepted"
            ),
            ("dsn postgres://app:hunter2@db.shop.svc:5432/orders", "dsn postgres://app:<redacted>@db.shop.svc:5432/orders"),
            ("using key AKIAIOSFODNN7EXAMPLE for s3", "using key <redacted> for s3"),
        ])
    func masks(text: String, scrubbed: String) {
        #expect(SecretScrubber.scrub(text) == scrubbed)
    }

    @Test(
        "quoted secret values are masked too",
        arguments: [#"DB_PASSWORD="hunter2""#, #"{"password": "hunter2"}"#, "api_key='hunter2'"])
    func quotedValues(text: String) {
        let scrubbed = SecretScrubber.scrub(text)
        #expect(!scrubbed.contains("hunter2"), "\(scrubbed)")
        #expect(scrubbed.contains(SecretScrubber.mask), "\(scrubbed)")
    }

    @Test(
        "ordinary text and empty secrets are left exactly as they were",
        arguments: [
            "MYSQL_HOST is: db.svc",
            "MYSQL_ROOT_PASSWORD is: ",
            "ERROR: Missing required environment variables!",
            "Starting server on :8080",
            "GET /healthz 200 1.2ms",
            "connected to postgres://db.shop.svc:5432/orders",
            "Back-off restarting failed container mysql-client in pod mysql-client-7c5999d768-76w5w_agentic-demo",
            "Using basic authentication for the admin API",
            "Secret is mounted at /etc/app",
        ])
    func leavesOrdinaryText(text: String) {
        #expect(SecretScrubber.scrub(text) == text)
    }

    @Test("scrubbing twice changes nothing more")
    func idempotent() {
        let once = SecretScrubber.scrub("MYSQL_ROOT_PASSWORD is: s3cret; Authorization: Bearer abcdef0123456789")
        #expect(SecretScrubber.scrub(once) == once)
        #expect(!once.contains("s3cret"))
    }
}
