/// RFC 3339 text of a Unix time, as metav1.Time ("2026-12-07T02:30:56Z") and MicroTime
/// ("2026-12-07T02:30:56.123456Z") marshal to JSON, without a date formatter per value.
enum TimestampText {
    static func append(seconds: Int64, micros: Int64?, to output: inout [UInt8]) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        appendDigits(year, 4, &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(month, 2, &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(day, 2, &output)
        output.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, 2, &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 3600 / 60, 2, &output)
        output.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, 2, &output)
        if let micros {
            output.append(UInt8(ascii: "."))
            appendDigits(max(0, min(micros, 999_999)), 6, &output)
        }
        output.append(UInt8(ascii: "Z"))
    }

    /// Year, month and day of a day count from 1970-01-01 (the proleptic Gregorian calendar's
    /// era arithmetic).
    private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let shifted = daysSinceEpoch + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func appendDigits(_ value: Int64, _ width: Int, _ output: inout [UInt8]) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        output.append(contentsOf: digits)
    }
}
