import ArgumentParser
import HealApp

/// Several clusters from one kubeconfig: `--context a,b,c`, `--all-contexts`, `--contexts-matching`.
struct FleetOptions: ParsableArguments, Sendable {
    @Flag(help: "Work on every context of the kubeconfig, a few clusters at a time (--context a,b,c names some).")
    var allContexts = false

    @Option(help: ArgumentHelp("Only the contexts whose name matches this regular expression (with --all-contexts, or alone).", valueName: "regex"))
    var contextsMatching: String?

    func selection(context: String?) -> FleetSelection {
        FleetSelection(
            contexts: context.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? [],
            all: allContexts, matching: contextsMatching)
    }

    /// Usage errors: a bad pattern, or several clusters with a flag that works on one.
    func check(context: String?, singleClusterFlags: [(String, Bool)]) throws {
        if let contextsMatching {
            do { _ = try Regex(contextsMatching) } catch {
                throw ValidationError("--contexts-matching \(contextsMatching) is not a regular expression: \(error)")
            }
        }
        guard selection(context: context).isFleet, let flag = singleClusterFlags.first(where: \.1) else { return }
        throw ValidationError("\(flag.0) works on one cluster; several were asked for (--context with commas, --all-contexts or --contexts-matching)")
    }
}
