import ArgumentParser

/// `kubectl heal failover`: blue/green switching for plain Deployments behind one Service.
struct Failover: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Switch a Service between blue/green Deployments safely: scale the standby, wait Ready, switch, verify, roll back.",
        discussion: """
            Two Deployments (e.g. web-blue and web-green, pod labels app=web + version=blue|green) sit behind \
            one Service whose selector names the active colour. The colour label is discovered from the \
            selector and the Deployments it could match (or given with --label).

              kubectl heal failover status SERVICE          what serves, what could take over, what to do
              kubectl heal failover SERVICE [--to COLOR]    print the plan; carry it out with --apply
              kubectl heal failover watch SERVICE           fail over (and back) on its own while it runs

            A Service whose name is also a subcommand's is reached as `kubectl heal failover switch NAME`.

            \(ExitStatus.table)
            """,
        subcommands: [FailoverSwitch.self, FailoverStatusCommand.self, FailoverWatch.self],
        defaultSubcommand: FailoverSwitch.self)
}
