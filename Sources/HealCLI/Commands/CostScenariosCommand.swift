import ArgumentParser
import HealAnalysis
import HealApp
import HealModel

/// `kubectl heal cost scenarios [TARGET]`
struct CostScenariosCommand: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "Monthly cost of resilience strategies for one workload, and the savings against a baseline.",
        discussion: """
            Scenarios: always-on (one colour), blue-green (both colours always on), peak-scaling (--peak-replicas \
            for --peak-hours a day, else --min-replicas), scale-to-zero (off for --off-hours a day), right-sized \
            (the recommend-limits requests; needs usage), warm-standby (the standby colour keeps --standby-replicas \
            running) and cold-standby (the standby at 0 replicas until a failover). Savings are against --baseline.

            The figures come from TARGET's real requests (CPU and memory), replicas and HPA bounds; without a TARGET \
            from --cpu-per-pod/--memory-per-pod/--replicas; or from --preset demo, the widely used demo calculator \
            (0.1 vCPU per pod, $0.12 per vCPU-hour, memory not priced, 730 h, 30 days, 5 replicas for 2 h a day, \
            8 off hours: $8.76 / $17.52 / $11.64 / $5.88).

            Examples:
              kubectl heal cost scenarios --preset demo
              kubectl heal cost scenarios deployment/web -n shop --baseline blue-green
              kubectl heal cost scenarios --cpu-per-pod 250m --memory-per-pod 512Mi --replicas 3 --peak-replicas 10

            \(ExitStatus.table)
            """)

    @Argument(help: ArgumentHelp("The workload: deployment/NAME, statefulset/NAME or daemonset/NAME.", valueName: "type/name"))
    var target: String?

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(help: ArgumentHelp("Read the workload from files instead of a live cluster.", valueName: "path"), completion: .file())
    var snapshot: String?

    @Option(name: .shortAndLong, help: "Output format.")
    var output: ScenarioFormat = .table

    @OptionGroup(title: "Scenarios") var scenarios: ScenarioOptions

    @OptionGroup(title: "Prices") var pricing: PricingOptions

    @OptionGroup(title: "Usage (right-sized scenario)") var usage: UsageOptions

    @OptionGroup(title: "Prometheus") var prometheus: PrometheusOptions

    @OptionGroup(title: "Recommendations") var recommender: RecommenderOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        if let target { _ = try WorkloadTargetArgument.parse(target) }
        if let preset = scenarios.preset {
            let conflicting = [
                ("TARGET", target != nil), ("--cpu-per-pod", scenarios.cpuPerPod != nil), ("--memory-per-pod", scenarios.memoryPerPod != nil),
                ("--replicas", scenarios.replicas != nil), ("--pricing", pricing.pricing != nil), ("--cpu-price", pricing.cpuPrice != nil),
                ("--memory-price", pricing.memoryPrice != nil), ("--hours-per-month", pricing.hoursPerMonth != nil),
            ]
            if let flag = conflicting.first(where: \.1) {
                throw ValidationError("--preset \(preset.rawValue) fixes every figure; \(flag.0) would change them. Drop one of them")
            }
        } else if target == nil, scenarios.cpuPerPod == nil, scenarios.memoryPerPod == nil {
            throw ValidationError("give a workload (e.g. deployment/web), a pod's size (--cpu-per-pod 250m --memory-per-pod 256Mi) or --preset demo")
        } else if target != nil, scenarios.describesPodOffline {
            throw ValidationError("--cpu-per-pod, --memory-per-pod and --replicas describe a pod without a cluster; TARGET's own figures are used instead")
        }
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let subject: ScenarioJob.Subject
        if let preset = scenarios.preset {
            subject = .preset(preset)
        } else if let target {
            subject = .workload(WorkloadInventory.Request(
                source: snapshot.map(DiagnoseRequest.Source.snapshot) ?? .cluster(cluster.overrides), namespace: cluster.namespace,
                allNamespaces: false, target: try WorkloadTargetArgument.parse(target)))
        } else {
            subject = .pod(
                cpu: scenarios.cpuPerPod.flatMap(Quantity.init)?.value ?? 0, memory: scenarios.memoryPerPod.flatMap(Quantity.init)?.value ?? 0,
                replicas: scenarios.replicas ?? 1)
        }
        let document = try await ScenarioJob(environment: environment, logLevel: verbosity.logLevel).run(ScenarioJob.Request(
            subject: subject, baseline: try scenarios.baselineID(), overrides: scenarios.overrides, pricing: pricing.settings, usage: usage.settings,
            prometheus: prometheus.access(cluster.overrides), recommender: recommender.settings))
        environment.standardOutput.write(try CostRenderer.render(document, as: output, at: Timestamp(environment.now())))
        return ExitStatus.success
    }
}
