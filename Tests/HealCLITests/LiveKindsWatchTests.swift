import Foundation
@testable import HealApp
import HealTestSupport
import Testing

/// `diagnose --watch` keeps every kind it diagnoses current, not only pods and workloads: a node,
/// a Service or a PersistentVolumeClaim going bad long after the watch started is reported.
@Suite("diagnose --watch follows nodes, Services and PersistentVolumeClaims too", .serialized)
struct LiveKindsWatchTests {
    @Test("a node set NotReady, a Service left without matching pods and a PVC Pending for an hour are each reported as they happen")
    func otherKinds() async throws {
        let shop = try ShopCluster(deployments: 1)
        let cluster = shop.cluster
        #expect(try await shop.addReadyNodeAndWebService())
        let watch = shop.watch(["-o", "json"])
        // Nothing is wrong yet; then, once the nodes are watched, three things go wrong in turn.
        try await shop.waitUntilWatching("/api/v1/nodes")

        try shop.setNode(ready: false)
        #expect(await watch.waitFor(#""code":"node-not-ready""#) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        try cluster.mergePatch(at: "/api/v1/namespaces/shop/services/web", json: #"{"spec":{"selector":{"app":"nothing"}}}"#)
        #expect(await watch.waitFor(#""code":"service-no-matching-pods""#) != nil, "\(watch.stdout.text)")
        let anHourAgo = Date().addingTimeInterval(-3600).formatted(.iso8601)
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"PersistentVolumeClaim",
             "metadata":{"name":"data","namespace":"shop","creationTimestamp":"\#(anHourAgo)"},
             "spec":{"accessModes":["ReadWriteOnce"],"storageClassName":"missing","resources":{"requests":{"storage":"1Gi"}}}}
            """#)
        // The API server clears a posted status; the persistent-volume controller writes it.
        try cluster.mergePatch(at: "/api/v1/namespaces/shop/persistentvolumeclaims/data/status", json: #"{"status":{"phase":"Pending"}}"#)
        let now = Date().formatted(.iso8601)
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"data.pvc-1","namespace":"shop"},
             "involvedObject":{"kind":"PersistentVolumeClaim","namespace":"shop","name":"data","apiVersion":"v1"},
             "type":"Warning","reason":"ProvisioningFailed","count":1,"firstTimestamp":"\#(anHourAgo)","lastTimestamp":"\#(now)",
             "message":"storageclass.storage.k8s.io \"missing\" not found","source":{"component":"persistentvolume-controller"}}
            """#)
        #expect(await watch.waitFor(#""code":"pvc-pending""#) != nil, "\(watch.stdout.text)")
        #expect(await watch.stop() == 0)
        let detected = watch.stdout.text.split(separator: "\n").filter { $0.contains(#""type":"detected""#) }
        #expect(detected.count == 3, "nothing before the node broke, then one finding each: \(detected)")
    }

    @Test("a kind the first collection could not read (503 after every retry) is followed anyway and diagnosed once it answers")
    func unreadableAtStart() async throws {
        let shop = try ShopCluster(deployments: 1)
        #expect(try await shop.addReadyNodeAndWebService())
        try shop.setNode(ready: false)
        let unavailable = ScriptedResponse.status(code: 503, reason: "ServiceUnavailable", message: "the server is currently unable to handle the request")
        shop.cluster.server.script(path: "/api/v1/nodes", responses: Array(repeating: unavailable, count: 5))
        let watch = shop.watch(["-o", "json"])

        #expect(await watch.waitFor(#""code":"node-not-ready""#) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        #expect(await watch.stop() == 0)
        #expect(watch.stderr.text.contains("cannot read nodes"), "the first collection said it could not: \(watch.stderr.text)")
    }

    @Test("a pull Secret created while watching resolves image-pull-secret-missing; Secrets are listed and watched as metadata only")
    func secretsAsMetadata() async throws {
        let shop = try ShopCluster(deployments: 1)
        let cluster = shop.cluster
        try cluster.mergePatch(
            at: "/apis/apps/v1/namespaces/shop/deployments/app-0",
            json: #"{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"regcred"}]}}}}"#)
        #expect(await cluster.settle())
        let watch = shop.watch(["-o", "json"])
        #expect(await watch.waitFor(#""code":"image-pull-secret-missing""#) != nil, "\(watch.stdout.text)\(watch.stderr.text)")
        try await shop.waitUntilWatching("/api/v1/namespaces/shop/secrets")

        let value = "c2VjcmV0LXZhbHVlLW5ldmVyLXJlYWQ="
        try cluster.create(json: #"""
            {"apiVersion":"v1","kind":"Secret","type":"kubernetes.io/dockerconfigjson",
             "metadata":{"name":"regcred","namespace":"shop"},"data":{".dockerconfigjson":"\#(value)"}}
            """#)
        #expect(await watch.waitFor(#""type":"resolved""#) != nil, "\(watch.stdout.text)")
        #expect(await watch.stop() == 0)

        let secretRequests = cluster.server.requests(path: "/api/v1/namespaces/shop/secrets")
        #expect(secretRequests.contains { $0.query("watch") == "1" } && secretRequests.contains { $0.query("watch") == nil })
        for request in secretRequests {
            let expected = request.query("watch") == "1"
                ? "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"
                : "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"
            #expect(request.header("Accept") == expected, "no plain JSON to fall back on: \(request.header("Accept") ?? "")")
        }
        #expect(!watch.stdout.text.contains(value) && !watch.stderr.text.contains(value))
    }
}
