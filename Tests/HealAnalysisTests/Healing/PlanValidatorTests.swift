import HealAnalysis
import HealModel
import Testing

@Suite("PlanValidator: a proposed plan is used only with allowed actions, typed parameters and values inside the bounds")
struct PlanValidatorTests {
    /// memory-hungry of the captured agentic demo: container memory-hungry, limit 128Mi, image
    /// polinux/stress, revision 1 current; the finding's remediation replaced by a manual one so
    /// that no rule covers it.
    private func incident(earlierRevisions: [Int] = [1, 2]) throws -> HealIncident {
        let loaded = try Scenario("agentic-demo")
        var finding = try #require(loaded.diagnose().findings.first { $0.workload.name == "memory-hungry" && $0.remediation != nil })
        finding.remediation = Remediation(action: .manual, summary: "Read the container's log and fix the error it reports.", safeToAutoApply: false)
        let deployment = try #require(loaded.snapshot.deployments.first { $0.metadata.name == "memory-hungry" })
        return HealIncident(
            finding: finding, fingerprint: IncidentFingerprint.of(finding, pod: nil, logs: nil),
            templateContainers: deployment.spec.template?.spec.containers ?? [], earlierRevisions: earlierRevisions)
    }

    private func validator(_ configure: (inout HealPlannerSettings) -> Void = { _ in }) -> PlanValidator {
        var settings = HealPlannerSettings()
        configure(&settings)
        return PlanValidator(settings: settings)
    }

    private func proposal(_ steps: [ProposedStep], workload: String = "deployment/memory-hungry", namespace: String? = "agentic-demo") -> PlanProposal {
        PlanProposal(workload: workload, namespace: namespace, steps: steps)
    }

    private func memory(_ value: JSONValue, container: String = "memory-hungry") -> ProposedStep {
        ProposedStep(action: "raise-memory-limit", parameters: ["container": .string(container), "memory": value], reason: "the heap needs about 400Mi")
    }

    private func rejection(_ result: Result<[HealStep], PlanRejection>) -> String? {
        if case .failure(let rejection) = result { rejection.reason } else { nil }
    }

