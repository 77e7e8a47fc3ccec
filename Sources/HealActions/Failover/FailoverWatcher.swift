import Foundation
import HealAnalysis
import HealKube
import HealModel
import Logging

/// `failover watch`: keeps a live picture of one blue/green Service from shared informers (the
/// Service, Deployments, the pods of every colour, their EndpointSlices and pod Events — no
/// polling), asks `FailoverTrigger` what to do whenever it changes and on a short tick (the
/// trigger's hold times are time-based), and carries out failovers and fail-backs with the same
/// executor as `failover --apply`. A switch that has started always finishes, even when the watcher is
/// being stopped: cancellation only ends the watching.
package struct FailoverWatcher: Sendable {
    package struct Settings: Sendable {
        package var policy: FailoverTrigger.Policy
        /// Without it, decisions are reported and nothing is changed.
        package var apply: Bool
        package var replicas: Int?
        package var timeoutSeconds: Double
        /// Seconds after a verified switch to scale the old colour to 0; nil keeps it (needed
        /// for fail-back, which watches the old colour recover).
        package var scaleDownOldAfter: Double?
        /// With several replicas, only the holder of this Lease acts.
        package var leaseName: String?
        package var identity: String
        package var tick: Duration = .milliseconds(100)

        package init(
            policy: FailoverTrigger.Policy, apply: Bool, replicas: Int? = nil, timeoutSeconds: Double = 120, scaleDownOldAfter: Double? = nil,
            leaseName: String? = nil, identity: String = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
        ) {
            self.policy = policy
            self.apply = apply
            self.replicas = replicas
            self.timeoutSeconds = timeoutSeconds
            self.scaleDownOldAfter = scaleDownOldAfter
            self.leaseName = leaseName
            self.identity = identity
        }
    }

    /// What the watcher tells its front end, as it happens.
    package enum Report: Sendable {
        case decision(FailoverTrigger.Decision, acting: Bool, note: String?)
        /// A switch ended (its steps went through the executor's `onStep` as they ended).
        case result(FailoverResult)
        /// The watches lost the API server (`error`: the first failure) or, with nil, got it back.
        case connectivity(server: String, error: String?)
    }

    package struct Summary: Sendable, Encodable {
        package var seconds: Double = 0
        package var failovers = 0
        package var failbacks = 0
        package var refused = 0
        package var rolledBack = 0
        package var decisions = 0
    }

    let executor: FailoverExecutor
    let settings: Settings
    let elector: LeaseElector?
    let logger: Logger
    let metrics: FailoverMetrics?

    package init(executor: FailoverExecutor, settings: Settings, logger: Logger, metrics: FailoverMetrics? = nil) {
        self.executor = executor
        self.settings = settings
        self.logger = logger
        self.metrics = metrics
        let observer = executor.observer
        elector = settings.leaseName.map {
            LeaseElector(client: observer.client, namespace: observer.namespace, name: $0, identity: settings.identity, logger: logger)
        }
    }

    private var observer: FailoverObserver { executor.observer }

    /// Runs until the task is cancelled (SIGINT/SIGTERM in the CLI) or a watch is refused for
    /// good (401, 403, 404); an API server outage is waited out and said on stderr.
    package func run(report: @escaping @Sendable (Report) -> Void) async throws -> Summary {
        let started = ContinuousClock.now
        let initial = try await observer.snapshot()
        let topology = try BlueGreenTopology.discover(
            service: initial.services[0], deployments: initial.deployments, label: observer.label)
        var trigger = FailoverTrigger(policy: settings.policy)
        var summary = Summary()
        var lastSentence = ""
        var lastLeaseRound = ContinuousClock.now - .seconds(60)

        let server = observer.client.connection.server
        let metrics = metrics
        let connectivity = WatchConnectivity(
            logger: logger, onReconnect: { metrics?.watchReconnected() }, onOutage: { error in report(.connectivity(server: server, error: error)) })
        let informers = SharedInformers(client: observer.client, connectivity: connectivity)
        defer { informers.stopAll() }
        let picture = WatchedNamespace(initial, observer: observer, podSelector: topology.podSelector, informers: informers)
        let changes = ChangeFeed(picture.subscribe(), tick: settings.tick, logger: logger)
        defer { changes.cancel() }
        var status: FailoverStatus?
        var stale = true
        do {
            for try await change in changes.stream {
                // A tick leaves the picture as it is: only the trigger's clock moves on.
                if case .changed = change { stale = true }
                if let elector, lastLeaseRound.duration(to: .now) >= .seconds(2) {
                    lastLeaseRound = .now
                    await elector.tryAcquireOrRenew()
                }
                if stale {
                    stale = false
                    do {
                        status = try FailoverStatus.evaluate(
                            picture.snapshot, service: observer.service, namespace: observer.namespace, label: topology.colourLabel, now: Timestamp(Date()))
                    } catch {
                        status = nil
                        reportIfNew(.decision(.wait(error.message), acting: false, note: nil), &lastSentence, report)
                    }
                }
                guard let status else { continue }
                let decision = trigger.decide(status, at: started.duration(to: .now).seconds)
                guard let target = decision.switchTarget else {
                    reportIfNew(.decision(decision, acting: false, note: nil), &lastSentence, report)
                    continue
                }
                let note = await actingNote()
                reportIfNew(.decision(decision, acting: note == nil, note: note), &lastSentence, report)
                guard note == nil else { continue }
                summary.decisions += 1
                let result = await switchOver(to: target.to, reason: target.reason, status: status, report: report)
                trigger.recordSwitch(
                    from: status.activeColour, to: target.to, succeeded: result?.outcome == .succeeded, at: started.duration(to: .now).seconds)
                tally(result, decision: decision, into: &summary)
                lastSentence = ""
                stale = true
            }
        } catch where Task.isCancelled {
            // Stopping cancels the watches; a watch that reports its own cancellation before
            // the stream ends is the stop, not a failure.
        }
        await elector?.release()
        summary.seconds = started.duration(to: .now).seconds
        return summary
    }

    /// Decisions are reported when their sentence changes, not on every tick.
    private func reportIfNew(_ item: Report, _ last: inout String, _ report: (Report) -> Void) {
        guard case .decision(let decision, _, let note) = item else { return report(item) }
        let sentence = decision.sentence + (note ?? "")
        guard sentence != last else { return }
        last = sentence
        report(item)
    }

    /// Why this watcher will not act on a decision, or nil when it will.
    private func actingNote() async -> String? {
        guard settings.apply else { return " (report only: pass --apply to act)" }
        guard let elector else { return nil }
        if await elector.isLeader { return nil }
        let holder = await elector.holder
        return " (not acting: lease \(elector.name) is held by \(holder ?? "nobody yet"))"
    }

    /// Plans and runs one switch. The run is shielded from cancellation so that a stop
    /// request never leaves a half-switched Service; the old colour's delayed scale-down is not.
    private func switchOver(
        to target: String, reason: String, status: FailoverStatus, report: @escaping @Sendable (Report) -> Void
    ) async -> FailoverResult? {
        let request = FailoverRequest(to: target, replicas: settings.replicas, timeoutSeconds: settings.timeoutSeconds, oldColour: .keep, reason: reason)
        let executor = executor
        let shielded = Task { () -> Result<FailoverResult, any Error> in
            do {
                let plan = try FailoverPlanner.plan(status, request)
                try await executor.checkSafety(plan)
                return .success(try await executor.run(plan))
            } catch {
                return .failure(error)
            }
        }
        switch await shielded.value {
        case .success(var result):
            if result.outcome == .succeeded, let delay = settings.scaleDownOldAfter, let old = result.plan.fromDeployment {
                await executor.scaleDownOld(old, after: delay, into: &result)
            }
            report(.result(result))
            return result
        case .failure(let error):
            let message = (error as? FailoverError)?.message ?? "\(error)"
            logger.error("switch to \(target) failed: \(message)")
            report(.decision(.wait("could not switch to \(target): \(message)"), acting: false, note: nil))
            return nil
        }
    }

    private func tally(_ result: FailoverResult?, decision: FailoverTrigger.Decision, into summary: inout Summary) {
        var failback = false
        if case .failback = decision { failback = true }
        metrics?.switchFinished(failback: failback, outcome: result?.outcome)
        switch result?.outcome {
        case .succeeded:
            if case .failback = decision { summary.failbacks += 1 } else { summary.failovers += 1 }
        case .rolledBack: summary.rolledBack += 1
        case .refused, .none: summary.refused += 1
        case .nothingToDo: break
        }
    }
}
