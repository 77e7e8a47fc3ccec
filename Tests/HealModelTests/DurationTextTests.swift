import HealModel
import Testing

@Suite("DurationText reads kubectl durations and writes AGE-style ones")
struct DurationTextTests {
    @Test(
        "Go durations, bare seconds and days parse to seconds",
        arguments: [
            ("30s", 30.0), ("1m30s", 90.0), ("500ms", 0.5), ("2h", 7200.0), ("30", 30.0), ("7d", 604_800.0),
            ("1h2m3s", 3723.0), ("1.5h", 5400.0), ("250us", 0.000_25), ("3µs", 0.000_003), ("10ns", 0.000_000_01),
            (" 45s ", 45.0), ("0", 0.0),
        ])
    func parses(text: String, seconds: Double) throws {
        let parsed = try #require(DurationText.seconds(text))
        #expect(abs(parsed - seconds) <= seconds * 1e-12)
    }

    @Test("text that is not a duration is rejected, as are infinities and absurd lengths that would overflow a timeout",
          arguments: ["", "abc", "-5", "5x", "m", "1m-2s", "1h 2m", "5mo", "inf", "nan", "1e20", "99999999999d"])
    func rejects(text: String) {
        #expect(DurationText.seconds(text) == nil)
    }

    @Test(
        "ages format the way kubectl prints AGE",
        arguments: [
            (0.0, "0s"), (45.0, "45s"), (119.9, "119s"), (120.0, "2m"), (3599.0, "59m"), (3600.0, "1h"),
            (7500.0, "2h5m"), (86_399.0, "23h59m"), (86_400.0, "1d"), (100_800.0, "1d4h"), (273_659.0, "3d4h"),
            (-5.0, "0s"),
        ])
    func formats(seconds: Double, text: String) {
        #expect(DurationText.format(seconds: seconds) == text)
    }
}
