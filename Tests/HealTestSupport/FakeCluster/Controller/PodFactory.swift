/// A ReplicaSet's new pod as kube-apiserver stores it after the controller's create and the
/// scheduler's binding: the template plus the defaults admission adds (service account token
/// volume, tolerations, priority) and `nodeName`, in Go's field order.
enum PodFactory {
    private static let specOrder = [
        "volumes", "initContainers", "containers", "ephemeralContainers", "restartPolicy",
        "terminationGracePeriodSeconds", "activeDeadlineSeconds", "dnsPolicy", "nodeSelector", "serviceAccountName",
        "serviceAccount", "automountServiceAccountToken", "nodeName", "hostNetwork", "hostPID", "hostIPC",
        "shareProcessNamespace", "securityContext", "imagePullSecrets", "hostname", "subdomain", "affinity",
        "schedulerName", "tolerations", "hostAliases", "priorityClassName", "priority", "dnsConfig", "readinessGates",
        "runtimeClassName", "enableServiceLinks", "preemptionPolicy",
    ]

    private static let containerOrder = [
        "name", "image", "command", "args", "workingDir", "ports", "envFrom", "env", "resources", "resizePolicy",
        "restartPolicy", "volumeMounts", "volumeDevices", "livenessProbe", "readinessProbe", "startupProbe",
        "lifecycle", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy", "securityContext",
        "stdin", "stdinOnce", "tty",
    ]

    static func pod(named name: String, of replicaSet: JSONValue) -> JSONValue {
        let template = replicaSet.value(at: ["spec", "template"]) ?? .object([])
        let tokenVolume = "kube-api-access-" + StableHash.suffix("\(replicaSet.uid)/\(name)")
        var metadata: JSONValue = [
            "name": .string(name),
            "generateName": .string(replicaSet.name + "-"),
            "namespace": .string(replicaSet.namespace ?? "default"),
            "labels": .stringMap(template.labels(at: ["metadata", "labels"])),
        ]
        if let annotations = template.value(at: ["metadata", "annotations"]) {
            metadata = metadata.setting("annotations", to: annotations)
        }
        metadata = metadata.setting("ownerReferences", to: [[
            "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": .string(replicaSet.name),
            "uid": .string(replicaSet.uid), "controller": true, "blockOwnerDeletion": true,
        ]])
        var spec = template["spec"] ?? .object([])
        let mount: JSONValue = [
            "name": .string(tokenVolume), "readOnly": true,
            "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
        ]
        let containers = (spec["containers"]?.arrayValue ?? []).map { container in
            container.setting("volumeMounts", to: .array((container["volumeMounts"]?.arrayValue ?? []) + [mount]))
                .ordered(by: containerOrder)
        }
        spec = spec.setting("containers", to: .array(containers))
            .setting("volumes", to: .array((spec["volumes"]?.arrayValue ?? []) + [tokenVolumeSource(tokenVolume)]))
            .setting("serviceAccountName", to: spec["serviceAccountName"] ?? "default")
            .setting("serviceAccount", to: spec["serviceAccountName"] ?? "default")
            .setting("nodeName", to: .string(PodStatusFactory.nodeName))
            .setting("tolerations", to: spec["tolerations"] ?? [
                toleration("node.kubernetes.io/not-ready"), toleration("node.kubernetes.io/unreachable"),
            ])
            .setting("priority", to: spec["priority"] ?? 0)
            .setting("enableServiceLinks", to: spec["enableServiceLinks"] ?? true)
            .setting("preemptionPolicy", to: spec["preemptionPolicy"] ?? "PreemptLowerPriority")
        return [
            "kind": "Pod", "apiVersion": "v1", "metadata": metadata, "spec": spec.ordered(by: specOrder),
            "status": ["phase": "Pending", "qosClass": .string(PodStatusFactory.qosClass(containers))],
        ]
    }

    private static func toleration(_ key: String) -> JSONValue {
        ["key": .string(key), "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300]
    }

    private static func tokenVolumeSource(_ name: String) -> JSONValue {
        [
            "name": .string(name),
            "projected": [
                "sources": [
                    ["serviceAccountToken": ["expirationSeconds": 3607, "path": "token"]],
                    ["configMap": ["name": "kube-root-ca.crt", "items": [["key": "ca.crt", "path": "ca.crt"]]]],
                    ["downwardAPI": ["items": [[
                        "path": "namespace",
                        "fieldRef": ["apiVersion": "v1", "fieldPath": "metadata.namespace"],
                    ]]]],
                ],
                "defaultMode": 420,
            ],
        ]
    }
}
