import Foundation

/// The environment the kubelet builds for a container from `envFrom` and `env`, resolving
/// Secret and ConfigMap references against the store. A reference to something missing stops
/// the container from being created, with the kubelet's message (compare the
/// `config-missing-secret-key` and `config-missing-configmap` scenarios); `optional: true`
/// references that miss are just left out.
enum ContainerEnvironment {
    enum Resolution: Equatable {
        case values([String: String])
        /// The container is `CreateContainerConfigError` with this message.
        case configError(String)
    }

    static func resolve(_ container: JSONValue, namespace: String, store: ObjectStore) -> Resolution {
        var values: [String: String] = [:]
        for source in container["envFrom"]?.arrayValue ?? [] {
            let prefix = source["prefix"]?.stringValue ?? ""
            for kind in SourceKind.allCases {
                guard let reference = source[kind.envFromField] else { continue }
                let name = reference["name"]?.stringValue ?? ""
                guard let object = store[kind.key(namespace, name)] else {
                    if reference["optional"]?.boolValue == true { continue }
                    return .configError("\(kind.singular) \"\(name)\" not found")
                }
                for (key, value) in kind.data(of: object) { values[prefix + key] = value }
            }
        }
        for variable in container["env"]?.arrayValue ?? [] {
            let name = variable["name"]?.stringValue ?? ""
            if let value = variable["value"]?.stringValue {
                values[name] = value
                continue
            }
            guard let from = variable["valueFrom"] else {
                values[name] = ""
                continue
            }
            guard let kind = SourceKind.allCases.first(where: { from[$0.keyRefField] != nil }),
                let reference = from[kind.keyRefField]
            else {
                // fieldRef and resourceFieldRef always resolve to something on a running pod.
                values[name] = "<\(name)>"
                continue
            }
            let object = reference["name"]?.stringValue ?? ""
            let key = reference["key"]?.stringValue ?? ""
            let optional = reference["optional"]?.boolValue == true
            guard let stored = store[kind.key(namespace, object)] else {
                if optional { continue }
                return .configError("\(kind.singular) \"\(object)\" not found")
            }
            guard let value = kind.data(of: stored)[key] else {
                if optional { continue }
                return .configError("couldn't find key \(key) in \(kind.kind) \(namespace)/\(object)")
            }
            values[name] = value
        }
        return .values(values)
    }

    private enum SourceKind: CaseIterable {
        case configMap
        case secret

        var kind: String { self == .secret ? "Secret" : "ConfigMap" }
        var singular: String { self == .secret ? "secret" : "configmap" }
        var envFromField: String { self == .secret ? "secretRef" : "configMapRef" }
        var keyRefField: String { self == .secret ? "secretKeyRef" : "configMapKeyRef" }

        func key(_ namespace: String, _ name: String) -> ObjectKey {
            ObjectKey(type: ResourceType(group: "", resource: self == .secret ? "secrets" : "configmaps"),
                      namespace: namespace, name: name)
        }

        /// A Secret's `data` is base64 (the fake keeps a posted `stringData` as it came);
        /// a ConfigMap's is plain text.
        func data(of object: JSONValue) -> [String: String] {
            guard self == .secret else { return object["data"]?.stringMap ?? [:] }
            var values = object["stringData"]?.stringMap ?? [:]
            for (key, encoded) in object["data"]?.stringMap ?? [:] {
                values[key] = Data(base64Encoded: encoded).flatMap { String(data: $0, encoding: .utf8) } ?? encoded
            }
            return values
        }
    }
}
