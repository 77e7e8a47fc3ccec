import Foundation

extension [URLQueryItem] {
    /// `name=value&…` with everything but RFC 3986's unreserved characters percent-encoded.
    /// Foundation leaves `+` alone in queries, but Go servers (Prometheus) read it as a space,
    /// which would turn `a + b` into `a   b` and `+Inf` into ` Inf`.
    var formEncoded: String {
        map { "\(Self.encode($0.name))=\(Self.encode($0.value ?? ""))" }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encode(_ text: String) -> String {
        // Every String is valid Unicode, so percent-encoding it always succeeds.
        text.addingPercentEncoding(withAllowedCharacters: unreserved)!
    }
}
