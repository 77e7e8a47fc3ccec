import Foundation
import HealModel

/// A small cluster written as the API returns it: one of each kind the snapshot holds, with the
/// references between them (owners, node, claims, Secrets and ConfigMaps a pod reads, the
/// Services behind an Ingress and a slice).
enum ShopCluster {
    static func snapshot() throws -> ClusterSnapshot {
        var snapshot = ClusterSnapshot()
        snapshot.insert(try decode(deployment, as: Deployment.self))
        snapshot.insert(try decode(replicaSet, as: ReplicaSet.self))
        snapshot.insert(try decode(pod, as: Pod.self))
        snapshot.insert(try decode(statefulSet, as: StatefulSet.self))
        snapshot.insert(try decode(daemonSet, as: DaemonSet.self))
        snapshot.insert(try decode(job, as: Job.self))
        snapshot.insert(try decode(service, as: Service.self))
        snapshot.insert(try decode(externalService, as: Service.self))
        snapshot.insert(try decode(apiServerService, as: Service.self))
        snapshot.insert(try decode(endpointSlice, as: EndpointSlice.self))
        snapshot.insert(try decode(node, as: Node.self))
        snapshot.insert(try decode(claim, as: PersistentVolumeClaim.self))
        snapshot.insert(try decode(autoscaler, as: HorizontalPodAutoscaler.self))
        snapshot.insert(try decode(ingress, as: Ingress.self))
        snapshot.insert(try decode(budget, as: PodDisruptionBudget.self))
        snapshot.insert(try decode(gateway, as: Gateway.self))
        snapshot.insert(try decode(route, as: HTTPRoute.self))
        snapshot.insert(try decode(rolloutEvent, as: Event.self))
        snapshot.logs[ContainerLogKey(namespace: "batch", pod: "nightly-export-x8p2q", container: "exporter")] =
            ContainerLogs(current: ["export finished"])
        return snapshot
    }

