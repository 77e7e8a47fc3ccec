import ArgumentParser
import HealAnalysis
import HealApp
import HealModel

/// `kubectl heal timeline [TYPE/NAME]`
struct TimelineCommand: HealCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "What happened to a workload, in time order, and which change probably set it off.",
        discussion: """
            Entries in time order, each with a time, a kind, the object, one sentence and its evidence: Events \
            (Normal and Warning, repeats folded with their count and last time), container terminations (a crash \
            loop folded into "crashed N times between A and B, every ~Δ"), Deployment revisions with what each \
            changed in the pod template (image, that command or args changed, env names — never values —, envFrom, \
            volumes, resources, probes), \
            the ConfigMaps and Secrets the pods read (dated by their last managedFields write; names and times only, \
            never data), scaling (ScalingReplicaSet, and the HPAs' last rescale and the bounds that hold them back), \
            the state of the nodes the pods ran on (NotReady, pressure, cordoned), and kubectl-heal's own fixes from \
            its store (--store) with their outcome.

            The first failure in the window is marked `!`. The changes in the hour before it are ranked as its \
            probable triggers (`◆1`, `◆2`…): a new revision, a changed ConfigMap or Secret or a fix kubectl-heal left \
            live first, then a node's \
            state, then scaling, the nearest first. When none precedes it, that is said: within ten minutes of the \
            oldest revision kept, the workload failed from its start; later, the cause is outside what the cluster \
            records. Events \
            expire (1 h by default) and pod status keeps only each container's last termination; the report says \
            which source covers which span.

            Without TYPE/NAME, the whole namespace. It reads no log, and Secrets as metadata only.

            With --watch, the timeline is printed, then each new entry as it happens ("+" new, "~" grown: an Event \
            or a crash loop counted again), the Services' ready and not-ready endpoint counts and the HPAs' current \
            and desired replicas when they change, and a new verdict when the first failure or its trigger changes. \
            An API server outage is waited out (resumed, relisted on 410), said on stderr and marked DISCONNECTED and \
            RECONNECTED in the stream. -o json prints one JSON document per line.

            With several clusters (--context a,b, --all-contexts), the target's entries from each, in one time order \
            with a CLUSTER column; the verdict is the first-failing cluster's, and each cluster's own follows.

            Examples:
              kubectl heal timeline deployment/api -n shop
              kubectl heal timeline deployment/api -n shop --since 6h -o json
              kubectl heal timeline cronjob/nightly-report -n batch -o markdown
              kubectl heal timeline -n shop --snapshot cluster-dump/
              kubectl heal timeline service/web -n shop --watch
              kubectl heal timeline deployment/api -n shop --context prod-eu,prod-us

            \(ExitStatus.table)
            """)

    @Argument(help: ArgumentHelp("deployment/NAME, statefulset/NAME, daemonset/NAME, job/NAME, cronjob/NAME, service/NAME or pod/NAME; without it, the whole namespace.", valueName: "type/name"))
    var target: String?

    @OptionGroup(title: "Cluster access") var cluster: ClusterOptions

    @Option(help: ArgumentHelp("Read files instead of a live cluster: `kubectl get -o json|yaml` output or a `kubectl cluster-info dump` folder.", valueName: "path"), completion: .file())
    var snapshot: String?

    @Option(help: ArgumentHelp("How far back to look (e.g. 30m, 6h, 2d).", valueName: "duration"))
    var since = "6h"

    @Option(name: .shortAndLong, help: "Output format.")
    var output: TimelineFormat = .table

    @Flag(help: "Keep watching and print each new entry as it happens, until interrupted (live clusters only).")
    var watch = false

    @OptionGroup var store: StoreOptions

    @OptionGroup(title: "Several clusters") var fleet: FleetOptions

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        if let target { _ = try parseFlag(nil) { () throws(InvalidInput) in try TargetInput.timeline(target) } }
        try parseFlag("--since") { () throws(InvalidInput) in try DurationInput.seconds(since) }
        if watch {
            if let snapshot { throw ValidationError("--watch follows a live cluster; --snapshot \(snapshot) is files") }
            guard [.table, .wide, .json].contains(output) else {
                throw ValidationError("with --watch the output is a stream of entries: use -o table, -o wide or -o json (JSON lines)")
            }
        }
        try fleet.check(
            context: cluster.context,
            singleClusterFlags: [("--snapshot", snapshot != nil), ("--watch", watch), ("--cluster", cluster.cluster != nil), ("--user", cluster.user != nil)])
    }

    func execute(in environment: AppEnvironment) async throws -> Int32 {
        let job = TimelineJob(environment: environment, logLevel: verbosity.logLevel)
        let request = TimelineJob.Request(
            source: snapshot.map(DiagnoseRequest.Source.snapshot) ?? .cluster(cluster.overrides),
            namespace: cluster.namespace,
            target: try target.map { text in try parseFlag(nil) { () throws(InvalidInput) in try TargetInput.timeline(text) } },
            window: try parseFlag("--since") { () throws(InvalidInput) in try DurationInput.seconds(since) },
            store: store.store)
        if fleet.selection(context: cluster.context).isFleet { return try await timelineFleet(job, request, in: environment) }
        guard watch else {
            let timeline = try await job.run(request)
            environment.standardOutput.write(try TimelineRenderer.render(timeline, as: output, at: Timestamp(environment.now())))
            return ExitStatus.success
        }
        let output = output
        let out = environment.standardOutput
        let now = environment.now
        try await job.watch(request, shown: { timeline in
            // JSON lines: the timeline as one line, then one line per entry.
            out.write(output == .json ? try ReportRenderer.compactJSON(VersionedDocument(kind: TimelineRenderer.kind, body: timeline, generatedAt: Timestamp(now())))
                : try TimelineRenderer.render(timeline, as: output, at: Timestamp(now())) + "\nWatching (Ctrl-C stops):\n")
        }, emit: { line in
            out.write((try? TimelineRenderer.watchLine(line, json: output == .json, wide: output == .wide)) ?? "")
        })
        return ExitStatus.success
    }

    /// The same target in several clusters, interleaved in time; the exit code is the worst
    /// cluster's (see `FleetOutcome`).
    private func timelineFleet(_ job: TimelineJob, _ request: TimelineJob.Request, in environment: AppEnvironment) async throws -> Int32 {
        let fleet = try await fleet.run(cluster: cluster, in: environment) { overrides in
            var request = request
            request.source = .cluster(overrides)
            return try await job.run(request)
        }
        let now = Timestamp(environment.now())
        let first = fleet.reports.first?.report
        // With no cluster read, the target as asked for.
        let asked = request.target.map { ResourceRef(kind: $0.kind.kind, namespace: cluster.namespace, name: $0.name) }
        let timeline = Timeline.fleet(
            fleet.reports.map { ($0.context, $0.report) }, failures: fleet.failures, order: fleet.contexts, target: first?.target ?? asked,
            namespace: first?.namespace ?? cluster.namespace,
            since: fleet.reports.map(\.report.since).min() ?? now.adding(seconds: -request.window), until: now)
        environment.standardOutput.write(try TimelineRenderer.render(timeline, as: output, at: now))
        return fleet.exitCode(findings: false)
    }
}
