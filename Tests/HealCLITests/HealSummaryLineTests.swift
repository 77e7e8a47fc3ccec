import HealActions
@testable import HealCLI
import Testing

/// The table's closing line of a healing run names every outcome that happened.
@Suite("The healing summary line")
struct HealSummaryLineTests {
    @Test("refused, unverified and interrupted changes are each counted when there are any, together too")
    func occasionalCounts() throws {
        var summary = HealSummary()
        summary.fixed = 1
        summary.refused = 2
        summary.unverified = 1
        summary.interrupted = 3
        let line = try HealEventRenderer.summary(summary, json: false)
        #expect(line.hasPrefix("Healing: 1 fixed, 0 rolled back, 0 failed, 2 refused, 1 unverified, 3 interrupted, 0 left alone;"), "\(line)")

        summary.refused = 0
        summary.unverified = 0
        #expect(try HealEventRenderer.summary(summary, json: false).hasPrefix("Healing: 1 fixed, 0 rolled back, 0 failed, 3 interrupted, 0 left alone;"))
    }
}
