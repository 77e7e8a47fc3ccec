import ArgumentParser

/// `kubectl heal learn`: the memory of fixes that worked, and the audit trail of every attempt.
struct Learn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the memory of fixes that worked: list, show, stats, forget, reset, prune, export, import.",
        discussion: """
            diagnose --fix records every attempt (who, where, the exact patch, the prior state, the \
            verification, how long it took, and whether a rule, the memory or an LLM planned it) and \
            learns per incident fingerprint which action fixes it and which values worked per workload.

            The store: --store PATH (a SQLite file), or --store configmap://NAMESPACE/NAME to share one \
            memory through the cluster; else $KUBECTL_HEAL_STORE; else \
            $XDG_STATE_HOME/kubectl-heal/memory.sqlite (~/.local/state/… without XDG_STATE_HOME).

              kubectl heal learn list                    patterns, last used first
              kubectl heal learn show ID                 one pattern and its attempts
              kubectl heal learn stats                   incidents, MTTD/MTTR, LLM savings
              kubectl heal learn prune --older-than 90d  bound the store; counts stay
              kubectl heal learn export team.yaml        share; `learn import` merges it

            A pattern ID may be shortened to a unique prefix of 4 or more characters.

            \(ExitStatus.table)
            """,
        subcommands: [
            LearnList.self, LearnShow.self, LearnStatsCommand.self, LearnForget.self, LearnReset.self, LearnPrune.self, LearnExport.self,
            LearnImport.self,
        ])
}
