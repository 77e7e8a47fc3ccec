import Foundation
import HealAnalysis
@testable import HealApp
import HealModel
import HealTestSupport
import Testing

/// The use cases run from plain request values, with no command line and no ArgumentParser:
/// what the CLI and the MCP server both call.
@Suite("HealApp: use cases from plain requests")
struct UseCaseTests {
    static let example = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appending(path: "scripts/example").path

    static func environment(_ stderr: BufferSink = BufferSink()) -> AppEnvironment {
        AppEnvironment(
            variables: [:], homeDirectory: NSTemporaryDirectory(), standardOutput: BufferSink(), standardError: stderr,
            now: { Date(timeIntervalSince1970: 1_780_000_000) }, stopRequested: AppEnvironment.noSignal)
    }

    @Test("a diagnosis of snapshot files returns the report, narrowed to a namespace, and writes nothing to stdout")
    func diagnose() async throws {
        let environment = Self.environment()
        let outcome = try await DiagnoseJob(environment: environment, logLevel: .warning).run(DiagnoseRequest(
            source: .snapshot(Self.example), namespace: "agentic-demo", allNamespaces: false, options: DiagnosisOptions()))
        #expect(outcome.report.metadata.namespaces == ["agentic-demo"])
        #expect(outcome.report.findings.contains { $0.code == "oom-killed" }, "\(outcome.report.findings.map(\.code))")
        #expect(outcome.report.findings.allSatisfy { $0.resource.namespace == "agentic-demo" })
        #expect(outcome.client == nil)
        #expect((environment.standardOutput as? BufferSink)?.text == "")
    }

    @Test("a target that names nothing is an AppError naming the object and the namespace")
    func missingTarget() async throws {
        let request = DiagnoseRequest(
            source: .snapshot(Self.example), namespace: "shop", allNamespaces: false,
            options: DiagnosisOptions(targets: [try TargetInput.object("deployment/nope")]))
        await #expect(throws: AppError.targetNotFound(type: "deployment", name: "nope", namespace: "shop")) {
            try await DiagnoseJob(environment: Self.environment(), logLevel: .warning).run(request)
        }
    }

    @Test("healing asked of snapshot files is refused before anything else is opened")
    func healingNeedsACluster() async throws {
        let request = HealJob.Request(
            diagnose: DiagnoseRequest(source: .snapshot(Self.example), namespace: "shop", allNamespaces: false, options: DiagnosisOptions()),
            fix: false, watch: false, yes: true, heal: HealSettings(), store: nil, cluster: .init())
        await #expect(throws: AppError.liveClusterNeeded) {
            _ = try await HealJob(environment: Self.environment(), logLevel: .warning).run(request) { _ in }
        }
    }

    @Test("cost prices the snapshot's workloads with the prices given, and says usage was not read")
    func cost() async throws {
        let document = try await CostJob(environment: Self.environment(), logLevel: .warning).run(CostJob.Request(
            inventory: WorkloadInventory.Request(source: .snapshot(Self.example), namespace: "shop", allNamespaces: false),
            usage: UsageSettings(source: .none), prometheus: PrometheusAccess(), pricing: PricingSettings(cpuPerCoreHour: 0.05, memoryPerGiBHour: 0.01)))
        #expect(document.metadata.prices.cpuPerCoreHour == 0.05)
        #expect(document.metadata.prices.memoryPerGiBHour == 0.01)
        #expect(document.metadata.usage.source == .none)
        #expect(!document.report.workloads.isEmpty)
        #expect(document.report.workloads.allSatisfy { $0.ref.namespace == "shop" })
    }

    @Test("a warning about a store that cannot be read is worded by the front end's describeError")
    func warningsUseTheFrontEndsWords() async throws {
        let stderr = BufferSink()
        var environment = Self.environment(stderr)
        environment.describeError = { _ in "WORDED BY THE FRONT END" }
        let directory = try TemporaryDirectory()
        let notADatabase = directory.url.appending(path: "memory.sqlite")
        try Data("not sqlite".utf8).write(to: notADatabase)
        _ = try await RecommendJob(environment: environment, logLevel: .warning).run(RecommendJob.Request(
            inventory: WorkloadInventory.Request(source: .snapshot(Self.example), namespace: "agentic-demo", allNamespaces: false),
            settings: RecommenderSettings(), usage: UsageSettings(source: .none), prometheus: PrometheusAccess(), store: notADatabase.path, cluster: .init()))
        #expect(stderr.text.contains("warning: learned memory values are not shown: WORDED BY THE FRONT END"), "\(stderr.text)")
    }
}
