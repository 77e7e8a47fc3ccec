import HealAnalysis
@testable import HealApp
import HealModel
import Testing

/// What a user types is read the same way by the CLI and the MCP server; the messages name the
/// value and say how to write it.
@Suite("HealApp: typed input")
struct InputTests {
    @Test("workload targets: only Deployments, StatefulSets and DaemonSets, by any of their names")
    func workloadTargets() throws {
        #expect(try TargetInput.workload("sts/db") == ResourceTarget(kind: .statefulSets, name: "db"))
        #expect(try TargetInput.workload("deployment/web") == ResourceTarget(kind: .deployments, name: "web"))
        #expect(throws: InvalidInput("\"web\" is not TYPE/NAME; write e.g. deployment/web, statefulset/db or daemonset/agent")) { try TargetInput.workload("web") }
        #expect(throws: InvalidInput("\"svc\" in \"svc/api\" is not a workload type; use deployment, statefulset or daemonset")) { try TargetInput.workload("svc/api") }
    }

    @Test("diagnosis input: targets of any kind, analyzer names, label selectors, durations")
    func diagnosisInput() throws {
        #expect(try TargetInput.object("svc/api") == ResourceTarget(kind: .services, name: "api"))
        #expect(throws: InvalidInput.self) { try TargetInput.object("widget/x") }
        #expect(try DiagnosisInput.analyzers([" pods ", ""]) == ["pods"])
        #expect(throws: InvalidInput.self) { try DiagnosisInput.analyzers(["podz"]) }
        #expect(try DiagnosisInput.selector("app=web").matches(["app": "web"]))
        #expect(throws: InvalidInput("\"=web\" is not a label selector; use e.g. app=web,tier!=cache or 'env in (prod,staging)'")) { try DiagnosisInput.selector("=web") }
        #expect(try DurationInput.seconds("5m") == 300)
        #expect(throws: InvalidInput("\"soon\" is not a duration; use e.g. 90s, 5m, 2h or 1d")) { try DurationInput.seconds("soon") }
    }

    @Test("sizing input: positive windows, percentiles, buffers and quantities in range")
    func sizingInput() throws {
        #expect(try SizingInput.positiveDuration("14d") == 14 * 86_400)
        #expect(throws: InvalidInput.self) { try SizingInput.positiveDuration("0s") }
        #expect(try SizingInput.percentile(99.5) == 99.5)
        #expect(throws: InvalidInput("101 is not a percentile; use a number above 0 and at most 100, e.g. 95")) { try SizingInput.percentile(101) }
        #expect(throws: InvalidInput.self) { try SizingInput.percentile(0) }
        #expect(throws: InvalidInput.self) { try SizingInput.memoryBuffer(-1) }
        #expect(try SizingInput.cores("250m") == 0.25)
        #expect(try SizingInput.bytes("1Gi") == 1_073_741_824)
        #expect(throws: InvalidInput.self) { try SizingInput.bytes("lots") }
    }
}
