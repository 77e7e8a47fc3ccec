import Foundation
import HealTestSupport
import Testing

/// `cost` and `cost scenarios` end to end: the demo preset to the cent, the bundled example's
/// real requests (memory included), CSV, and clear errors for bad pricing files and baselines.
@Suite("cost")
struct CostCommandTests {
    @Test("cost scenarios --preset demo reproduces the demo calculator: $8.76, $17.52, $11.64, $5.88")
    func demoPreset() async throws {
        let run = await CLIRunner.run(["cost", "scenarios", "--preset", "demo"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        try GoldenFile.assertMatches(run.stdout, "cost-scenarios-demo.txt")

        let json = await CLIRunner.run(["cost", "scenarios", "--preset", "demo", "-o", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["kind"] as? String == "CostScenarioReport")
        let monthly = Dictionary(uniqueKeysWithValues: try #require(document["scenarios"] as? [[String: Any]]).map {
            ($0["id"] as? String ?? "", Int((($0["monthly"] as? Double ?? -1) * 100).rounded()))
        })
        #expect(monthly["always-on"] == 876)
        #expect(monthly["blue-green"] == 1752)
        #expect(monthly["peak-scaling"] == 1164)
        #expect(monthly["scale-to-zero"] == 588)
    }

    @Test("an unknown --baseline is a usage error that lists the valid scenario names")
    func unknownBaseline() async {
        let run = await CLIRunner.run(["cost", "scenarios", "--preset", "demo", "--baseline", "always"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("always-on, blue-green, peak-scaling, scale-to-zero, right-sized, warm-standby, cold-standby"), "\(run.stderr)")
    }

    @Test("scenarios for a workload use its real CPU and memory requests and replicas")
    func workloadScenarios() async throws {
        let run = await CLIRunner.run(["cost", "scenarios", "deployment/catalog", "-n", "shop", "--snapshot", CLIRunner.example, "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let perPod = try #require(document["perPod"] as? [String: Double])
        #expect(perPod["cpu"] == 0.05)
        #expect(perPod["memory"] == Double(64 * 1_048_576))
        // 3 replicas × (0.05 × $0.031611 + 0.0625 GiB × $0.004237) × 730 h = $4.041… → $4.04.
        let alwaysOn = try #require((document["scenarios"] as? [[String: Any]])?.first { $0["id"] as? String == "always-on" })
        #expect(Int(((alwaysOn["monthly"] as? Double ?? 0) * 100).rounded()) == 404)
    }

    @Test("cost of the bundled example: per workload, per namespace and in total, from requests when usage is unknown")
    func exampleTable() async throws {
        let run = await CLIRunner.run(["cost", "--snapshot", CLIRunner.example, "--usage-source", "none"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        try GoldenFile.assertMatches(run.stdout, "cost-example.txt")
    }

    @Test("-o csv has one line per workload with amounts to the cent")
    func csv() async throws {
        let run = await CLIRunner.run(["cost", "--snapshot", CLIRunner.example, "-n", "shop", "--usage-source", "none", "-o", "csv"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("namespace,kind,name,replicas,cpu_monthly,memory_monthly,total_monthly") == true)
        #expect(lines.count == 4)
        #expect(lines.contains("shop,Deployment,catalog,3,3.46,0.58,4.04,,request,request,0.031611,0.004237,,USD"))
    }

    @Test("--cpu-price and a pricing file change the figures; a bad pricing file exits 65 naming the file and the field")
    func pricing() async throws {
        let folder = try TemporaryDirectory()
        let good = try folder.write("pricing.yaml", """
            apiVersion: heal.kubectl.io/v1alpha1
            kind: Pricing
            cpuPerCoreHour: 0.1
            memoryPerGiBHour: 0
            """).path
        let priced = await CLIRunner.run(["cost", "deployment/catalog", "-n", "shop", "--snapshot", CLIRunner.example, "--usage-source", "none", "--pricing", good, "-o", "csv"])
        #expect(priced.exitCode == 0, "\(priced.stderr)")
        // 3 × 0.05 × $0.1 × 730 = $10.95; memory unpriced.
        #expect(priced.stdout.contains("shop,Deployment,catalog,3,10.95,0.00,10.95,"), "\(priced.stdout)")

        let typo = try folder.write("typo.yaml", """
            apiVersion: heal.kubectl.io/v1alpha1
            kind: Pricing
            cpuPerCoreHuor: 0.1
            """).path
        let refused = await CLIRunner.run(["cost", "--snapshot", CLIRunner.example, "--usage-source", "none", "--pricing", typo])
        #expect(refused.exitCode == 65)
        #expect(refused.stderr.contains("pricing file \(typo)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("cpuPerCoreHuor"))
        #expect(refused.stderr.contains("hint:"))
        #expect(refused.stdout.isEmpty)

        let missing = await CLIRunner.run(["cost", "--snapshot", CLIRunner.example, "--usage-source", "none", "--pricing", folder.file("absent.yaml").path])
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.contains("absent.yaml"))
    }
}
