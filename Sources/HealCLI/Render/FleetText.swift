import HealModel

/// How tables name clusters in a run over several.
enum FleetText {
    /// One line per cluster that could not be worked on ("cluster lab: not sized (Unavailable,
    /// exit 69): …; hint: …"); "" when every cluster answered.
    static func failures(_ errors: [UnreadableResource], not verb: String) -> String {
        errors.filter { $0.resource == "cluster" }.map { error in
            "cluster \(error.cluster ?? "?"): not \(verb) (\(error.reason), exit \(error.exitCode ?? 0)): \(error.message)\(error.hint.map { "; hint: \($0)" } ?? "")\n"
        }.joined()
    }

    /// "[prod-eu] " before a line about a cluster's object; "" outside a fleet run.
    static func prefix(_ cluster: String?) -> String {
        cluster.map { "[\($0)] " } ?? ""
    }
}
