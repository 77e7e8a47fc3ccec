/// A pod, trimmed while decoding to what diagnosis reads: pods are most of a cluster's objects,
/// so their annotations (sidecar status, checksums) other than the ignore annotation, the
/// conditions nobody reads and volumes other than claims are dropped as each page is decoded.
package struct Pod: Decodable, Sendable {
    package var metadata: ObjectMeta
    package var spec: PodSpec
    package var status: PodStatus

    /// The pod conditions analyzers read.
    package static let keptConditions: Set<String> = ["Ready", "PodScheduled"]

    private enum CodingKeys: String, CodingKey { case metadata, spec, status }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
        metadata.annotations = metadata.annotations.filter { $0.key == ObjectMeta.ignoreAnnotation }
        spec = try container.decode(PodSpec.self, forKey: .spec)
        spec.volumes.removeAll { $0.persistentVolumeClaim == nil }
        status = try container.decodeIfPresent(PodStatus.self, forKey: .status) ?? PodStatus()
        status.conditions.removeAll { !Self.keptConditions.contains($0.type) }
    }
}

package struct PodTemplate: Decodable, Sendable {
    package struct TemplateMeta: Decodable, Sendable {
        @DefaultEmpty package var labels: [String: String]
    }

    package var metadata: TemplateMeta?
    package var spec: PodSpec
}

package struct PodSpec: Decodable, Sendable {
    package var nodeName: String?
    @DefaultEmpty package var containers: [Container]
    @DefaultEmpty package var initContainers: [Container]
    package var restartPolicy: String?
    @DefaultEmpty package var nodeSelector: [String: String]
    @DefaultEmpty package var volumes: [Volume]
    @DefaultEmpty package var imagePullSecrets: [NamedReference]
    package var serviceAccountName: String?
    /// Gates that keep the scheduler away until whoever set them removes them.
    @DefaultEmpty package var schedulingGates: [NamedReference]
}

package struct NamedReference: Decodable, Sendable, Hashable {
    package var name: String?

    package init(name: String?) {
        self.name = name
    }
}

/// A pod volume: claims (a pod waits for its claims to bind), and the ConfigMaps and Secrets it
/// mounts (a timeline dates their changes).
package struct Volume: Decodable, Sendable {
    package struct ClaimSource: Decodable, Sendable {
        package var claimName: String
    }

    package struct SecretSource: Decodable, Sendable {
        package var secretName: String?
    }

    package struct Projected: Decodable, Sendable {
        package struct Source: Decodable, Sendable {
            package var secret: NamedReference?
            package var configMap: NamedReference?
        }

        @DefaultEmpty package var sources: [Source]
    }

    package var name: String
    package var persistentVolumeClaim: ClaimSource?
    package var configMap: NamedReference?
    package var secret: SecretSource?
    package var projected: Projected?
}

package struct Container: Decodable, Sendable, Equatable {
    package var name: String
    package var image: String?
    @DefaultEmpty package var command: [String]
    @DefaultEmpty package var args: [String]
    @DefaultEmpty package var ports: [ContainerPort]
    @DefaultEmpty package var env: [EnvVar]
    @DefaultEmpty package var envFrom: [EnvFromSource]
    package var resources: ResourceRequirements?
    package var readinessProbe: Probe?
    package var livenessProbe: Probe?
    package var startupProbe: Probe?
}

package struct ContainerPort: Decodable, Sendable, Hashable {
    package var name: String?
    package var containerPort: Int
    package var `protocol`: String?
}

package struct ResourceRequirements: Decodable, Sendable, Equatable {
    @DefaultEmpty package var requests: [String: Quantity]
    @DefaultEmpty package var limits: [String: Quantity]
}

