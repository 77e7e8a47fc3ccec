import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealTestSupport

/// A scenario folder loaded the way `--snapshot` loads it, with its expectations.
struct Scenario {
    struct Expectation: Decodable {
        struct ExpectedFinding: Decodable, Hashable, CustomStringConvertible {
            var code: String
            var severity: String
            var kind: String
            var name: String

            var description: String { "\(code) \(severity) \(kind)/\(name)" }
        }

        var description: String
        var namespace: String
        var findings: [ExpectedFinding]
        var absentCodes: [String]
        var hygiene: Bool?
    }

    let name: String
    let snapshot: ClusterSnapshot
    let expectation: Expectation

    init(_ name: String) throws {
        self.name = name
        let folder = Fixtures.scenario(name)
        snapshot = try SnapshotLoader().load(folder.path).snapshot
        let data = try Data(contentsOf: folder.appendingPathComponent("expect.json"))
        expectation = try JSONDecoder().decode(Expectation.self, from: data)
    }

    static var all: [String] {
        let root = Fixtures.root.appendingPathComponent("scenarios")
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    }

    var now: Timestamp {
        snapshot.referenceTime ?? Timestamp(secondsSince1970: 0)
    }

    /// The whole pipeline, as `diagnose` runs it.
    func diagnose(hygiene: Bool? = nil) -> Diagnosis {
        Diagnoser.diagnose(snapshot, options: DiagnosisOptions(includeHygiene: hygiene ?? expectation.hygiene ?? false), now: now)
    }

    /// One analyzer alone, before grouping and folding.
    func run(_ analyzer: any Analyzer) -> [Finding] {
        analyzer.analyze(AnalysisContext(snapshot: snapshot, now: now))
    }
}

extension Finding {
    var asExpected: Scenario.Expectation.ExpectedFinding {
        .init(code: code, severity: severity.rawValue, kind: workload.kind, name: workload.name)
    }
}
