import HealAnalysis
import HealModel
import Testing

/// Status, planner and trigger on the captured blue/green namespace (web-blue active with 2
/// Ready pods, web-green a cold standby at 0), edited into the incidents.
@Suite struct FailoverTests {
    static let namespace = "mcp-failover-clean"

    static func status(label: String? = nil, _ edit: (inout ClusterSnapshot) -> Void = { _ in }) throws -> FailoverStatus {
        let scenario = try Scenario("failover-clean")
        var snapshot = scenario.snapshot
        edit(&snapshot)
        return try FailoverStatus.evaluate(snapshot, service: "web", namespace: namespace, label: label, now: scenario.now)
    }

    /// The active colour loses its endpoints (as when its readiness probe fails).
    static func blueEndpointsNotReady(_ snapshot: inout ClusterSnapshot) {
        for slice in snapshot.endpointSlices.indices where snapshot.endpointSlices[slice].serviceName == "web" {
            for endpoint in snapshot.endpointSlices[slice].endpoints.indices {
                snapshot.endpointSlices[slice].endpoints[endpoint].conditions?.ready = false
            }
        }
    }

    @Test func discoversTheColourLabelAndReportsAHealthyActiveColour() throws {
        let status = try Self.status()
        #expect(status.colourLabel == "version")
        #expect(status.activeColour == "blue")
        #expect(status.verdict == .healthy)
        #expect(status.readyEndpoints == 2)
        #expect(status.reason == "2 of 2 endpoints ready on blue")
        let green = try #require(status.colour("green"))
        #expect(green.state == .scaledToZero)
        #expect(green.deployment == "web-green")
        #expect(green.canTakeTraffic)
        #expect(status.recommendation.action == .none)
    }

    @Test func aServiceWithoutEndpointsIsDownAndTheColdStandbyIsRecommended() throws {
        let status = try Self.status(Self.blueEndpointsNotReady)
        #expect(status.verdict == .down)
        #expect(status.reason.hasPrefix("0 of 2 endpoints ready"))
        #expect(status.recommendation.action == .failover)
        #expect(status.recommendation.command == "kubectl heal failover web --to green -n mcp-failover-clean --apply")
    }

    @Test func aLabelOutsideTheSelectorIsRefused() throws {
        #expect(throws: FailoverError.colourLabelNotInSelector(service: "web", label: "tier", selector: "app=web,version=blue")) {
            try Self.status(label: "tier")
        }
    }

    @Test func aServiceWhoseSelectorHasNoColourIsNotBlueGreen() throws {
        #expect(throws: FailoverError.colourLabelNotFound(service: "web", selector: "app=web")) {
            try Self.status { snapshot in
                let index = snapshot.services.firstIndex { $0.metadata.name == "web" }!
                snapshot.services[index].spec.selector = ["app": "web"]
            }
        }
    }

    @Test func thePlanScalesTheColdStandbyToTheActiveReplicasThenSwitchesAndVerifies() throws {
        let plan = try FailoverPlanner.plan(try Self.status(), FailoverRequest(to: "green", reason: "test"))
        #expect(plan.from == "blue")
        #expect(plan.to == "green")
        #expect(plan.replicas == 2)
        #expect(plan.standbyReplicasBefore == 0)
        #expect(plan.steps.map(\.kind) == [.scaleStandby, .waitReady, .switchSelector, .verify, .scaleDownOld])
    }

    @Test func switchingToTheActiveColourIsNothingToDo() throws {
        let plan = try FailoverPlanner.plan(try Self.status(), FailoverRequest(to: "blue", reason: "test"))
        #expect(plan.alreadyActive)
        #expect(plan.steps.isEmpty)
    }

    @Test func anUnknownColourNamesTheKnownOnes() throws {
        #expect(throws: FailoverError.unknownColour(service: "web", colour: "red", available: ["blue", "green"])) {
            try FailoverPlanner.plan(try Self.status(), FailoverRequest(to: "red", reason: "test"))
        }
    }

    @Test func keepOldLeavesOutTheScaleDown() throws {
        let plan = try FailoverPlanner.plan(try Self.status(), FailoverRequest(to: "green", replicas: 3, oldColour: .keep, reason: "test"))
        #expect(plan.replicas == 3)
        #expect(!plan.steps.contains { $0.kind == .scaleDownOld })
    }

    // MARK: Trigger

    @Test func theTriggerFailsOverOnlyAfterTheConditionHeldForItsDuration() throws {
        let down = try Self.status(Self.blueEndpointsNotReady)
        var trigger = FailoverTrigger(policy: .init(holdForSeconds: 10))
        #expect(trigger.decide(try Self.status(), at: 0) == .wait("blue serves: 2 of 2 endpoints ready on blue"))
        guard case .wait = trigger.decide(down, at: 1) else { Issue.record("failed over at once"); return }
        guard case .wait = trigger.decide(down, at: 10.9) else { Issue.record("failed over before 10s"); return }
        guard case .failover(let target, let reason) = trigger.decide(down, at: 11) else { Issue.record("no failover after 10s"); return }
        #expect(target == "green")
        #expect(reason.hasPrefix("blue has had no ready endpoints for 10s"))
    }

    @Test func aRecoveryBeforeTheHoldTimeResetsTheClock() throws {
        let down = try Self.status(Self.blueEndpointsNotReady)
        var trigger = FailoverTrigger(policy: .init(holdForSeconds: 10))
        _ = trigger.decide(down, at: 0)
        _ = trigger.decide(try Self.status(), at: 5)
        guard case .wait = trigger.decide(down, at: 12) else { Issue.record("the flap did not reset the hold time"); return }
        guard case .failover = trigger.decide(down, at: 22) else { Issue.record("no failover after a fresh 10s"); return }
    }

    @Test func theCapStopsFurtherSwitchesInTheWindow() throws {
        let down = try Self.status(Self.blueEndpointsNotReady)
        var trigger = FailoverTrigger(policy: .init(holdForSeconds: 0, maxSwitches: 1, windowSeconds: 3600))
        guard case .failover = trigger.decide(down, at: 0) else { Issue.record("no first failover"); return }
        trigger.recordSwitch(from: "blue", to: "green", succeeded: false, at: 0)
        let capped = trigger.decide(down, at: 60)
        #expect(capped.sentence.contains("already reach --max-failovers 1"))
        guard case .failover = trigger.decide(down, at: 3601) else { Issue.record("the window did not expire"); return }
    }

    @Test func failBackWaitsUntilTheOriginalColourHasBeenStable() throws {
        // After a failover to green: green serves, blue (kept running) is Ready again.
        let greenActive = try Self.status { snapshot in
            let service = snapshot.services.firstIndex { $0.metadata.name == "web" }!
            snapshot.services[service].spec.selector["version"] = "green"
        }
        var trigger = FailoverTrigger(policy: .init(holdForSeconds: 0, failback: true, stableForSeconds: 20))
        trigger.recordSwitch(from: "blue", to: "green", succeeded: true, at: 0)
        #expect(trigger.originalColour == "blue")
        guard case .wait(let waiting) = trigger.decide(greenActive, at: 1) else { Issue.record("failed back at once"); return }
        #expect(waiting.contains("failing back once it stays Ready for 20s"))
        guard case .failback(let target, _) = trigger.decide(greenActive, at: 21) else { Issue.record("no fail-back after 20s"); return }
        #expect(target == "blue")
        trigger.recordSwitch(from: "green", to: "blue", succeeded: true, at: 21)
        #expect(trigger.originalColour == nil)
    }
}
