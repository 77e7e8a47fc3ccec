/// What a Deployment's program needs to run, whatever its pod template says: the fake's
/// kubelet compares each new pod's spec with it, so a PATCH that fixes the template heals the
/// pods it creates and a wrong fix does not. Set per Deployment with `FakeCluster.setNeeds`;
/// it survives template changes (the program does not change when its limits do). Every
/// container of the pod has these needs.
package struct WorkloadNeeds: Sendable, Equatable {
    /// A memory quantity (`300Mi`): a container whose memory limit is lower is OOMKilled (exit
    /// code 137) and crash-loops; no limit means enough.
    package var memory: String?
    /// Environment variables the program checks (like the captured mysql-client's script): a
    /// container without a non-empty value for one of them exits with code 1 after logging
    /// `NAME is: VALUE` for each and `ERROR: Missing required environment variables!`.
    package var env: [String]
    /// How the program fails when its memory limit is below `memory`: nil is the kernel's OOM
    /// kill (137); lines are what it logs before exiting with code 1 by itself (a JVM whose
    /// heap, sized from the limit, runs out first — a failure no rule has a fix for).
    package var outOfMemoryLog: [String]?

    package init(memory: String? = nil, env: [String] = [], outOfMemoryLog: [String]? = nil) {
        self.memory = memory
        self.env = env
        self.outOfMemoryLog = outOfMemoryLog
    }
}
