import Foundation
import HealHTTP

/// Supplies each request's credentials. Exec-plugin results are cached until they expire (a
/// request that races the expiry gets a 401 and the one refresh) and shared by concurrent requests (one plugin run, not one per request); token
/// files are re-read every minute because projected tokens rotate. After a 401 the client asks
/// for a refresh once: the plugin runs again (or the file is re-read) unless another request
/// already refreshed it.
package actor CredentialProvider {
    package struct Material: Sendable {
        package var authorization: Redacted<String>?
        package var clientCertificate: PEMSource?
        package var clientKey: Redacted<PEMSource>?
        /// Increases with each fetch, so a stale 401 does not trigger a second refresh.
        package var generation: Int
    }

    private let credential: Credential
    private let runner: ExecCredentialRunner
    private var cached: (material: Material, expiry: Date?)?
    private var inFlight: Task<(Material, Date?), any Error>?
    private var generation = 0
    private static let tokenFileRereadInterval: TimeInterval = 60

    package init(credential: Credential, pluginTimeout: Duration = .seconds(60)) {
        self.credential = credential
        self.runner = ExecCredentialRunner(timeout: pluginTimeout)
    }

    /// Whether a 401 may be cured by fetching the credential again.
    package nonisolated var isRefreshable: Bool {
        switch credential {
        case .exec, .tokenFile: true
        case .none, .token, .basic: false
        }
    }

    package func current() async throws -> Material {
        if let cached, cached.expiry.map({ $0 > Date() }) ?? true {
            return cached.material
        }
        return try await fetch()
    }

    /// Fetches anew unless someone already did since `stale` was handed out.
    package func refresh(after stale: Material) async throws -> Material {
        if let cached, cached.material.generation > stale.generation {
            return cached.material
        }
        cached = nil
        return try await fetch()
    }

    private func fetch() async throws -> Material {
        if let inFlight {
            return try await inFlight.value.0
        }
        let credential = self.credential
        let runner = self.runner
        let nextGeneration = generation + 1
        let task = Task { try await Self.obtain(credential, runner: runner, generation: nextGeneration) }
        inFlight = task
        defer { inFlight = nil }
        let (material, expiry) = try await task.value
        generation = nextGeneration
        cached = (material, expiry)
        return material
    }

    private static func obtain(_ credential: Credential, runner: ExecCredentialRunner, generation: Int) async throws -> (Material, Date?) {
        switch credential {
        case .none:
            return (Material(generation: generation), nil)
        case .token(let token):
            return (Material(authorization: Redacted("Bearer \(token.value)"), generation: generation), nil)
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password.value)".utf8).base64EncodedString()
            return (Material(authorization: Redacted("Basic \(encoded)"), generation: generation), nil)
        case .tokenFile(let path):
            let token: String
            do {
                token = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw KubeAuthError.tokenFileUnreadable(path: path, reason: FileErrorReason.describe(error))
            }
            let material = Material(authorization: Redacted("Bearer \(token)"), generation: generation)
            return (material, Date().addingTimeInterval(tokenFileRereadInterval))
        case .exec(let config, let cluster):
            let issued = try await runner.run(config, cluster: cluster)
            let material = Material(
                authorization: issued.token.map { Redacted("Bearer \($0.value)") },
                clientCertificate: issued.clientCertificate.map(PEMSource.data),
                clientKey: issued.clientKey.map { Redacted(PEMSource.data($0.value)) },
                generation: generation)
            return (material, issued.expiry)
        }
    }
}
