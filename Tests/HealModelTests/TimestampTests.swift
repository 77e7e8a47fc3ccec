import Foundation
import HealModel
import Testing

@Suite("Timestamp reads and writes RFC 3339 as the API server does")
struct TimestampTests {
    @Test(
        "valid RFC 3339 times parse to the right instant",
        arguments: [
            ("2026-11-21T19:36:12Z", 1_795_289_772.0),
            ("2026-11-21T19:36:12.768219Z", 1_795_289_772.768219),
            ("2026-11-21T21:36:12+02:00", 1_795_289_772.0),
            ("2026-11-21T14:06:12-05:30", 1_795_289_772.0),
            ("2026-11-21t19:36:12z", 1_795_289_772.0),
            ("2026-11-21 19:36:12Z", 1_795_289_772.0),
            ("2024-02-29T12:00:00Z", 1_709_208_000.0),
            ("2000-02-29T00:00:00Z", 951_782_400.0),
            ("2100-03-01T00:00:00Z", 4_107_542_400.0),
            ("1970-01-01T00:00:00Z", 0.0),
            ("1969-12-31T23:59:59Z", -1.0),
        ])
    func parses(text: String, seconds: Double) throws {
        let parsed = try #require(Timestamp(rfc3339: text))
        #expect(abs(parsed.secondsSince1970 - seconds) < 1e-6)
    }

    @Test(
        "strings that are not RFC 3339 times are rejected",
        arguments: [
            "", "not a time", "2026-11-21", "2026-11-21T19:36:12", "2026-11-21T19:36Z",
            "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-11-32T00:00:00Z", "2026-11-21T24:00:00Z",
            "2026-11-21T19:60:00Z", "2026-11-21T19:36:12.Z", "2026-11-21T19:36:12+0200",
            "2026-11-21T19:36:12Zjunk", "26-11-21T19:36:12Z", "2026/11/21T19:36:12Z",
        ])
    func rejectsMalformed(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test(
        "calendar dates that do not exist are rejected, as Go's time.Parse rejects them",
        arguments: ["2023-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-04-31T00:00:00Z"])
    func rejectsImpossibleDates(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test(
        "formatting gives UTC whole seconds with Z and round-trips",
        arguments: [
            ("2026-11-21T19:36:12Z", "2026-11-21T19:36:12Z"),
            ("2026-11-21T19:36:12.768219Z", "2026-11-21T19:36:12Z"),
            ("2026-11-21T21:36:12+02:00", "2026-11-21T19:36:12Z"),
            ("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z"),
            ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
            ("2000-01-01T00:00:00Z", "2000-01-01T00:00:00Z"),
        ])
    func formats(text: String, formatted: String) throws {
        let parsed = try #require(Timestamp(rfc3339: text))
        #expect(parsed.description == formatted)
        #expect(Timestamp(rfc3339: parsed.description)?.secondsSince1970 == parsed.secondsSince1970.rounded(.down))
    }

    @Test("JSON decoding accepts API times, names a bad one, and encoding writes the Z form")
    func codable() throws {
        let decoded = try JSONDecoder().decode([Timestamp].self, from: Data(#"["2026-11-21T19:36:12Z"]"#.utf8))
        #expect(decoded.first?.secondsSince1970 == 1_795_289_772)
        let encoded = try JSONEncoder().encode(decoded)
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2026-11-21T19:36:12Z"]"#)

        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Timestamp].self, from: Data(#"["yesterday"]"#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("yesterday"))
    }

    @Test("arithmetic and ordering work in seconds")
    func arithmetic() throws {
        let start = try #require(Timestamp(rfc3339: "2026-11-21T19:36:12Z"))
        let later = start.adding(seconds: 90.5)
        #expect(later.seconds(since: start) == 90.5)
        #expect(start < later)
        #expect(later.description == "2026-11-21T19:37:42Z")
        #expect(Timestamp(Date(timeIntervalSince1970: 1_795_289_772)) == start)
    }
}
