import Foundation
import HealAnalysis
import HealApp
import HealModel

/// timeline: `kubectl heal timeline` as a tool.
enum TimelineTools {
    static let all = [timeline]

    static let timeline = ToolDefinition(
        name: "timeline", title: "What happened to a workload",
        description: """
            What happened to a workload (or a namespace), in time order: Events, container terminations and crash loops, \
            Deployment revisions with what each changed (image, command, env names, resources, probes), the ConfigMaps \
            and Secrets its pods read (when they changed), scaling and its HPAs, the state of its nodes and kubectl-heal's own fixes from the server's store; the first failure and the changes just before it ranked as probable triggers, or why none \
            is. The same document as `kubectl heal timeline -o json`. Secrets as metadata only. Read-only.
            """,
        properties: [
            "target": Schema.string("deployment/NAME, statefulset/NAME, daemonset/NAME, job/NAME, cronjob/NAME, service/NAME or pod/NAME; without it, the whole namespace."),
            "namespace": Schema.namespace,
            "since": Schema.string("How far back to look, e.g. 30m, 6h (default), 2d."),
        ]
    ) { arguments, call in
        let choice = try arguments.namespace(in: call.settings.scope)
        let timeline = try await TimelineJob(environment: call.environment, logLevel: call.logLevel).run(TimelineJob.Request(
            source: call.source(choice), namespace: choice.namespace, target: try arguments.parsed("target", TargetInput.timeline),
            window: try arguments.parsed("since", DurationInput.seconds) ?? 6 * 3600, store: call.settings.store))
        return try ToolAnswer(json: try TimelineRenderer.render(timeline, as: .json, at: Timestamp(call.environment.now())))
    }
}
