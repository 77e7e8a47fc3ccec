import HealAnalysis
import HealModel

/// The messages asking for a plan for an incident no rule covers: the finding, the workload's
/// template as it is now (images and resources; never environment values), what a plan may
/// use, and the bounds. Raw text: the anonymizer masks it afterwards.
enum PlanPrompt {
    static func messages(for incident: HealIncident, settings: HealPlannerSettings) -> [ChatMessage] {
        let workload = incident.finding.workload
        let actions = PlanValidator.allowedActions.map { allowed in
            let parameters = allowed.parameters.map { "\"\($0.name)\" (\($0.type.rawValue)): \($0.meaning)" }.joined(separator: "; ")
            return "- \(allowed.action.rawValue): \(allowed.meaning). Parameters: \(parameters)."
        }.joined(separator: "\n")
        return [
            .system("""
                You are a senior Kubernetes SRE. kubectl-heal found an incident that none of its rules can fix. \
                Propose a plan of at most \(PlanValidator.maxSteps) steps, tried in order (each only if the one \
                before did not make the workload healthy), using only these actions:
                \(actions)
                Any other action, parameter or workload makes the whole plan rejected. If no allowed action can \
                help, answer with an empty "steps" list.
                \(PromptRules.placeholders)
                \(PromptRules.jsonOnly) Its shape: {"workload": "kind/name", "namespace": "…", "steps": \
                [{"action": "…", "parameters": {…}, "reason": "one sentence"}]}.
                """),
            .user(facts(incident, workload: workload, settings: settings)),
        ]
    }

    private static func facts(_ incident: HealIncident, workload: ResourceRef, settings: HealPlannerSettings) -> String {
        var lines = [FindingBrief.text(incident.finding), "", "Workload to fix: \(workload.kind.lowercased())/\(workload.name) in namespace \(workload.namespace ?? "default")"]
        if !incident.templateContainers.isEmpty {
            lines.append("Pod template containers:")
            for container in incident.templateContainers {
                var line = "- \(container.name): image \(container.image ?? "(none)")"
                let limits = container.resources?.limits ?? [:], requests = container.resources?.requests ?? [:]
                if let memory = limits["memory"] { line += ", memory limit \(memory.text)" } else { line += ", no memory limit" }
                if let memory = requests["memory"] { line += ", memory request \(memory.text)" }
                if let cpu = limits["cpu"] { line += ", cpu limit \(cpu.text)" }
                lines.append(line)
            }
        }
        lines.append("Earlier revisions (for rollback): \(incident.earlierRevisions.isEmpty ? "none" : incident.earlierRevisions.map(String.init).joined(separator: ", "))")
        lines.append("Pods showing the incident (for restart-pod): \(incident.podNames.isEmpty ? "none" : incident.podNames.joined(separator: ", "))")
        lines.append("Environment variables the user supplied values for (for set-env): \(settings.env.isEmpty ? "none" : settings.env.keys.sorted().joined(separator: ", "))")
        lines.append("Highest memory limit allowed: \(Quantity.formatBytes(settings.maxMemoryBytes))")
        return lines.joined(separator: "\n")
    }
}