    @Test("a memory raise inside the cap becomes the same step the rule would build, marked llm, with its reason")
    func memoryAccepted() throws {
        let incident = try incident()
        let steps = try validator().steps(for: proposal([memory(.string("512Mi"))]), incident: incident, source: .llm).get()
        let step = try #require(steps.first)
        #expect(steps.count == 1)
        #expect(step.action == .raiseMemoryLimit)
        #expect(step.source == .llm)
        #expect(step.parameters == ["container": "memory-hungry", "from": "128Mi", "to": "512Mi"])
        #expect(step.reason == "llm: the heap needs about 400Mi")
        #expect(step.learnedValue == ["to": "512Mi"])
        #expect(step.patch?.body == .object(["spec": .object(["template": .object(["spec": .object(["containers": .array([
            .object(["name": .string("memory-hungry"), "resources": .object(["limits": .object(["memory": .string("512Mi")])])]),
        ])])])])]))
    }

    @Test("an action outside the allowed set is rejected, listing the allowed ones")
    func unknownAction() throws {
        let reason = rejection(validator().steps(
            for: proposal([ProposedStep(action: "delete-namespace", parameters: [:], reason: "start over")]), incident: try incident(), source: .llm))
        #expect(reason == "step 1 (delete-namespace): \"delete-namespace\" is not an allowed action; allowed: raise-memory-limit, set-image, set-env, rollback, restart-pod")
        let scale = rejection(validator().steps(
            for: proposal([ProposedStep(action: "scale", parameters: ["replicas": .int(0)], reason: "")]), incident: try incident(), source: .llm))
        #expect(scale?.contains("\"scale\" is not an allowed action") == true)
    }

    @Test("a plan for another workload or namespace is rejected")
    func wrongWorkload() throws {
        let step = memory(.string("512Mi"))
        #expect(rejection(validator().steps(for: proposal([step], workload: "deployment/web-server"), incident: try incident(), source: .llm))
            == "it targets deployment/web-server, not the incident's deployment/memory-hungry")
        #expect(rejection(validator().steps(for: proposal([step], workload: "statefulset/memory-hungry"), incident: try incident(), source: .llm))
            == "it targets statefulset/memory-hungry, not the incident's deployment/memory-hungry")
        #expect(rejection(validator().steps(for: proposal([step], namespace: "kube-system"), incident: try incident(), source: .llm))
            == "it targets namespace kube-system, not agentic-demo")
        // kubectl's spellings of the kind are the same workload.
        #expect(rejection(validator().steps(for: proposal([step], workload: "deploy/memory-hungry"), incident: try incident(), source: .llm)) == nil)
    }

    @Test("memory must be a quantity above the current limit and within --max-memory")
    func memoryRange() throws {
        let incident = try incident()
        let capped = validator { $0.maxMemoryBytes = 256 * 1_048_576 }
        #expect(rejection(capped.steps(for: proposal([memory(.string("1Gi"))]), incident: incident, source: .llm))
            == "step 1 (raise-memory-limit): memory 1Gi is above the --max-memory cap (256Mi)")
        #expect(rejection(validator().steps(for: proposal([memory(.string("64Mi"))]), incident: incident, source: .llm))
            == "step 1 (raise-memory-limit): memory 64Mi is not above the current limit 128Mi")
        #expect(rejection(validator().steps(for: proposal([memory(.string("lots"))]), incident: incident, source: .llm))
            == "step 1 (raise-memory-limit): memory \"lots\" is not a quantity such as 512Mi")
        #expect(rejection(validator().steps(for: proposal([memory(.int(536_870_912))]), incident: incident, source: .llm))
            == "step 1 (raise-memory-limit): parameter memory must be a string")
        #expect(rejection(validator().steps(for: proposal([memory(.string("512Mi"), container: "sidecar")]), incident: incident, source: .llm))
            == "step 1 (raise-memory-limit): container \"sidecar\" is not in the pod template (memory-hungry)")
    }

    @Test("parameters are exactly the action's: unknown, missing and mistyped ones are rejected")
    func parameterTypes() throws {
        let incident = try incident()
        let extra = ProposedStep(action: "raise-memory-limit", parameters: ["container": .string("memory-hungry"), "memory": .string("512Mi"), "command": .string("rm -rf /")], reason: "")
        #expect(rejection(validator().steps(for: proposal([extra]), incident: incident, source: .llm))
            == "step 1 (raise-memory-limit): unknown parameter \"command\"; raise-memory-limit takes container, memory")
        let missing = ProposedStep(action: "raise-memory-limit", parameters: ["container": .string("memory-hungry")], reason: "")
        #expect(rejection(validator().steps(for: proposal([missing]), incident: incident, source: .llm))
            == "step 1 (raise-memory-limit): parameter memory is missing")
        let revisionText = ProposedStep(action: "rollback", parameters: ["revision": .string("1")], reason: "")
        #expect(rejection(validator().steps(for: proposal([revisionText]), incident: incident, source: .llm))
            == "step 1 (rollback): parameter revision must be an integer")
    }

    @Test("an image may change its tag but not its registry or repository")
    func image() throws {
        let incident = try incident()
        let current = try #require(incident.templateContainers.first?.image)
        let repository = String(current.split(separator: ":").first ?? "")
        func step(_ image: String) -> ProposedStep {
            ProposedStep(action: "set-image", parameters: ["container": .string("memory-hungry"), "image": .string(image)], reason: "")
        }
        let retagged = try validator().steps(for: proposal([step("\(repository):1.0.5")]), incident: incident, source: .llm).get()
        #expect(retagged.first?.parameters["image"] == "\(repository):1.0.5")
        #expect(rejection(validator().steps(for: proposal([step("evil.example.com/\(repository):1.0.5")]), incident: incident, source: .llm))
            == "step 1 (set-image): image evil.example.com/\(repository):1.0.5 is not from \(current)'s registry and repository; only the tag or digest may change")
        #expect(rejection(validator().steps(for: proposal([step(current)]), incident: incident, source: .llm))
            == "step 1 (set-image): image \"\(current)\" is not a new image reference for container memory-hungry")
    }

    @Test("environment variables only with values the user supplied; the value never comes from the plan")
    func env() throws {
        let incident = try incident()
        let step = ProposedStep(action: "set-env", parameters: ["container": .string("memory-hungry"), "names": .array([.string("JAVA_OPTS")])], reason: "")
        #expect(rejection(validator().steps(for: proposal([step]), incident: incident, source: .llm))
            == "step 1 (set-env): no value was supplied with --env for JAVA_OPTS; values never come from a plan")
        let supplied = validator { $0.env = ["JAVA_OPTS": .literal("-Xmx300m")] }
        let steps = try supplied.steps(for: proposal([step]), incident: incident, source: .llm).get()
        #expect(steps.first?.parameters["env"] == "JAVA_OPTS=a value from --env")
        #expect(steps.first?.redactedPatch.map { "\($0.body)" }?.contains("-Xmx300m") == false)
    }

    @Test("a rollback goes only to an earlier revision; a restart only deletes one of the incident's pods")
    func rollbackAndRestart() throws {
        let incident = try incident(earlierRevisions: [1])
        let rollback = ProposedStep(action: "rollback", parameters: ["revision": .int(1)], reason: "")
        #expect(try validator().steps(for: proposal([rollback]), incident: incident, source: .llm).get().first?.parameters == ["revision": "1"])
        let unknownRevision = ProposedStep(action: "rollback", parameters: ["revision": .int(7)], reason: "")
        #expect(rejection(validator().steps(for: proposal([unknownRevision]), incident: incident, source: .llm))
            == "step 1 (rollback): revision 7 is not an earlier revision of deployment memory-hungry (earlier: 1)")
        let pod = try #require(incident.podNames.first)
        let restart = ProposedStep(action: "restart-pod", parameters: ["pod": .string(pod)], reason: "")
        #expect(try validator().steps(for: proposal([restart]), incident: incident, source: .llm).get().first?.target.name == pod)
        let otherPod = ProposedStep(action: "restart-pod", parameters: ["pod": .string("web-server-0")], reason: "")
        #expect(rejection(validator().steps(for: proposal([otherPod]), incident: incident, source: .llm))?.hasPrefix("step 1 (restart-pod): pod web-server-0 is not one of the incident's pods") == true)
    }

    @Test("an empty plan, a plan of more than three steps and a plan with one bad step are rejected whole")
    func wholePlan() throws {
        let incident = try incident()
        #expect(rejection(validator().steps(for: proposal([]), incident: incident, source: .llm)) == "it has no steps")
        let four = (1...4).map { _ in memory(.string("512Mi")) }
        #expect(rejection(validator().steps(for: proposal(four), incident: incident, source: .llm)) == "it has 4 steps; at most 3 are tried")
        let mixed = [memory(.string("512Mi")), ProposedStep(action: "exec", parameters: [:], reason: "")]
        #expect(rejection(validator().steps(for: proposal(mixed), incident: incident, source: .llm))?.hasPrefix("step 2 (exec):") == true)
    }

    @Test("the planner marks an incident no rule covers as uncovered, and replays a fix learned on this workload instead of asking")
    func uncoveredAndReplay() throws {
        let incident = try incident()
        let planner = HealPlanner(settings: HealPlannerSettings())
        let uncovered = planner.plan(incident, learned: [], failedBefore: [])
        #expect(uncovered.steps.isEmpty)
        #expect(uncovered.uncovered)
        #expect(uncovered.leftAlone == "it needs a person: Read the container's log and fix the error it reports.")
        let learned = LearnedFix(
            patternID: "0123456789ab", action: .raiseMemoryLimit, template: ["container": "memory-hungry", "memoryStep": "bump"],
            valueForWorkload: ["to": "512Mi"], successes: 1, failures: 0)
        let replay = planner.plan(incident, learned: [learned], failedBefore: [])
        #expect(!replay.uncovered)
        #expect(replay.steps.map(\.source) == [.learned])
        #expect(replay.steps.first?.parameters["to"] == "512Mi")
        #expect(replay.steps.first?.reason == "learned: memory-hungry was fixed this way before (pattern 0123456789ab, 1 success)")
        // Learned for another workload (no value here): nothing to replay, so the incident stays uncovered.
        var elsewhere = learned
        elsewhere.valueForWorkload = nil
        #expect(planner.plan(incident, learned: [elsewhere], failedBefore: []).uncovered)
        // A replay that did not verify before is not repeated.
        #expect(planner.plan(incident, learned: [learned], failedBefore: ["raise-memory-limit to=512Mi"]).uncovered)
        // A rule-covered incident is never uncovered, even when its plan is empty.
        var covered = incident
        covered.finding.remediation = try Scenario("agentic-demo").diagnose().findings.first { $0.workload.name == "memory-hungry" && $0.remediation?.action == .raiseMemoryLimit }?.remediation
        #expect(!HealPlanner(settings: HealPlannerSettings()).plan(covered, learned: [], failedBefore: ["raise-memory-limit to=228Mi", "raise-memory-limit to=328Mi", "raise-memory-limit to=428Mi"]).uncovered)
    }
}
