import Foundation
import HealModel

/// A CronJob schedule as the cronjob controller reads it (the standard five-field cron of
/// robfig/cron): minute, hour, day of month, month, day of week, each `*`, `?`, a value, a
/// range, a list, a step (`*/15`, `1-30/5`, `5/10`) or a month or weekday name; or a descriptor
/// (`@hourly`, `@daily`, `@every 90m` …), optionally after `TZ=zone`. Only what finding the next
/// run needs. The API server validates schedules with the controller's parser, so this reader
/// errs on accepting: a schedule it cannot read is left unjudged, never called invalid.
struct CronSchedule {
    /// Why a schedule cannot be read, in words for a finding.
    struct Problem: Error, Equatable {
        var text: String
    }

    private struct Field {
        var values: Set<Int>
        /// Written as `*` or `?`: for the day fields, whether the other one decides alone.
        var unrestricted: Bool
    }

    private var minutes = Field(values: [], unrestricted: true)
    private var hours = Field(values: [], unrestricted: true)
    private var days = Field(values: [], unrestricted: true)
    private var months = Field(values: [], unrestricted: true)
    private var weekdays = Field(values: [], unrestricted: true)
    /// `@every D`: a fixed interval from the last run instead of calendar fields.
    private var interval: Double?
    /// `TZ=Europe/Berlin 0 9 * * *`: the zone the controller still honours (with a warning event).
    private(set) var zone: String?

    private static let descriptors = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    init(_ text: String) throws(Problem) {
        var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, let equals = first.firstIndex(of: "="), ["TZ", "CRON_TZ"].contains(first[..<equals]) {
            zone = String(first[first.index(after: equals)...])
            words.removeFirst()
        }
        let trimmed = words.joined(separator: " ")
        if trimmed.hasPrefix("@every ") {
            guard let seconds = DurationText.seconds(String(trimmed.dropFirst(7))), seconds > 0 else {
                throw Problem(text: "\"\(trimmed)\" is not an interval such as @every 90m")
            }
            // robfig/cron rounds an interval below a second up to one.
            interval = max(1, seconds)
            return
        }
        let expanded = Self.descriptors[trimmed.lowercased()] ?? trimmed
        if expanded.hasPrefix("@") { throw Problem(text: "\(expanded) is not a schedule descriptor (@hourly, @daily, @weekly, @monthly, @yearly, @every D)") }
        let fields = expanded.split(whereSeparator: \.isWhitespace).map(String.init)
        guard fields.count == 5 else {
            throw Problem(text: "\"\(trimmed)\" has \(fields.count) field\(fields.count == 1 ? "" : "s"); a schedule has 5: minute hour day-of-month month day-of-week")
        }
        minutes = try Self.field(fields[0], name: "minute", range: 0...59)
        hours = try Self.field(fields[1], name: "hour", range: 0...23)
        days = try Self.field(fields[2], name: "day of month", range: 1...31)
        months = try Self.field(fields[3], name: "month", range: 1...12, names: Self.monthNames, firstName: 1)
        // 7 is Sunday in most crons (robfig/cron stops at 6; accepting it never misreads a schedule the API server stored).
        weekdays = try Self.field(fields[4], name: "day of week", range: 0...7, names: Self.weekdayNames, firstName: 0)
        if weekdays.values.contains(7) { weekdays.values.insert(0) }
    }

    /// The first run after `time` in `zone`, or nil when the schedule never fires within five
    /// years (February 30th).
    func next(after time: Timestamp, in zone: TimeZone) -> Timestamp? {
        if let interval { return time.adding(seconds: interval) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let after = Date(timeIntervalSince1970: time.secondsSince1970)
        var day = calendar.startOfDay(for: after)
        let sortedHours = hours.values.sorted()
        let sortedMinutes = minutes.values.sorted()
        for _ in 0..<(366 * 5) {
            let parts = calendar.dateComponents([.month, .day, .weekday], from: day)
            if let month = parts.month, let dayOfMonth = parts.day, let weekday = parts.weekday,
                months.values.contains(month), dayMatches(dayOfMonth, weekday: weekday - 1) {
                for hour in sortedHours {
                    for minute in sortedMinutes {
                        guard let candidate = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day), candidate > after,
                            // A time the clocks skip (02:30 on a spring-forward day) does not run that day.
                            calendar.component(.hour, from: candidate) == hour, calendar.component(.minute, from: candidate) == minute
                        else { continue }
                        return Timestamp(secondsSince1970: candidate.timeIntervalSince1970)
                    }
                }
            }
            guard let following = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = following
        }
        return nil
    }

    /// Cron's rule: when both day fields are restricted a day matching either runs; otherwise
    /// the restricted one decides.
    private func dayMatches(_ day: Int, weekday: Int) -> Bool {
        let dayOfMonth = days.values.contains(day)
        let dayOfWeek = weekdays.values.contains(weekday)
        return days.unrestricted || weekdays.unrestricted ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek
    }

    private static func field(_ text: String, name: String, range: ClosedRange<Int>, names: [String] = [], firstName: Int = 0) throws(Problem) -> Field {
        var values = Set<Int>()
        // robfig/cron: a part that is `*` or `?` with no step (or a step of 1) leaves the field
        // unrestricted, which matters for the two day fields.
        var unrestricted = false
        for part in text.split(separator: ",").map(String.init) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2 else { throw Problem(text: "the \(name) field \"\(text)\" has more than one /") }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else { throw Problem(text: "the \(name) field \"\(text)\" has a step that is not a positive number") }
                step = parsed
            }
            let bounds: ClosedRange<Int>
            if pieces[0] == "*" || pieces[0] == "?" {
                bounds = range
                if step == 1 { unrestricted = true }
            } else {
                let ends = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                guard ends.count <= 2 else { throw Problem(text: "the \(name) field \"\(text)\" is not a range such as 1-5") }
                let low = try value(ends[0], name: name, range: range, names: names, firstName: firstName)
                // "5/10" runs from 5 to the end of the range, as robfig/cron reads it.
                let high = ends.count == 2 ? try value(ends[1], name: name, range: range, names: names, firstName: firstName)
                    : (pieces.count == 2 ? range.upperBound : low)
                guard low <= high else { throw Problem(text: "the \(name) field \"\(text)\" runs backwards") }
                bounds = low...high
            }
            values.formUnion(stride(from: bounds.lowerBound, through: bounds.upperBound, by: step))
        }
        guard !values.isEmpty else { throw Problem(text: "the \(name) field is empty") }
        return Field(values: values, unrestricted: unrestricted)
    }

    private static func value(_ text: String, name: String, range: ClosedRange<Int>, names: [String], firstName: Int) throws(Problem) -> Int {
        if let index = names.firstIndex(of: text.lowercased()) { return index + firstName }
        guard let number = Int(text) else { throw Problem(text: "the \(name) field has \"\(text)\", which is not a number") }
        guard range.contains(number) else {
            throw Problem(text: "the \(name) field has \(number), outside \(range.lowerBound)-\(range.upperBound)")
        }
        return number
    }
}
