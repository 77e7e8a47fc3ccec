import Foundation

/// An RFC 3339 time as the API server writes it ("2026-11-21T19:36:12Z", events'
/// "2026-11-21T19:36:12.768219Z"). Parsed by hand: Foundation's formatters are slow enough to
/// matter when a list holds tens of thousands of timestamps.
package struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var secondsSince1970: Double

    package init(secondsSince1970: Double) {
        self.secondsSince1970 = secondsSince1970
    }

    package var date: Date { Date(timeIntervalSince1970: secondsSince1970) }

    package init(_ date: Date) {
        secondsSince1970 = date.timeIntervalSince1970
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an RFC 3339 time such as 2026-11-21T19:36:12Z, found \"\(text)\"")
        }
        self = parsed
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    package func seconds(since earlier: Timestamp) -> Double {
        secondsSince1970 - earlier.secondsSince1970
    }

    package func adding(seconds: Double) -> Timestamp {
        Timestamp(secondsSince1970: secondsSince1970 + seconds)
    }

    /// UTC, whole seconds, "Z" — the form the API server uses for most fields.
    package var description: String {
        var text: [UInt8] = []
        Self.appendText(seconds: Int(secondsSince1970.rounded(.down)), micros: nil, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// UTC with microseconds ("2026-11-21T20:00:00.123456Z"): the API's MicroTime, which
    /// Lease times and events.k8s.io times require.
    package var microTime: String {
        let whole = secondsSince1970.rounded(.down)
        var text: [UInt8] = []
        Self.appendText(seconds: Int(whole), micros: Int(((secondsSince1970 - whole) * 1_000_000).rounded(.down)), to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends RFC 3339 UTC text of a Unix time, with six digits of microseconds when given,
    /// without a formatter: the protobuf transcoder writes every time of every object with it.
    package static func appendText(seconds: Int, micros: Int?, to output: inout [UInt8]) {
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        func digits(_ value: Int, _ width: Int) {
            var rest = value
            let start = output.count
            for _ in 0..<width {
                output.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            }
            output[start...].reverse()
        }
        digits(year, 4)
        output.append(UInt8(ascii: "-"))
        digits(month, 2)
        output.append(UInt8(ascii: "-"))
        digits(day, 2)
        output.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        output.append(UInt8(ascii: ":"))
        digits(secondOfDay % 3600 / 60, 2)
        output.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        if let micros {
            output.append(UInt8(ascii: "."))
            digits(max(0, min(micros, 999_999)), 6)
        }
        output.append(UInt8(ascii: "Z"))
    }

    package init?(rfc3339 text: String) {
        var bytes = Array(text.utf8)[...]
        func number(_ width: Int) -> Int? {
            guard bytes.count >= width else { return nil }
            var value = 0
            for byte in bytes.prefix(width) {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            bytes = bytes.dropFirst(width)
            return value
        }
        func expect(_ characters: String) -> Bool {
            guard let byte = bytes.first, characters.utf8.contains(byte) else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            expect("Tt "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
            let second = number(2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            second <= 60, day <= Timestamp.daysIn(month: month, year: year)
        else { return nil }
        var fraction = 0.0
        if expect(".") {
            var scale = 0.1
            var digits = 0
            while let byte = bytes.first, byte >= 48, byte <= 57 {
                fraction += Double(byte - 48) * scale
                scale /= 10
                digits += 1
                bytes = bytes.dropFirst()
            }
            guard digits > 0 else { return nil }
        }
        var offset = 0
        if expect("Zz") {
            offset = 0
        } else if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
            guard let offsetHours = number(2), expect(":"), let offsetMinutes = number(2) else { return nil }
            offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        guard bytes.isEmpty else { return nil }
        let days = Timestamp.days(fromCivilYear: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        secondsSince1970 = Double(seconds) + fraction
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func days(fromCivilYear year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
