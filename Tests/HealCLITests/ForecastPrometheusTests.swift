import Foundation
import HealTestSupport
import Testing
import Yams

/// `forecast` reading 14 days of a noisy daily peak from a real Prometheus (namespace
/// forecast-demo of scripts/prometheus/usage_data.py): the peak the data was built with, a
/// backtest that beats "same as yesterday", replicas, a pre-scaling schedule and capacity.
@Suite("forecast against a real Prometheus", .enabled(if: PrometheusFixture.toolsInstalled, "needs Debian's prometheus package (prometheus, promtool) and python3; scripts/install-deps.sh installs them"))
struct ForecastPrometheusTests {
    static let objects = """
        {"apiVersion":"v1","kind":"List","items":[
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"billing","namespace":"forecast-demo","uid":"00000000-0000-4000-a000-000000000001"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"billing"}},"template":{"metadata":{"labels":{"app":"billing"}},"spec":{"containers":[{"name":"app","image":"busybox:1.36","resources":{"requests":{"cpu":"250m","memory":"256Mi"},"limits":{"memory":"256Mi"}}}]}}},
         "status":{"replicas":1,"readyReplicas":1,"availableReplicas":1,"updatedReplicas":1}},
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"newcomer","namespace":"forecast-demo","uid":"00000000-0000-4000-a000-000000000002"},
         "spec":{"replicas":1,"selector":{"matchLabels":{"app":"newcomer"}},"template":{"metadata":{"labels":{"app":"newcomer"}},"spec":{"containers":[{"name":"app","image":"busybox:1.36","resources":{"requests":{"cpu":"100m","memory":"128Mi"}}}]}}},
         "status":{"replicas":1,"readyReplicas":1,"availableReplicas":1,"updatedReplicas":1}},
        {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"billing","namespace":"forecast-demo"},
         "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"billing"},"minReplicas":1,"maxReplicas":10,
          "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":60}}}]},
         "status":{"currentReplicas":1,"desiredReplicas":1}},
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"worker-1"},"status":{"allocatable":{"cpu":"4","memory":"16Gi","pods":"110"},
         "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"2025-06-01T00:00:00Z"}]}}
        ]}
        """

    static let end = PrometheusFixture.endSeconds

    let scenario: PrometheusScenario
    var prometheus: PrometheusFixture { scenario.prometheus }
    var snapshot: String { scenario.snapshot }

    init() async throws {
        scenario = try await PrometheusScenario(namespace: "forecast-demo", objects: Self.objects)
    }

    private func run(_ arguments: [String]) async -> CLIRun {
        await scenario.run(arguments)
    }

    private func time(_ value: Any?) throws -> Double {
        let text = try #require(value as? String)
        return try #require(try? Date(text, strategy: .iso8601)).timeIntervalSince1970
    }

