extension ScenarioError {
    /// "unknown baseline "always"; valid: always-on, blue-green, …".
    package var message: String {
        switch self {
        case .unknownBaseline(let name, let valid):
            "unknown baseline \"\(name)\"\(Wording.suggestion(for: name, among: valid)); valid: \(valid.joined(separator: ", "))"
        case .baselineOmitted(let id, let reason):
            "the baseline \(id.rawValue) cannot be priced: \(reason)"
        case .negativeReplicas(let field, let value):
            "\(field.rawValue) is \(value); replicas cannot be negative"
        case .peakBelowMinimum(let peak, let minimum):
            "peak-replicas (\(peak)) is below min-replicas (\(minimum))"
        case .hoursPerDayOutOfRange(let field, let value):
            "\(field.rawValue) is \(PlainNumber.text(value, decimals: 2)), outside 0–24 hours a day"
        case .hoursDoNotFitInADay(let peak, let off):
            "peak-hours (\(PlainNumber.text(peak, decimals: 2))) and off-hours (\(PlainNumber.text(off, decimals: 2))) add up to more than 24 hours a day"
        case .daysPerMonthOutOfRange(let value):
            "days-per-month is \(PlainNumber.text(value, decimals: 2)), outside 1–31"
        case .moreHoursThanTheMonth(let field, let hours, let hoursPerMonth):
            "\(field.rawValue) × days-per-month is \(PlainNumber.text(hours, decimals: 2)) h, more than the month's \(PlainNumber.text(hoursPerMonth, decimals: 2)) h"
        }
    }

    /// What to change next.
    package var hint: String {
        switch self {
        case .unknownBaseline(_, let valid):
            "pass one of \(valid.joined(separator: ", ")) to --baseline"
        case .baselineOmitted:
            "choose another --baseline, e.g. always-on"
        case .negativeReplicas, .peakBelowMinimum:
            "replica counts are 0 or more, and peak-replicas is at least min-replicas"
        case .hoursPerDayOutOfRange, .hoursDoNotFitInADay:
            "peak and off hours are parts of one day: together at most 24"
        case .daysPerMonthOutOfRange, .moreHoursThanTheMonth:
            "lower days-per-month, or raise the hours per month of the price sheet"
        }
    }
}
