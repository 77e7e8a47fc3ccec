import HealActions
import HealAnalysis
import HealApp
import HealModel
import MCP

/// failover_status, failover_plan and failover_apply: `kubectl heal failover` as tools.
enum FailoverTools {
    static let all = [status, plan, apply]

    private static let target: [String: Value] = [
        "service": Schema.string("The Service whose selector picks the active colour."),
        "namespace": Schema.namespace,
        "label": Schema.string("The selector key that names the colour (default: discovered)."),
    ]

    private static let switchProperties: [String: Value] = target.merging([
        "to": Schema.string("The colour to switch to (default: the only other colour)."),
        "replicas": Schema.integer("Ready pods wanted on the new colour before the switch (default: the active colour's replicas).", minimum: 1),
        "timeout": Schema.string("How long to wait for the standby to get Ready, and again for the switch to verify (default 2m)."),
        "keep_old": Schema.boolean("Leave the old colour's replicas as they are (default: scale it to 0 after a verified switch)."),
        "scale_down_old_after": Schema.string("Scale the old colour to 0 this long after a verified switch (default 30s)."),
        "reason": Schema.string("Why, for the Service's annotation and Events."),
    ]) { first, _ in first }

    static let status = ToolDefinition(
        name: "failover_status", title: "Blue/green status",
        description: """
            Which colour a Service sends traffic to, each colour's Deployment and endpoints, the verdict (healthy, degraded, \
            down) with the pods' own reason, and the recommended action. The same document as \
            `kubectl heal failover status SERVICE -o json`. Read-only.
            """,
        properties: target, required: ["service"]
    ) { arguments, call in
        let status = try await session(arguments, call).status()
        return try ToolAnswer(json: try FailoverRenderer.status(status, as: .json, at: Timestamp(call.environment.now())))
    }

    static let plan = ToolDefinition(
        name: "failover_plan", title: "Plan a blue/green switch",
        description: """
            The plan for switching a Service to its standby colour (scale, wait Ready, switch the selector, verify, scale \
            the old colour down), without changing anything. The same document as `kubectl heal failover switch SERVICE -o json`.
            """,
        properties: switchProperties, required: ["service"]
    ) { arguments, call in
        let request = try request(arguments)
        let job = FailoverSwitchJob(session: try session(arguments, call), environment: call.environment)
        return try ToolAnswer(json: try FailoverRenderer.plan(try await job.plan(request, readOnly: true), as: .json))
    }

    static let apply = ToolDefinition(
        name: "failover_apply", title: "Switch a Service to its standby colour",
        description: """
            Carry a blue/green switch out, exactly like `kubectl heal failover switch SERVICE --apply --yes`: every write \
            dry-run on the server first, the standby scaled and waited for, the selector switched under a resourceVersion \
            precondition, ready endpoints verified, switched back when they are not; the server's --policy decides whether \
            the Deployments may be scaled. Returns the plan, each step and the outcome. Changes the cluster.
            """,
        properties: switchProperties, required: ["service"], mutating: true
    ) { arguments, call in
        let request = try request(arguments)
        let policy = try HealPolicy.load(ifGiven: call.settings.policyFile)
        let job = FailoverSwitchJob(session: try session(arguments, call, mutating: true), environment: call.environment)
        let plan = try await job.plan(request, readOnly: false)
        guard !plan.alreadyActive else { return try ToolAnswer(json: try FailoverRenderer.plan(plan, as: .json)) }
        let stderr = call.environment.standardError
        let checked = try await job.check(plan, force: false, policy: policy) { step in
            if let line = try? FailoverRenderer.stepLine(step, json: false) { stderr.write(line) }
        }
        let result = try await checked.run()
        let verdict = result.verdict(timeout: try arguments.string("timeout") ?? FailoverSwitchOptions.defaultTimeout)
        if let problem = verdict.problem { call.environment.standardError.write(problem.text) }
        return try ToolAnswer(json: try FailoverRenderer.result(result, as: .json), exitCode: verdict.exitCode)
    }

    private static func session(_ arguments: ToolArguments, _ call: ToolCall, mutating: Bool = false) throws -> FailoverSession {
        let choice = try arguments.namespace(in: call.settings.scope, mutating: mutating)
        return try FailoverSession(
            environment: call.environment, cluster: call.cluster(choice), service: try arguments.string("service") ?? "",
            label: try arguments.string("label"), logLevel: call.logLevel)
    }

    /// The switch the arguments ask for, with the CLI's defaults; read before the cluster is.
    private static func request(_ arguments: ToolArguments) throws(PresentedError) -> FailoverRequest {
        let scaleDown = try arguments.parsed("scale_down_old_after", DurationInput.seconds)
            ?? DurationText.seconds(FailoverSwitch.defaultScaleDownOldAfter) ?? 30
        return FailoverRequest(
            to: try arguments.string("to"), replicas: try arguments.integer("replicas"),
            timeoutSeconds: try arguments.parsed("timeout", DurationInput.seconds) ?? DurationText.seconds(FailoverSwitchOptions.defaultTimeout) ?? 120,
            oldColour: try arguments.bool("keep_old") ? .keep : .scaleDown(afterSeconds: scaleDown),
            reason: try arguments.string("reason") ?? FailoverSwitch.defaultReason)
    }
}
