import HealAnalysis
import HealModel
import Testing

@Suite("MemoryBump raises an OOM-killed limit by the larger of 100Mi and 20%")
struct MemoryBumpTests {
    @Test(
        "the next limit, rounded up to a whole Mi",
        arguments: [
            ("128Mi", "228Mi"), ("64Mi", "164Mi"), ("500Mi", "600Mi"), ("1Gi", "1229Mi"), ("2Gi", "2458Mi"),
            ("200M", "291Mi"), ("5Gi", "6Gi"),
        ])
    func next(limit: String, raised: String) throws {
        let bytes = try #require(Quantity(limit)).value
        let next = MemoryBump.next(after: bytes)
        #expect(Quantity.formatBytes(next) == raised)
        #expect(next.truncatingRemainder(dividingBy: 1_048_576) == 0)
        #expect(next - bytes >= MemoryBump.minimumStepBytes)
        #expect(next >= bytes * 1.2)
    }

    @Test("the captured memory-hungry limit of 128Mi becomes 228Mi, enough after two bumps for its ~300Mi need")
    func repeatedBumps() {
        let first = MemoryBump.next(after: 128 * 1_048_576)
        let second = MemoryBump.next(after: first)
        #expect(first == 228 * 1_048_576)
        #expect(second == 328 * 1_048_576)
    }
}
