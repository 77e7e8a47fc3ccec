import Foundation
import HealModel
import HealHTTP
import Subprocess
import SystemPackage

/// Runs a client-go credential plugin: the command with its args, the parent environment plus
/// `exec.env` plus `KUBERNETES_EXEC_INFO`, no stdin (never interactive), bounded output and a
/// time limit, then validates the ExecCredential it prints.
struct ExecCredentialRunner: Sendable {
    struct Issued: Sendable {
        var token: Redacted<String>?
        var clientCertificate: Data?
        var clientKey: Redacted<Data>?
        var expiry: Date?
    }

    var timeout: Duration = .seconds(60)

    func run(_ config: ExecConfig, cluster: ExecClusterInfo) async throws(KubeAuthError) -> Issued {
        if config.interactiveMode == "Always" {
            throw .pluginNeedsTerminal(command: config.command)
        }
        let request = ExecCredentialRequest(
            apiVersion: config.apiVersion,
            spec: .init(interactive: false, cluster: config.provideClusterInfo == true ? cluster : nil))
        let info = (try? JSONEncoder().encode(request)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var variables: [Environment.Key: String?] = ["KUBERNETES_EXEC_INFO": info]
        for entry in config.env ?? [] {
            variables[Environment.Key(stringLiteral: entry.name)] = entry.value
        }
        let executable: Executable = config.command.contains("/") ? .path(FilePath(config.command)) : .name(config.command)
        let outcome = try await runBounded(config, executable: executable, environment: .inherit.updating(variables))
        return try parse(outcome.stdout, config: config)
    }

    private struct Outcome: Sendable {
        var stdout: Data
    }

    private func runBounded(_ config: ExecConfig, executable: Executable, environment: Environment) async throws(KubeAuthError) -> Outcome {
        let command = config.command
        let arguments = Arguments(config.args ?? [])
        let limit = timeout
        do {
            return try await withThrowingTaskGroup(of: Outcome?.self) { group in
                group.addTask {
                    let result = try await Subprocess.run(
                        executable, arguments: arguments, environment: environment,
                        output: .data(limit: 1 << 20), error: .data(limit: 1 << 16))
                    guard result.terminationStatus.isSuccess else {
                        let stderr = String(decoding: result.standardError, as: UTF8.self)
                        throw KubeAuthError.pluginFailed(
                            command: command, status: "\(result.terminationStatus)",
                            stderr: Self.lastLines(stderr), installHint: config.installHint)
                    }
                    return Outcome(stdout: result.standardOutput)
                }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let outcome = first else {
                    throw KubeAuthError.pluginTimedOut(command: command, after: limit)
                }
                return outcome
            }
        } catch let error as KubeAuthError {
            throw error
        } catch let error as SubprocessError where error.code == .executableNotFound || error.code == .spawnFailed {
            throw .pluginNotFound(command: command, installHint: config.installHint)
        } catch let error as SubprocessError where error.code == .outputLimitExceeded {
            throw .pluginOutputInvalid(command: command, detail: "it printed more than 1 MiB")
        } catch {
            throw .pluginFailed(command: command, status: "could not run", stderr: "\(error)", installHint: config.installHint)
        }
    }

    private func parse(_ stdout: Data, config: ExecConfig) throws(KubeAuthError) -> Issued {
        let response: ExecCredentialResponse
        do {
            response = try JSONDecoder().decode(ExecCredentialResponse.self, from: stdout)
        } catch {
            throw .pluginOutputInvalid(command: config.command, detail: "stdout is not an ExecCredential: \(DecodingErrorDescription.describe(error))")
        }
        guard response.kind == "ExecCredential" else {
            throw .pluginOutputInvalid(command: config.command, detail: "kind is \(response.kind.map { "\"\($0)\"" } ?? "missing"), expected \"ExecCredential\"")
        }
        guard response.apiVersion == config.apiVersion else {
            throw .pluginOutputInvalid(
                command: config.command,
                detail: "apiVersion is \(response.apiVersion.map { "\"\($0)\"" } ?? "missing"), the kubeconfig asked for \"\(config.apiVersion)\"")
        }
        guard let status = response.status else {
            throw .pluginOutputInvalid(command: config.command, detail: "it has no status")
        }
        let token = status.token.nonEmpty
        let certificate = status.clientCertificateData.nonEmpty
        let key = status.clientKeyData.nonEmpty
        guard token != nil || (certificate != nil && key != nil) else {
            throw .pluginOutputInvalid(command: config.command, detail: "status has neither a token nor clientCertificateData and clientKeyData")
        }
        if (certificate == nil) != (key == nil) {
            throw .pluginOutputInvalid(command: config.command, detail: "status has only one of clientCertificateData and clientKeyData")
        }
        return Issued(
            token: token.map(Redacted.init),
            clientCertificate: certificate.map { Data($0.utf8) },
            clientKey: key.map { Redacted(Data($0.utf8)) },
            expiry: status.expirationTimestamp.map { Date(timeIntervalSince1970: $0.secondsSince1970) })
    }

    private static func lastLines(_ text: String) -> String {
        text.split(separator: "\n").suffix(5).joined(separator: "\n")
    }
}
