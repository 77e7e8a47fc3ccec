import HealAnalysis
import Testing

@Suite("Money rounds only for display: two decimals, halves away from zero")
struct MoneyTests {
    @Test(
        "amounts are shown in dollars and cents",
        arguments: [
            (8.76, "$8.76", 876), (730 * 0.012, "$8.76", 876), (0.125, "$0.13", 13), (1.005, "$1.01", 101), (-1.5, "-$1.50", -150),
            (-0.125, "-$0.13", -13), (0, "$0.00", 0), (0.004, "$0.00", 0), (-0.004, "$0.00", 0), (1_234_567.891, "$1234567.89", 123_456_789),
            (19.62678, "$19.63", 1963),
        ])
    func format(amount: Double, text: String, cents: Int) {
        #expect(Money.format(amount) == text)
        #expect(Money.cents(amount) == cents)
    }

    @Test(
        "hourly prices keep the decimals they were given, at least two",
        arguments: [(0.031611, "$0.031611"), (0.12, "$0.12"), (0.012, "$0.012"), (1, "$1.00"), (0.0000004, "$0.00"), (0.0094833, "$0.009483")])
    func rate(amount: Double, text: String) {
        #expect(Money.rate(amount) == text)
    }

    @Test("another currency shows its own symbol")
    func otherCurrency() {
        #expect(Money.format(12, currency: Currency(code: "EUR", symbol: "€")) == "€12.00")
        #expect(Money.format(12, currency: Currency(code: "CHF", symbol: "CHF ")) == "CHF 12.00")
    }
}
