import Foundation
import HealAnalysis
import HealModel
import Testing

@Suite("Memory anomalies: robust trend, saw-tooth resets and what the detector makes of them")
struct MemoryAnomalyDetectorTests {
    static let mebibyte = 1_048_576.0
    static let end = 1_750_896_000.0
    static let ref = ResourceRef(kind: "Deployment", namespace: "shop", name: "cache")

    /// One point every 5 minutes over `hours` up to `end`.
    static func series(hours: Double, _ value: (Double) -> Double) -> [(time: Double, value: Double)] {
        stride(from: end - hours * 3600, through: end, by: 300).map { ($0, value($0)) }
    }

    static func history(limit: Double?, _ pods: [String: [(time: Double, value: Double)]]) -> ContainerMemoryHistory {
        ContainerMemoryHistory(workload: ref, container: "app", limitBytes: limit, pods: pods)
    }

    @Test("Theil–Sen keeps the slope of a rise through a spike that would drag least squares")
    func robustTrend() throws {
        var points = Self.series(hours: 24) { 100 * Self.mebibyte + ($0 - Self.end) / 3600 * Self.mebibyte }
        points[100].value += 5_000 * Self.mebibyte
        let trend = try #require(RobustTrend(points))
        #expect(abs(trend.slope * 3600 - Self.mebibyte) < 0.01 * Self.mebibyte, "\(trend.slope * 3600 / Self.mebibyte) Mi/h")
        #expect(trend.risingShare > 0.95 && abs(trend.lastFitted - 100 * Self.mebibyte) < Self.mebibyte)
        #expect(RobustTrend(Array(points.prefix(2))) == nil, "two points are no trend")
    }

    @Test("a saw-tooth's resets are found where it falls from near the top, and its period is their median interval")
    func sawTooth() {
        let points = Self.series(hours: 48) { 100 * Self.mebibyte + 400 * Self.mebibyte * ($0.truncatingRemainder(dividingBy: 6 * 3600) / (6 * 3600)) }
        let saw = SawTooth(points, limit: 512 * Self.mebibyte)
        #expect(saw.resets.count == 8, "\(saw.resets.count)")
        #expect(abs((saw.period ?? 0) - 6 * 3600) <= 300)
        // A dip that does not start near the top is not a reset.
        let dip = Self.series(hours: 24) { $0 == Self.end - 3600 ? 50 * Self.mebibyte : 200 * Self.mebibyte }
        #expect(SawTooth(dip, limit: 512 * Self.mebibyte).resets.isEmpty)
    }

    @Test("steady with jitter says nothing; under 3 hours is not enough history; a rise with no limit is memory-growth; a pod gone is not predicted")
    func outcomes() throws {
        let flat = Self.history(limit: 512 * Self.mebibyte, ["flat-1": Self.series(hours: 72) { 300 * Self.mebibyte + ($0.truncatingRemainder(dividingBy: 900) - 450) * 4_000 }])
        #expect(MemoryAnomalyDetector.detect(flat, end: Self.end) == .quiet)

        let young = Self.history(limit: nil, ["young-1": Self.series(hours: 2) { _ in 64 * Self.mebibyte }])
        guard case .shortHistory(let short) = MemoryAnomalyDetector.detect(young, end: Self.end) else {
            Issue.record("expected not enough history")
            return
        }
        #expect(short.reason.hasPrefix("not enough history: 2h"), "\(short.reason)")

        let rising = Self.series(hours: 72) { 100 * Self.mebibyte + ($0 - Self.end + 72 * 3600) / 3600 * 5 * Self.mebibyte }
        guard case .anomaly(let unbounded) = MemoryAnomalyDetector.detect(Self.history(limit: nil, ["leak-1": rising]), end: Self.end) else {
            Issue.record("expected an anomaly")
            return
        }
        #expect(unbounded.code == .memoryGrowth && unbounded.severity == .warning && unbounded.action.hasPrefix("set a memory limit"))
        #expect(unbounded.summary.contains("~5.0Mi/h"), "\(unbounded.summary)")

        // The same rise with a limit 10 h away is a predicted kill, critical within a day.
        let limit = (100 + 72 * 5 + 50) * Self.mebibyte
        guard case .anomaly(let bounded) = MemoryAnomalyDetector.detect(Self.history(limit: limit, ["leak-1": rising]), end: Self.end) else {
            Issue.record("expected an anomaly")
            return
        }
        let next = try #require(bounded.pods.first?.next?.secondsSince1970)
        #expect(bounded.code == .oomPredicted && bounded.severity == .critical && abs(next - (Self.end + 10 * 3600)) < 600, "\(next - Self.end)")

        // A pod whose last sample is an hour old is gone: history only.
        let gone = rising.filter { $0.time <= Self.end - 3600 }
        #expect(MemoryAnomalyDetector.detect(Self.history(limit: limit, ["old-1": gone]), end: Self.end) == .quiet)
    }

