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
    ) { arguments, settings throws(PresentedError) in
        ["failover", "status"] + (try targetArguments(arguments, settings)) + ["-o", "json"] + settings.cluster
    }

    static let plan = ToolDefinition(
        name: "failover_plan", title: "Plan a blue/green switch",
        description: """
            The plan for switching a Service to its standby colour (scale, wait Ready, switch the selector, verify, scale \
            the old colour down), without changing anything. The same document as `kubectl heal failover switch SERVICE -o json`.
            """,
        properties: switchProperties, required: ["service"]
    ) { arguments, settings throws(PresentedError) in
        ["failover", "switch"] + (try targetArguments(arguments, settings)) + (try switchArguments(arguments)) + ["-o", "json"] + settings.cluster
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
    ) { arguments, settings throws(PresentedError) in
        ["failover", "switch"] + (try targetArguments(arguments, settings, mutating: true)) + (try switchArguments(arguments))
            + ["--apply", "--yes", "-o", "json"] + settings.policy + settings.cluster
    }

    private static func targetArguments(_ arguments: ToolArguments, _ settings: MCPServerSettings, mutating: Bool = false) throws(PresentedError) -> [String] {
        [try arguments.string("service") ?? ""]
            + (try settings.scope.arguments(tool: arguments.tool, namespace: try arguments.string("namespace"), allNamespaces: false, mutating: mutating))
            + (try arguments.flag("--label", from: "label"))
    }

    private static func switchArguments(_ arguments: ToolArguments) throws(PresentedError) -> [String] {
        var line = try arguments.flag("--to", from: "to") + arguments.flag("--timeout", from: "timeout")
            + arguments.flag("--scale-down-old-after", from: "scale_down_old_after") + arguments.flag("--reason", from: "reason")
        if let replicas = try arguments.integer("replicas") { line += ["--replicas", String(replicas)] }
        if try arguments.bool("keep_old") { line.append("--keep-old") }
        return line
    }
}
