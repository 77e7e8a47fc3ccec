/// The process exit codes, as documented in `--help`, the man page and the README.
package enum ExitStatus {
    package static let success: Int32 = 0
    /// Findings (or recommend-limits changes) at or above `--fail-on`; a failover refused or rolled back; a fix or resize that did not verify.
    package static let findings: Int32 = 1
    package static let usage: Int32 = 64
    package static let badInput: Int32 = 65
    package static let internalError: Int32 = 70
    package static let unavailable: Int32 = 69
    package static let temporaryFailure: Int32 = 75
    package static let permissionDenied: Int32 = 77
    package static let configuration: Int32 = 78

    /// A word for a cluster's failure in a run over several (`errors[].reason`).
    static func reason(_ code: Int32) -> String {
        switch code {
        case unavailable: "Unavailable"
        case permissionDenied: "Forbidden"
        case configuration: "Misconfigured"
        case temporaryFailure: "TemporaryFailure"
        case badInput: "BadInput"
        case usage: "Usage"
        default: "Failed"
        }
    }

    /// The table every `--help` ends with.
    package static let table = """
        EXIT CODES:
          0   success; no finding at or above --fail-on (by default findings never fail)
          1   findings (or, for recommend-limits, changes) at or above --fail-on; a failover refused, or rolled back after its verification failed; a fix or --apply change that did not verify (rolled back), was refused by the server's dry run, or is live but unverified
          64  usage error (bad flag or argument)
          65  bad input data (unreadable or invalid --snapshot, --policy, --config, --pricing or import file; corrupt store)
          69  API server, Prometheus or metrics-server unreachable, TLS failure, timeout; with --require-llm, an LLM endpoint that could not answer
          70  internal error
          75  temporary failure after bounded retries (429/503), or a conflicting change by someone else (to the fields a fix or --apply changes, a failover's selector, the store); nothing is overwritten
          77  401/403 or credential plugin failure (the message names the refused verb and resource)
          78  configuration error (no kubeconfig, unknown context, a namespace that does not exist, LLM asked for but not configured, store not writable)
        """
}