package struct Probe: Decodable, Sendable, Equatable {
    package struct HTTPGet: Decodable, Sendable, Equatable {
        package var path: String?
        package var port: IntOrString
        package var scheme: String?
    }

    package struct PortAction: Decodable, Sendable, Equatable {
        package var port: IntOrString
    }

    package struct ExecAction: Decodable, Sendable, Equatable {
        @DefaultEmpty package var command: [String]
    }

    package var httpGet: HTTPGet?
    package var tcpSocket: PortAction?
    package var grpc: PortAction?
    package var exec: ExecAction?
    package var initialDelaySeconds: Int?
    package var periodSeconds: Int?
    package var timeoutSeconds: Int?
    package var failureThreshold: Int?

    /// "HTTP GET :80/healthz", "TCP :5432", "exec [cat /tmp/ready]" — for messages.
    package var summary: String {
        if let httpGet {
            return "\(httpGet.scheme ?? "HTTP") GET :\(httpGet.port)\(httpGet.path ?? "/")"
        }
        if let tcpSocket { return "TCP :\(tcpSocket.port)" }
        if let grpc { return "gRPC :\(grpc.port)" }
        if let exec { return "exec [\(exec.command.joined(separator: " "))]" }
        return "probe"
    }
}

/// An environment variable. The literal value is kept private: it may be a password, and
/// nothing in a report may show it. Analyzers only ask whether it is empty or changed.
package struct EnvVar: Decodable, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package struct Source: Decodable, Sendable, Hashable {
        package struct KeyReference: Decodable, Sendable, Hashable {
            package var name: String?
            package var key: String
            package var optional: Bool?
        }

        package var secretKeyRef: KeyReference?
        package var configMapKeyRef: KeyReference?
        package var fieldRef: FieldReference?
        package var resourceFieldRef: ResourceFieldReference?
    }

    package struct FieldReference: Decodable, Sendable, Hashable {
        package var fieldPath: String
    }

    package struct ResourceFieldReference: Decodable, Sendable, Hashable {
        package var resource: String
    }

    package var name: String
    private var value: String?
    package var valueFrom: Source?

    package init(name: String, value: String?, valueFrom: Source? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }

    /// Set in the spec but to "" (or not at all, with no `valueFrom`).
    package var isEmpty: Bool {
        valueFrom == nil && (value ?? "").isEmpty
    }

    package func hasSameValue(as other: EnvVar) -> Bool {
        value == other.value && valueFrom == other.valueFrom
    }

    // print, dump and debuggers must not reveal the value either.
    package var description: String { "EnvVar(\(name))" }
    package var debugDescription: String { description }
    package var customMirror: Mirror {
        Mirror(self, children: ["name": name, "valueFrom": valueFrom as Any], displayStyle: .struct)
    }
}

package struct EnvFromSource: Decodable, Sendable, Equatable {
    package struct Reference: Decodable, Sendable, Equatable {
        package var name: String?
        package var optional: Bool?
    }

    package var configMapRef: Reference?
    package var secretRef: Reference?
    package var prefix: String?
}

package struct PodStatus: Decodable, Sendable {
    package init() {}

    package var phase: String?
    package var reason: String?
    package var message: String?
    @DefaultEmpty package var conditions: [Condition]
    @DefaultEmpty package var containerStatuses: [ContainerStatus]
    @DefaultEmpty package var initContainerStatuses: [ContainerStatus]
    package var startTime: Timestamp?
    package var qosClass: String?
}

package struct ContainerStatus: Decodable, Sendable {
    package var name: String
    package var state: ContainerState?
    package var lastState: ContainerState?
    package var ready: Bool?
    package var restartCount: Int?
    package var image: String?
    package var started: Bool?
}

package struct ContainerState: Decodable, Sendable {
    package struct Waiting: Decodable, Sendable {
        package var reason: String?
        package var message: String?
    }

    package struct Running: Decodable, Sendable {
        package var startedAt: Timestamp?
    }

    package struct Terminated: Decodable, Sendable {
        package var exitCode: Int
        package var signal: Int?
        package var reason: String?
        package var message: String?
        package var startedAt: Timestamp?
        package var finishedAt: Timestamp?
    }

    package var waiting: Waiting?
    package var running: Running?
    package var terminated: Terminated?
}

extension ResourceKind {
    package static let pods = ResourceKind(group: "", version: "v1", plural: "pods", kind: "Pod", shortNames: ["po"])
}

extension Pod: KubeResource {
    package static var resource: ResourceKind { .pods }
    package mutating func intern(in interner: inout ContainerSpecInterner) { interner.intern(&self) }
}

extension ClusterSnapshot {
    package var pods: [Pod] {
        get { self[Pod.self] }
        _modify { yield &self[Pod.self] }
    }
}
