import Foundation
import HealModel

/// What `KUBERNETES_EXEC_INFO` tells the plugin (client.authentication.k8s.io v1 / v1beta1).
struct ExecCredentialRequest: Encodable {
    struct Spec: Encodable {
        var interactive: Bool
        var cluster: ExecClusterInfo?
    }

    var apiVersion: String
    var kind = "ExecCredential"
    var spec: Spec
}

/// What the plugin prints on stdout.
struct ExecCredentialResponse: Decodable {
    struct Status: Decodable {
        var token: String?
        var clientCertificateData: String?
        var clientKeyData: String?
        var expirationTimestamp: Timestamp?
    }

    var apiVersion: String?
    var kind: String?
    var status: Status?
}
