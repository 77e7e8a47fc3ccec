import Foundation

/// Where the memory lives: a local SQLite file, or a ConfigMap shared through the cluster.
/// Chosen by `--store`, else `$KUBECTL_HEAL_STORE`, else
/// `$XDG_STATE_HOME/kubectl-heal/memory.sqlite` (`~/.local/state/…` without XDG_STATE_HOME).
package enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case file(path: String)
    case configMap(namespace: String, name: String)

    package static let environmentVariable = "KUBECTL_HEAL_STORE"
    package static let configMapScheme = "configmap://"

    /// The location named by the flag, else the environment, else the default file.
    package static func resolve(flag: String?, variables: [String: String], homeDirectory: String) throws(StoreError) -> StoreLocation {
        if let flag { return try StoreLocation(parsing: flag, homeDirectory: homeDirectory, origin: "--store") }
        if let value = variables[environmentVariable], !value.isEmpty {
            return try StoreLocation(parsing: value, homeDirectory: homeDirectory, origin: environmentVariable)
        }
        return .file(path: defaultPath(variables: variables, homeDirectory: homeDirectory))
    }

    /// `$XDG_STATE_HOME/kubectl-heal/memory.sqlite`; the XDG spec says a relative
    /// XDG_STATE_HOME is invalid and must be ignored.
    package static func defaultPath(variables: [String: String], homeDirectory: String) -> String {
        let state = variables["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "\(homeDirectory)/.local/state"
        return "\(state)/kubectl-heal/memory.sqlite"
    }

    /// `configmap://NAMESPACE/NAME`, or a file path (`~/` is the home directory).
    package init(parsing text: String, homeDirectory: String, origin: String = "--store") throws(StoreError) {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw StoreError.badLocation(text, reason: "\(origin) is empty") }
        if value.lowercased().hasPrefix(Self.configMapScheme) {
            let parts = value.dropFirst(Self.configMapScheme.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, Self.isDNSLabel(parts[0]), Self.isDNSSubdomain(parts[1]) else {
                throw StoreError.badLocation(
                    text, reason: "\(origin) must be configmap://NAMESPACE/NAME with a valid namespace and ConfigMap name (lower-case letters, digits, '-' and, in the name, '.')")
            }
            self = .configMap(namespace: parts[0], name: parts[1])
        } else if let scheme = value.range(of: "://") {
            throw StoreError.badLocation(text, reason: "\(origin) uses the unknown scheme \(value[..<scheme.lowerBound])://; only configmap:// and file paths are stores")
        } else if value.hasSuffix("/") {
            throw StoreError.badLocation(text, reason: "\(origin) names a folder; give the store file's path, e.g. \(value)memory.sqlite")
        } else {
            self = .file(path: value == "~" || value.hasPrefix("~/") ? homeDirectory + value.dropFirst() : value)
        }
    }

    package var description: String {
        switch self {
        case .file(let path): path
        case .configMap(let namespace, let name): "\(Self.configMapScheme)\(namespace)/\(name)"
        }
    }

    /// RFC 1123 label: what a namespace name must be.
    private static func isDNSLabel(_ text: String) -> Bool {
        (1...63).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && text.first != "-" && text.last != "-"
    }

    /// RFC 1123 subdomain: what a ConfigMap name must be.
    private static func isDNSSubdomain(_ text: String) -> Bool {
        (1...253).contains(text.count) && text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNSLabel(String($0)) }
    }
}
