import Foundation
@testable import HealAnalysis
import HealModel
import Testing

/// The schedule reader behind the CronJob checks: the next run for the forms CronJobs use, and
/// a plain reason for what cannot be read.
@Suite("Cron schedules")
struct CronScheduleTests {
    /// 2026-11-21T21:07:00Z, a Saturday.
    private let saturday = Timestamp(secondsSince1970: 1_795_295_220)
    private let utc = TimeZone(identifier: "UTC")!

    private func next(_ schedule: String, after time: Timestamp? = nil, zone: TimeZone? = nil) throws -> String? {
        try CronSchedule(schedule).next(after: time ?? saturday, in: zone ?? utc)?.description
    }

    @Test(
        "the next run after Saturday 21:07 UTC",
        arguments: [
            ("*/15 * * * *", "2026-11-21T21:15:00Z"),
            ("0 * * * *", "2026-11-21T22:00:00Z"),
            ("@hourly", "2026-11-21T22:00:00Z"),
            ("30 2 * * *", "2026-11-22T02:30:00Z"),
            ("@daily", "2026-11-22T00:00:00Z"),
            ("0 9 * * mon-fri", "2026-11-23T09:00:00Z"),
            ("0 9 * * 1-5", "2026-11-23T09:00:00Z"),
            ("0 0 * * 7", "2026-11-22T00:00:00Z"),
            ("0 0 1 * *", "2026-12-01T00:00:00Z"),
            ("0 0 1 jan *", "2027-01-01T00:00:00Z"),
            ("5/20 21 * * *", "2026-11-21T21:25:00Z"),
            ("0,30 8-10 * * *", "2026-11-22T08:00:00Z"),
            // Both day fields restricted: either one runs it (the 1st, or the next Monday).
            ("0 0 1 * 1", "2026-11-23T00:00:00Z"),
            ("@every 90m", "2026-11-21T22:37:00Z"),
            ("@every 500ms", "2026-11-21T21:07:01Z"),
            // "*/1" leaves the day of month unrestricted (robfig/cron), so the weekday decides alone.
            ("0 12 */1 * 1", "2026-11-23T12:00:00Z"),
            ("0 12 1,,15 * *", "2026-12-01T12:00:00Z"),
        ])
    func nextRun(schedule: String, expected: String) throws {
        #expect(try next(schedule) == expected)
    }

    @Test("a time zone moves the run: 09:00 in Berlin is 08:00 UTC in November")
    func zone() throws {
        #expect(try next("0 9 * * *", zone: TimeZone(identifier: "Europe/Berlin")) == "2026-11-22T08:00:00Z")
    }

    @Test("TZ= in the schedule sets its zone, as the controller still honours it")
    func zoneInSchedule() throws {
        let schedule = try CronSchedule("TZ=Europe/Berlin 0 9 * * *")
        #expect(schedule.zone == "Europe/Berlin")
    }

    @Test("a time the clocks skip does not run that day: 02:30 in Berlin on 29 March 2026 waits for the 30th")
    func springForward() throws {
        let before = Timestamp(secondsSince1970: 1_774_742_400) // 2026-03-29T00:00:00Z
        #expect(try next("30 2 * * *", after: before, zone: TimeZone(identifier: "Europe/Berlin")) == "2026-03-30T00:30:00Z")
    }

    @Test("February 30th never comes")
    func never() throws {
        #expect(try next("0 0 30 2 *") == nil)
    }

    @Test(
        "what cannot be read says why",
        arguments: [
            ("0 25 * * *", "the hour field has 25, outside 0-23"),
            ("* * * *", "\"* * * *\" has 4 fields; a schedule has 5: minute hour day-of-month month day-of-week"),
            ("0 0 * foo *", "the month field has \"foo\", which is not a number"),
            ("*/0 * * * *", "the minute field \"*/0\" has a step that is not a positive number"),
            ("0 10-2 * * *", "the hour field \"10-2\" runs backwards"),
            ("@fortnightly", "@fortnightly is not a schedule descriptor (@hourly, @daily, @weekly, @monthly, @yearly, @every D)"),
            ("@every soon", "\"@every soon\" is not an interval such as @every 90m"),
        ])
    func problems(schedule: String, text: String) {
        #expect(throws: CronSchedule.Problem(text: text)) { try CronSchedule(schedule) }
    }
}
