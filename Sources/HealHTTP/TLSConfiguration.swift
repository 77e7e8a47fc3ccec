import Foundation

/// PEM material given either inline or as a file path (as kubeconfigs allow both).
package enum PEMSource: Sendable, Equatable {
    case file(String)
    case data(Data)
}

/// How to verify the server and identify the client. Verification is on unless a caller turns it
/// off explicitly (`--insecure-skip-tls-verify` or the kubeconfig's `insecure-skip-tls-verify`).
package struct TLSConfiguration: Sendable, Equatable {
    /// Certificate authorities to trust instead of the system store.
    package var certificateAuthority: PEMSource?
    package var clientCertificate: PEMSource?
    package var clientKey: Redacted<PEMSource>?
    package var verifyPeer: Bool
    /// The name to verify the server certificate against when it differs from the URL's host
    /// (kubeconfig `tls-server-name`).
    package var serverName: String?

    package init(
        certificateAuthority: PEMSource? = nil,
        clientCertificate: PEMSource? = nil,
        clientKey: Redacted<PEMSource>? = nil,
        verifyPeer: Bool = true,
        serverName: String? = nil
    ) {
        self.certificateAuthority = certificateAuthority
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.verifyPeer = verifyPeer
        self.serverName = serverName
    }
}