    @Test("a predicted OOM under a limit is a finding on the pod due first whose memory raise the planner takes, before any kill")
    func findingFeedsThePlanner() throws {
        let climb = Self.series(hours: 72) { 100 * Self.mebibyte + ($0 - Self.end + 72 * 3600) / 3600 * 5 * Self.mebibyte }
        guard case .anomaly(let anomaly) = MemoryAnomalyDetector.detect(Self.history(limit: 512 * Self.mebibyte, ["cache-5d8f7b6c9d-a1b2c": climb]), end: Self.end)
        else {
            Issue.record("expected an anomaly")
            return
        }
        let finding = anomaly.finding
        #expect(finding.code == "oom-predicted" && finding.resource == ResourceRef(kind: "Pod", namespace: "shop", name: "cache-5d8f7b6c9d-a1b2c"))
        #expect(finding.owner == Self.ref && finding.evidence.allSatisfy { $0.source == .history } && finding.remediation?.parameters["to"] == "615Mi")
        let container = try JSONDecoder().decode(Container.self, from: Data(#"{"name":"app","image":"cache:1","resources":{"limits":{"memory":"512Mi"}}}"#.utf8))
        let incident = HealIncident(finding: finding, fingerprint: IncidentFingerprint.of(finding, pod: nil, logs: nil), templateContainers: [container])
        let plan = HealPlanner(settings: HealPlannerSettings()).plan(incident, learned: [], failedBefore: [])
        #expect(plan.steps.first?.action == .raiseMemoryLimit && plan.steps.first?.parameters["to"] == "615Mi", "\(plan)")
        #expect(plan.steps.first?.patch?.target == Self.ref)
    }

    @Test("a pod 20 minutes into its first climb, in a workload with days of history, predicts nothing; a saw-tooth that stopped days ago predicts no kill")
    func youngPodAndStoppedSawTooth() {
        let old = Self.series(hours: 72) { _ in 200 * Self.mebibyte }.filter { $0.time < Self.end - 3600 }
        let warmingUp = Self.series(hours: 72) { 100 * Self.mebibyte + max(0, $0 - Self.end + 1200) * 100_000 }.filter { $0.time >= Self.end - 1200 }
        let history = Self.history(limit: 512 * Self.mebibyte, ["app-old-1": old, "app-new-1": warmingUp])
        #expect(MemoryAnomalyDetector.detect(history, end: Self.end) == .quiet, "the new pod is too young to read, the old one is gone")

        // Killed every 6 h until two days ago, flat at 150Mi since.
        let stopped = Self.series(hours: 96) { time in
            time < Self.end - 48 * 3600 ? 100 * Self.mebibyte + 400 * Self.mebibyte * (time.truncatingRemainder(dividingBy: 6 * 3600) / (6 * 3600)) : 150 * Self.mebibyte
        }
        #expect(MemoryAnomalyDetector.detect(Self.history(limit: 512 * Self.mebibyte, ["app-1": stopped]), end: Self.end) == .quiet)
    }
}