    @Test("the daily peak's start within 15 minutes and height within 10 %, a backtest better than 'same as yesterday', HPA replicas, a schedule, capacity; under 2 days is not enough history")
    func dailyPeak() async throws {
        let run = await run(["forecast", "-o", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let workloads = try #require(document["workloads"] as? [[String: Any]])
        let billing = try #require(workloads.first { ($0["workload"] as? [String: Any])?["name"] as? String == "billing" }, "\(workloads)")
        let cpu = try #require(billing["cpu"] as? [String: Any])
        let backtest = try #require(cpu["backtest"] as? [String: Any])
        let mape = try #require(backtest["mape"] as? Double)
        let baseline = try #require(backtest["baselineMAPE"] as? Double)
        // Each day of the data is scaled by its own factor: a week's median is a far better guide than one day.
        #expect(mape < 0.8 * baseline, "the chosen model (\(backtest["model"] ?? "")) beats the same time yesterday: \(mape) vs \(baseline)")
        #expect(backtest["model"] as? String == "daily-median", "\(backtest)")

        let peaks = try #require(cpu["peaks"] as? [[String: Any]])
        #expect(peaks.count == 1, "\(peaks)")
        let peak = try #require(peaks.first)
        let builtStart = Self.end + 14 * 3600
        #expect(abs(try time(peak["start"]) - builtStart) <= 15 * 60, "\(peak)")
        #expect(abs((peak["durationSeconds"] as? Double ?? 0) - 2 * 3600) <= 15 * 60, "\(peak)")
        // 0.9 core times the median day factor of the last week (0.96).
        #expect(abs((peak["height"] as? Double ?? 0) - 0.9 * 0.9646) <= 0.1 * 0.9 * 0.9646, "\(peak)")

        let scaling = try #require(billing["scaling"] as? [String: Any])
        #expect(scaling["targetUtilization"] as? Int == 60 && scaling["targetFrom"] as? String == "hpa")
        let hours = try #require(scaling["hours"] as? [[String: Any]]).compactMap { $0["replicas"] as? Int }
        #expect(hours.count == 24 && hours.min() == 1 && (6...7).contains(hours.max() ?? 0), "0.9 core at 60 % of 250m: \(hours)")
        let schedule = try #require(scaling["schedule"] as? [String: Any])
        let steps = try #require(schedule["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["cron"] as? String } == ["50 13 * * *", "10 16 * * *"], "\(steps)")
        #expect(steps.compactMap { $0["minReplicas"] as? Int }.first == hours.max() && steps.last?["minReplicas"] as? Int == 1)
        let monthly = try #require(schedule["monthlyCost"] as? Double)
        let alwaysOn = try #require(schedule["alwaysOnMonthlyCost"] as? Double)
        #expect(monthly > 0 && monthly < alwaysOn / 2, "\(monthly) vs \(alwaysOn)")

        let capacity = try #require(document["capacity"] as? [String: Any])
        #expect(abs(try time(capacity["hour"]) - (Self.end + 14 * 3600)) <= 3600 && capacity["allocatableCores"] as? Double == 4, "\(capacity)")
        #expect(abs((capacity["requestedCores"] as? Double ?? 0) - (Double(hours.max() ?? 0) * 0.25 + 0.1)) < 1e-9, "\(capacity)")

        let short = try #require(document["notEnoughHistory"] as? [[String: Any]])
        #expect(short.count == 1 && (short.first?["reason"] as? String)?.hasPrefix("not enough history: 1d") == true, "\(short)")
    }

    @Test("-o patch --schedule-as keda: one ScaledObject that takes the HPA over, a cron trigger per peak window and the HPA's CPU target; snapshot files default to CronJobs")
    func kedaScaledObject() async throws {
        let patch = await run(["forecast", "deployment/billing", "-o", "patch", "--schedule-as", "keda"])
        #expect(patch.exitCode == 0, "\(patch.stderr)")
        let documents = try Yams.load_all(yaml: patch.stdout).compactMap { $0 as? [String: Any] }
        let object = try #require(documents.first, "\(patch.stdout)")
        #expect(documents.count == 1 && object["apiVersion"] as? String == "keda.sh/v1alpha1" && object["kind"] as? String == "ScaledObject")
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["name"] as? String == "billing" && metadata["namespace"] as? String == "forecast-demo")
        #expect((metadata["annotations"] as? [String: String])?["scaledobject.keda.sh/transfer-hpa-ownership"] == "true")
        let spec = try #require(object["spec"] as? [String: Any])
        #expect(spec["scaleTargetRef"] as? [String: String] == ["apiVersion": "apps/v1", "kind": "Deployment", "name": "billing"])
        #expect(spec["minReplicaCount"] as? Int == 1 && spec["maxReplicaCount"] as? Int == 10)
        #expect(((spec["advanced"] as? [String: Any])?["horizontalPodAutoscalerConfig"] as? [String: String])?["name"] == "billing")
        let triggers = try #require(spec["triggers"] as? [[String: Any]])
        #expect(triggers.count == 2, "\(triggers)")
        #expect(triggers.first?["type"] as? String == "cpu" && triggers.first?["metricType"] as? String == "Utilization")
        #expect((triggers.first?["metadata"] as? [String: String])?["value"] == "60")
        let cron = try #require(triggers.last?["metadata"] as? [String: String])
        #expect(triggers.last?["type"] as? String == "cron" && cron["timezone"] == "Etc/UTC" && cron["start"] == "50 13 * * *" && cron["end"] == "10 16 * * *", "\(cron)")
        #expect(Int(cron["desiredReplicas"] ?? "") ?? 0 > 1, "\(cron)")

        let auto = await run(["forecast", "deployment/billing", "-o", "patch"])
        #expect(auto.stdout.contains("kind: CronJob") && !auto.stdout.contains("ScaledObject"), "no API to ask in snapshot files: \(auto.stdout)")
        let stray = await run(["forecast", "--schedule-as", "keda"])
        #expect(stray.exitCode == 64 && stray.stderr.contains("--schedule-as says how -o patch writes the schedule"), "\(stray.stderr)")
    }

    @Test("a live cluster is asked whether it serves KEDA for -o patch only, and the discovery's 404 (no KEDA) means CronJobs")
    func liveClusterAskedForKEDA() async throws {
        let cluster = try FakeCluster()
        try cluster.create(json: #"""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"billing","namespace":"forecast-demo"},
             "spec":{"replicas":1,"selector":{"matchLabels":{"app":"billing"}},"template":{"metadata":{"labels":{"app":"billing"}},
              "spec":{"containers":[{"name":"app","image":"nginx:1.27","resources":{"requests":{"cpu":"250m","memory":"256Mi"}}}]}}}}
            """#)
        let folder = try TemporaryDirectory()
        let kubeconfig = try folder.write("kubeconfig", TestCluster.kubeconfig(server: cluster.baseURL.absoluteString, token: "t"))
        let arguments = ["forecast", "-n", "forecast-demo", "--kubeconfig", kubeconfig.path, "--prometheus-url", prometheus.url]
        let at: @Sendable () -> Date = { Date(timeIntervalSince1970: PrometheusFixture.endSeconds) }
        let table = await CLIRunner.run(arguments, now: at)
        #expect(table.exitCode == 0 && cluster.server.requests(path: "/apis/keda.sh/v1alpha1").isEmpty, "\(table.stderr)")
        let patch = await CLIRunner.run(arguments + ["-o", "patch", "--target-utilization", "60"], now: at)
        #expect(patch.exitCode == 0, "\(patch.stderr)")
        #expect(cluster.server.requests(path: "/apis/keda.sh/v1alpha1").count == 1 && !patch.stderr.contains("could not ask whether KEDA"), "a 404 is no KEDA, not a failure: \(patch.stderr)")
        // Without an HPA there is no minReplicas to schedule; what there is to say is said.
        #expect(patch.stdout.hasPrefix("# Nothing to schedule"), "\(patch.stdout)")
    }

    @Test("-o patch: the schedule as CronJobs in UTC that patch only that HPA, with their ServiceAccount, Role and RoleBinding; the table says it all in a line each")
    func patchAndTable() async throws {
        let patch = await run(["forecast", "deployment/billing", "-o", "patch"])
        #expect(patch.exitCode == 0, "\(patch.stderr)")
        let documents = try Yams.load_all(yaml: patch.stdout).compactMap { $0 as? [String: Any] }
        #expect(documents.compactMap { $0["kind"] as? String } == ["ServiceAccount", "Role", "RoleBinding", "CronJob", "CronJob"], "\(patch.stdout)")
        let role = try #require(documents.first { $0["kind"] as? String == "Role" })
        let rule = try #require((role["rules"] as? [[String: Any]])?.first)
        #expect(rule["resourceNames"] as? [String] == ["billing"] && rule["verbs"] as? [String] == ["get", "patch"])
        let cronJobs = documents.filter { $0["kind"] as? String == "CronJob" }
        for cronJob in cronJobs {
            let spec = try #require(cronJob["spec"] as? [String: Any])
            #expect(spec["timeZone"] as? String == "Etc/UTC")
            let container = try #require(
                ((((spec["jobTemplate"] as? [String: Any])?["spec"] as? [String: Any])?["template"] as? [String: Any])?["spec"] as? [String: Any])
                    .flatMap { ($0["containers"] as? [[String: Any]])?.first })
            let arguments = try #require(container["args"] as? [String])
            #expect(arguments.prefix(5) == ["patch", "horizontalpodautoscaler", "billing", "--namespace", "forecast-demo"], "\(arguments)")
        }
        #expect(cronJobs.compactMap { ($0["spec"] as? [String: Any])?["schedule"] as? String } == ["50 13 * * *", "10 16 * * *"])

        let table = await run(["forecast"])
        #expect(table.stdout.contains("deployment/billing") && table.stdout.contains("daily-median") && table.stdout.contains("14:00:00–16:00:00 at "), "\(table.stdout)")
        #expect(table.stdout.contains("pre-scale HPA billing: minReplicas ") && table.stdout.contains("Capacity: at 14:00:00 UTC"), "\(table.stdout)")
        #expect(table.stdout.contains("? forecast-demo/deployment/newcomer: not enough history"), "\(table.stdout)")
        let horizon = await run(["forecast", "--horizon", "30d"])
        #expect(horizon.exitCode == 64 && horizon.stderr.contains("--horizon 30d"))
    }
}
