import Foundation
import HealKube
import HealTestSupport

/// A client-go credential plugin written as a small shell script. Every run appends to a counter
/// file and saves what it was given (`KUBERNETES_EXEC_INFO`, its arguments, one `exec.env`
/// variable), then runs `body` — by default printing an ExecCredential whose token is
/// `plugin-token-<run number>`.
struct FakeCredentialPlugin {
    static let v1 = "client.authentication.k8s.io/v1"
    static let v1beta1 = "client.authentication.k8s.io/v1beta1"

    let workspace: KubeconfigWorkspace
    /// The command as the kubeconfig names it: relative to the kubeconfig's folder.
    let command = "./plugin/get-token.sh"
    let apiVersion: String

    /// `expiry`: the `expirationTimestamp` to print (RFC 3339), or nil for none.
    init(in workspace: KubeconfigWorkspace, apiVersion: String = Self.v1, expiry: String? = nil) throws {
        let expiryMember = expiry.map { #","expirationTimestamp":"\#($0)""# } ?? ""
        try self.init(in: workspace, apiVersion: apiVersion, body: """
            cat <<EOF
            {"apiVersion":"\(apiVersion)","kind":"ExecCredential","status":{"token":"plugin-token-$n"\(expiryMember)}}
            EOF
            """)
    }

    /// A plugin that runs `body` (shell) after the bookkeeping; `$n` is the run number and
    /// `$dir` the plugin's folder.
    init(in workspace: KubeconfigWorkspace, apiVersion: String = Self.v1, body: String) throws {
        self.workspace = workspace
        self.apiVersion = apiVersion
        let directory = workspace.path("plugin")
        try workspace.directory.writeExecutable("plugin/get-token.sh", """
            #!/bin/sh
            dir='\(directory)'
            echo run >> "$dir/runs"
            n=$(wc -l < "$dir/runs" | tr -d ' ')
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/exec-info-$n.json"
            printf '%s\\n' "$@" > "$dir/args"
            printf '%s' "${HEAL_TEST_GREETING-unset}" > "$dir/greeting"
            \(body)

            """)
    }

    /// Whether `command` (as an error reports it) is this plugin's script.
    func isCommand(_ command: String) -> Bool {
        (command as NSString).standardizingPath == workspace.path("plugin/get-token.sh")
    }

    /// How many times the plugin has run.
    var runs: Int {
        guard let text = try? String(contentsOfFile: workspace.path("plugin/runs"), encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").count
    }

    /// `KUBERNETES_EXEC_INFO` as the given run saw it.
    func execInfo(run: Int = 1) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(filePath: workspace.path("plugin/exec-info-\(run).json")))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The arguments of the last run, one per element.
    func arguments() throws -> [String] {
        try String(contentsOfFile: workspace.path("plugin/args"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// `$HEAL_TEST_GREETING` as the last run saw it ("unset" when absent).
    func greeting() throws -> String {
        try String(contentsOfFile: workspace.path("plugin/greeting"), encoding: .utf8)
    }

    /// The `user:` lines of a kubeconfig that runs this plugin.
    func userYAML(
        provideClusterInfo: Bool = false, interactiveMode: String = "IfAvailable", args: [String] = [],
        greeting: String? = nil, installHint: String? = nil
    ) -> String {
        var lines = [
            "exec:",
            "  apiVersion: \(apiVersion)",
            "  command: \(command)",
            "  interactiveMode: \(interactiveMode)",
            "  provideClusterInfo: \(provideClusterInfo)",
        ]
        if !args.isEmpty { lines.append("  args: [\(args.map { "\"\($0)\"" }.joined(separator: ", "))]") }
        if let greeting { lines += ["  env:", "  - name: HEAL_TEST_GREETING", "    value: \"\(greeting)\""] }
        if let installHint { lines.append("  installHint: \"\(installHint)\"") }
        return lines.joined(separator: "\n")
    }

    /// A client for `server` authenticating with this plugin (plus extra cluster lines).
    func client(
        server: String, cluster: String = "", user: String? = nil, pluginTimeout: Duration = .seconds(20)
    ) throws -> KubeClient {
        let connection = try workspace.load(kubeconfig: KubeconfigText.single(
            server: server, cluster: cluster, user: user ?? userYAML()))
        return TestClients.client(connection, pluginTimeout: pluginTimeout)
    }
}