    private static func decode<T: Decodable>(_ json: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    private static let podSpec = #"""
        {
          "serviceAccountName": "storefront-runner",
          "imagePullSecrets": [{"name": "acme-pull"}],
          "volumes": [{"name": "data", "persistentVolumeClaim": {"claimName": "storefront-data"}}],
          "initContainers": [{"name": "migrate", "image": "ghcr.io/acme/migrate:1.4"}],
          "containers": [{
            "name": "storefront",
            "image": "registry.acme.io:5000/team/storefront:v2",
            "envFrom": [{"secretRef": {"name": "storefront-secrets"}}, {"configMapRef": {"name": "storefront-config"}}],
            "env": [
              {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "orders-db-credentials", "key": "password"}}},
              {"name": "FEATURES", "valueFrom": {"configMapKeyRef": {"name": "feature-flags", "key": "flags"}}},
              {"name": "API_TOKEN", "value": "tok-value-never-collected"}
            ]
          }, {
            "name": "cache-sidecar",
            "image": "10.20.30.40:5000/cache:1"
          }]
        }
        """#

    /// The template's spec as a pod has it: bound to a node.
    private static var scheduledPodSpec: String {
        podSpec.replacingOccurrences(of: #""serviceAccountName""#, with: #""nodeName": "ip-10-0-1-5.ec2.internal", "serviceAccountName""#)
    }

    private static let deployment = #"""
        {"metadata": {"name": "storefront", "namespace": "shop"},
         "spec": {"replicas": 2, "template": {"metadata": {"labels": {"app": "storefront"}}, "spec": \#(podSpec)}}}
        """#

    private static let replicaSet = #"""
        {"metadata": {"name": "storefront-7d4b9c8f5", "namespace": "shop",
                      "ownerReferences": [{"kind": "Deployment", "name": "storefront", "controller": true}]},
         "spec": {"replicas": 2}}
        """#

    private static let pod = #"""
        {"metadata": {"name": "storefront-7d4b9c8f5-kq2xz", "namespace": "shop",
                      "ownerReferences": [{"kind": "ReplicaSet", "name": "storefront-7d4b9c8f5", "controller": true}]},
         "spec": \#(scheduledPodSpec),
         "status": {"phase": "Running", "containerStatuses": [
           {"name": "storefront", "image": "registry.acme.io:5000/team/storefront:v2", "ready": true, "restartCount": 0}
         ]}}
        """#

    private static let statefulSet = #"""
        {"metadata": {"name": "orders-db", "namespace": "shop"},
         "spec": {"serviceName": "orders-db-headless",
                  "volumeClaimTemplates": [{"metadata": {"name": "pgdata"}}],
                  "template": {"spec": {"containers": [{"name": "postgres", "image": "postgres:16.2"}]}}}}
        """#

    private static let daemonSet = #"""
        {"metadata": {"name": "log-shipper", "namespace": "observability"},
         "spec": {"template": {"spec": {"containers": [{"name": "fluent-bit", "image": "docker.io/fluent/fluent-bit:3.1.9"}]}}}}
        """#

    private static let job = #"""
        {"metadata": {"name": "nightly-export-28391234", "namespace": "batch",
                      "ownerReferences": [{"kind": "CronJob", "name": "nightly-export", "controller": true}]},
         "spec": {"template": {"spec": {"containers": [{"name": "exporter", "image": "localhost:5000/exporter:7"}]}}}}
        """#

    private static let service = #"""
        {"metadata": {"name": "storefront-svc", "namespace": "shop"},
         "spec": {"type": "ClusterIP", "clusterIP": "10.96.12.34", "selector": {"app": "storefront"}, "ports": [{"port": 80}]}}
        """#

    private static let externalService = #"""
        {"metadata": {"name": "payments", "namespace": "shop"},
         "spec": {"type": "ExternalName", "externalName": "payments.partner-bank.net."}}
        """#

    private static let apiServerService = #"""
        {"metadata": {"name": "kubernetes", "namespace": "default"},
         "spec": {"type": "ClusterIP", "clusterIP": "10.96.0.1", "ports": [{"port": 443}]}}
        """#

    private static let endpointSlice = #"""
        {"metadata": {"name": "storefront-svc-x7k2p", "namespace": "shop",
                      "labels": {"kubernetes.io/service-name": "storefront-svc"}},
         "addressType": "IPv4",
         "endpoints": [{"addresses": ["10.244.1.17"], "nodeName": "ip-10-0-1-5.ec2.internal",
                        "targetRef": {"kind": "Pod", "namespace": "shop", "name": "storefront-7d4b9c8f5-kq2xz"}},
                       {"addresses": ["fd00:10:244::17"]}],
         "ports": [{"port": 8080}]}
        """#

    private static let node = #"""
        {"metadata": {"name": "ip-10-0-1-5.ec2.internal"}, "spec": {}, "status": {}}
        """#

    private static let claim = #"""
        {"metadata": {"name": "storefront-data", "namespace": "shop"},
         "spec": {"storageClassName": "gp3", "volumeName": "pvc-0f3a9c2e-1b7d-4e1a-9c3b-2f1e8d7c6b5a"},
         "status": {"phase": "Bound"}}
        """#

    private static let autoscaler = #"""
        {"metadata": {"name": "storefront-hpa", "namespace": "shop"},
         "spec": {"scaleTargetRef": {"kind": "Deployment", "name": "storefront", "apiVersion": "apps/v1"},
                  "minReplicas": 2, "maxReplicas": 6}}
        """#

    private static let ingress = #"""
        {"metadata": {"name": "storefront-ingress", "namespace": "shop"},
         "spec": {"ingressClassName": "nginx",
                  "defaultBackend": {"service": {"name": "storefront-fallback", "port": {"number": 80}}},
                  "rules": [{"host": "shop.acme.com",
                             "http": {"paths": [{"path": "/", "backend": {"service": {"name": "storefront-svc", "port": {"number": 80}}}}]}},
                            {"host": "*.preview.acme.dev"}],
                  "tls": [{"hosts": ["shop.acme.com"], "secretName": "shop-acme-tls"}]}}
        """#

    private static let route = #"""
        {"metadata": {"name": "storefront-route", "namespace": "shop"},
         "spec": {"parentRefs": [{"name": "shop-gateway"}], "hostnames": ["api.shop.acme.com"],
                  "rules": [{"backendRefs": [{"name": "storefront-api", "port": 8080}]}]}}
        """#

    private static let gateway = #"""
        {"metadata": {"name": "shop-gateway", "namespace": "shop"}, "spec": {"gatewayClassName": "acme-edge"}}
        """#

    private static let budget = #"""
        {"metadata": {"name": "storefront-pdb", "namespace": "shop"}, "spec": {"minAvailable": 1}}
        """#

    private static let rolloutEvent = #"""
        {"metadata": {"name": "checkout.17a8b", "namespace": "payments-prod"},
         "involvedObject": {"kind": "Rollout", "namespace": "payments-prod", "name": "checkout"},
         "reason": "RolloutAborted", "message": "Rollout aborted", "type": "Warning", "count": 1}
        """#
}
