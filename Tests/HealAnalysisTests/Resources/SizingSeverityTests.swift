import HealAnalysis
import Testing

private let mi = SizingExample.mi

@Suite("SizingSeverity bands differences as krr does")
struct SizingSeverityTests {
    @Test(
        "CPU: 500m or more is critical, 250m warning, 100m ok, less good; set on one side only, warning",
        arguments: [
            (1.0, 0.5, .critical),
            // 0.7 − 0.2 is 0.49999999999999994 in binary: still exactly 500m.
            (0.7, 0.2, .critical), (0.1, 0.35, .warning), (0.1, 0.349, .ok), (0.3, 0.2, .ok), (0.1, 0.199, .good), (0.1, 0.1, .good),
            (nil, 0.1, .warning), (0.1, nil, .warning), (nil, nil, .good),
        ] as [(Double?, Double?, SizingSeverity)])
    func cpu(current: Double?, recommended: Double?, expected: SizingSeverity) {
        #expect(SizingSeverity.cpu(current: current, recommended: recommended) == expected)
    }

    @Test(
        "memory: 500Mi or more is critical, 250Mi warning, 100Mi ok, less good; set on one side only, warning",
        arguments: [
            (1012, 512, .critical), (512, 13, .warning), (100, 350, .warning), (100, 349, .ok),
            (200, 100, .ok), (100, 199, .good), (nil, 100, .warning), (100, nil, .warning), (nil, nil, .good),
        ] as [(Double?, Double?, SizingSeverity)])
    func memory(currentMi: Double?, recommendedMi: Double?, expected: SizingSeverity) {
        #expect(SizingSeverity.memory(current: currentMi.map { $0 * mi }, recommended: recommendedMi.map { $0 * mi }) == expected)
    }

    @Test("severities order unknown < good < ok < warning < critical and parse from their lowercase names, as --fail-on takes them")
    func orderAndNames() {
        #expect(SizingSeverity.allCases.sorted() == [.unknown, .good, .ok, .warning, .critical])
        #expect(SizingSeverity.allCases.map(\.rawValue) == ["unknown", "good", "ok", "warning", "critical"])
        #expect(SizingSeverity(rawValue: "warning") == .warning)
        #expect(SizingSeverity(rawValue: "severe") == nil)
    }
}
