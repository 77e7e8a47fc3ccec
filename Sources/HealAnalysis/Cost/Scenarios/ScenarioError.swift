/// Why scenarios cannot be computed. Fields are named as the CLI's flags are, so the CLI
/// presents them as usage errors (exit 64).
package enum ScenarioError: Error, Sendable, Equatable {
    case unknownBaseline(String, valid: [String])
    /// The baseline could not be priced, e.g. right-sized without a recommendation.
    case baselineOmitted(ScenarioID, reason: String)
    case negativeReplicas(ScenarioInput.Field, value: Int)
    case peakBelowMinimum(peak: Int, minimum: Int)
    case hoursPerDayOutOfRange(ScenarioInput.Field, value: Double)
    case hoursDoNotFitInADay(peak: Double, off: Double)
    case daysPerMonthOutOfRange(value: Double)
    /// Hours per day × days per month exceed the month's hours, which would leave a negative
    /// remainder of the month.
    case moreHoursThanTheMonth(ScenarioInput.Field, hours: Double, hoursPerMonth: Double)
}
