import ArgumentParser
import HealApp
import HealModel

/// `kubectl heal cost [TYPE/NAME]` and `kubectl heal cost scenarios [TARGET]`.
struct Cost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Price workloads and resilience strategies (always-on, blue/green, peak scaling, scale-to-zero, right-sized).",
        discussion: """
            `kubectl heal cost [TYPE/NAME]` (the workloads subcommand) prices what runs; \
            `kubectl heal cost scenarios [TARGET]` prices strategies for one workload, a pod described by flags, or a preset.

            \(ExitStatus.table)
            """,
        subcommands: [CostWorkloads.self, CostScenariosCommand.self],
        defaultSubcommand: CostWorkloads.self)
}

/// `kubectl heal cost [TYPE/NAME]`
struct CostWorkloads: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "workloads",
        abstract: "Monthly cost per workload, per namespace and in total, with the idle (requested but unused) part.",
        discussion: """
            Monthly cost = Σ containers (CPU cores × $/vCPU-hour + memory GiB × $/GiB-hour) × replicas × hours per \
            month, CPU and memory priced separately (defaults $0.031611 per vCPU-hour, $0.004237 per GiB-hour, 730 h). \
            Each container is billed max(request, mean usage) when usage is known (Prometheus or metrics-server, as \
            for recommend-limits), else its request. Idle cost = requests above mean usage, priced the same. \
            --pricing FILE sets prices per node pool (with spot discounts) and per namespace (docs/pricing.md).

            Examples:
              kubectl heal cost -n shop
              kubectl heal cost -A -o csv > cost.csv
              kubectl heal cost deployment/web -n shop --pricing pricing.yaml
              kubectl heal cost --snapshot cluster-dump/ --usage-source none
              kubectl heal cost --context prod-eu,prod-us -A

            \(ExitStatus.table)
            """)

    @OptionGroup var workloads: WorkloadSelectionOptions

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(name: .shortAndLong, help: "Output format.")
    var output: CostFormat = .table

    @OptionGroup(title: "Prices") var pricing: PricingOptions

    @OptionGroup(title: "Usage") var usage: UsageOptions

    @OptionGroup(title: "Prometheus") var prometheus: PrometheusOptions

    @OptionGroup(title: "Several clusters") var fleet: FleetOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        try workloads.checkUsageSource(usage, prometheus: prometheus)
        try fleet.check(context: cluster.context, singleClusterFlags: workloads.singleClusterFlags(cluster: cluster, prometheus: prometheus))
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let job = CostJob(environment: environment, logLevel: verbosity.logLevel)
        let request = CostJob.Request(
            inventory: try workloads.inventoryRequest(cluster: cluster), usage: usage.settings, prometheus: prometheus.access(cluster.overrides), pricing: pricing.settings)
        guard fleet.selection(context: cluster.context).isFleet else {
            environment.standardOutput.write(try CostRenderer.render(try await job.run(request), as: output, at: Timestamp(environment.now())))
            return ExitStatus.success
        }
        // Several clusters, priced with one sheet; the exit code is the worst cluster's.
        let fleet = try await fleet.run(cluster: cluster, in: environment) { overrides in
            var request = request
            request.inventory.source = .cluster(overrides)
            return try await job.run(request)
        }
        let document = try CostDocument.fleet(fleet.reports, failures: fleet.failures, order: fleet.contexts, pricing: pricing.settings)
        environment.standardOutput.write(try CostRenderer.render(document, as: output, at: Timestamp(environment.now())))
        return fleet.exitCode(findings: false)
    }
}
