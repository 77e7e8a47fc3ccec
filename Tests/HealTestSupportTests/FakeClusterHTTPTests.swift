import Foundation
import HealTestSupport
import Testing

@Suite("FakeCluster answers writes over HTTP like kube-apiserver")
struct FakeClusterHTTPTests {
    static let service = "/api/v1/namespaces/mcp-failover-clean/services/web"
    static let mergePatch = ["Content-Type": "application/merge-patch+json"]

    let cluster: FakeCluster
    let client: HTTPTestClient

    init() throws {
        // API semantics, not timing: every write settles before it returns.
        cluster = try FakeCluster.blueGreen(timing: .instant)
        client = try HTTPTestClient(port: cluster.server.port)
    }

    @Test("a merge patch with a stale resourceVersion is a 409 with the real Conflict body")
    func staleResourceVersion() throws {
        let response = try client.request(
            Self.service, method: "PATCH", headers: Self.mergePatch,
            body: Data(#"{"metadata":{"resourceVersion":"1"},"spec":{"selector":{"version":"green"}}}"#.utf8))

        #expect(response.status == 409)
        #expect(response.text == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"#
            + #""Operation cannot be fulfilled on services \"web\": the object has been modified; please apply your "#
            + #"changes to the latest version and try again","reason":"Conflict","details":{"name":"web","kind":"#
            + #""services"},"code":409}"#)
        let service = try JSON(data: #require(cluster.object(at: Self.service)))
        #expect(service["spec"]?["selector"]?["version"] == .string("blue"))
    }

    @Test("a write records its fieldManager in managedFields with the fields it changed, merged per manager")
    func managedFields() throws {
        let path = "/apis/apps/v1/namespaces/mcp-failover-clean/deployments/web-green"
        let strategic = ["Content-Type": "application/strategic-merge-patch+json"]
        let image = #"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}"#
        #expect(try client.request(path + "?fieldManager=kubectl-set", method: "PATCH", headers: strategic, body: Data(image.utf8)).status == 200)
        #expect(try client.request(path + "?fieldManager=kubectl-set", method: "PATCH", headers: Self.mergePatch, body: Data(#"{"spec":{"replicas":3}}"#.utf8)).status == 200)

        let entries = try JSON(data: #require(cluster.object(at: path)))["metadata"]?["managedFields"]?.array ?? []
        let entry = try #require(entries.first { $0["manager"]?.string == "kubectl-set" })
        #expect(entries.filter { $0["manager"]?.string == "kubectl-set" }.count == 1)
        #expect(entry["operation"] == .string("Update"))
        #expect(entry["fieldsType"] == .string("FieldsV1"))
        #expect(entry["time"]?.string != nil)
        let spec = entry["fieldsV1"]?["f:spec"]
        #expect(spec?["f:replicas"] == .object([:]))
        #expect(spec?["f:template"]?["f:spec"]?["f:containers"]?[#"k:{"name":"web"}"#]?["f:image"] == .object([:]))
        #expect(spec?["f:template"]?["f:spec"]?["f:containers"]?[#"k:{"name":"web"}"#]?["f:name"] == nil, "unchanged fields are not claimed")
    }

    @Test("a Deployment conflict names the group, as in the captured 409")
    func deploymentConflict() throws {
        let captured = try JSON(data: Fixtures.statusBody("409-conflict-stale-resourceversion").body)
        let response = try client.request(
            "/apis/apps/v1/namespaces/mcp-failover-clean/deployments/web-blue", method: "PATCH",
            headers: Self.mergePatch, body: Data(#"{"metadata":{"resourceVersion":"1"}}"#.utf8))
        let body = try response.json()
        #expect(response.status == 409)
        #expect(body["details"]?["group"] == captured["details"]?["group"])
        #expect(body["details"]?["kind"] == captured["details"]?["kind"])
        #expect(body["message"]?.string?.hasPrefix("Operation cannot be fulfilled on deployments.apps \"web-blue\"") == true)
    }

    @Test("a patch with the current resourceVersion applies and bumps it")
    func currentResourceVersion() throws {
        let response = try client.request(
            Self.service, method: "PATCH", headers: Self.mergePatch,
            body: Data(#"{"metadata":{"resourceVersion":"579"},"spec":{"selector":{"version":"green"}}}"#.utf8))
        let body = try response.json()
        #expect(response.status == 200)
        #expect(body["spec"]?["selector"]?["version"] == .string("green"))
        #expect((Int(body["metadata"]?["resourceVersion"]?.string ?? "") ?? 0) > 970)
    }

    @Test("dryRun=All answers with the result but stores nothing")
    func dryRun() throws {
        let before = try #require(cluster.object(at: Self.service))
        let response = try client.request(
            "\(Self.service)?dryRun=All", method: "PATCH", headers: Self.mergePatch,
            body: Data(#"{"spec":{"selector":{"version":"green"}}}"#.utf8))
        #expect(response.status == 200)
        #expect(try response.json()["spec"]?["selector"]?["version"] == .string("green"))
        #expect(try response.json()["metadata"]?["resourceVersion"] == .string("579"))
        #expect(cluster.object(at: Self.service) == before)
    }

    @Test("a strategic merge patch merges containers by name; unknown patch types get 415")
    func patchTypes() throws {
        let path = "/apis/apps/v1/namespaces/mcp-failover-clean/deployments/web-green"
        let response = try client.request(
            path, method: "PATCH", headers: ["Content-Type": "application/strategic-merge-patch+json"],
            body: Data(#"{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.28"}]}}}}"#.utf8))
        let container = try response.json()["spec"]?["template"]?["spec"]?["containers"]?[0]
        #expect(container?["image"] == .string("nginx:1.28"))
        #expect(container?["ports"]?[0]?["name"] == .string("http"))

        let refused = try client.request(
            path, method: "PATCH", headers: ["Content-Type": "application/json-patch+json"], body: Data("[]".utf8))
        #expect(refused.status == 415)
        #expect(try refused.json()["reason"] == .string("UnsupportedMediaType"))
    }

    @Test("POST creates an event (201) and a second POST of the name is 409 AlreadyExists")
    func postEvent() throws {
        let event = Data(#"""
            {"apiVersion":"v1","kind":"Event","metadata":{"name":"web.failover"},
             "involvedObject":{"kind":"Service","namespace":"mcp-failover-clean","name":"web"},
             "reason":"Failover","message":"switched to green","type":"Normal"}
            """#.utf8)
        let path = "/api/v1/namespaces/mcp-failover-clean/events"
        let created = try client.request(path, method: "POST", headers: ["Content-Type": "application/json"], body: event)
        #expect(created.status == 201)
        let body = try created.json()
        #expect(body["metadata"]?["namespace"] == .string("mcp-failover-clean"))
        #expect(body["metadata"]?["uid"]?.string?.count == 36)
        #expect(body["metadata"]?["creationTimestamp"] != nil)

        let duplicate = try client.request(path, method: "POST", headers: ["Content-Type": "application/json"], body: event)
        #expect(duplicate.status == 409)
        #expect(try duplicate.json() == JSON(data: Data(#"""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"events \"web.failover\" already exists","reason":"AlreadyExists",
             "details":{"name":"web.failover","kind":"events"},"code":409}
            """#.utf8)))
        #expect(cluster.objects(in: path).count == 1)
    }

    @Test("a missing object is a 404 with the captured NotFound shape")
    func notFound() throws {
        let response = try client.request("/api/v1/namespaces/mcp-failover-clean/pods/does-not-exist")
        #expect(response.status == 404)
        #expect(try response.json() == JSON(data: Fixtures.statusBody("404-pod-not-found").body))
    }

    @Test("lists filter by label selector and carry the List kind and resourceVersion")
    func list() throws {
        let response = try client.request("/api/v1/namespaces/mcp-failover-clean/services?labelSelector=version%3Dgreen")
        let body = try response.json()
        #expect(body["kind"] == .string("ServiceList"))
        #expect(body.itemNames == ["web-green"])
        #expect(body["items"]?[0]?["kind"] == nil)
        #expect(body["metadata"]?["resourceVersion"] == .string("970"))
    }

    @Test("PUT with a stale resourceVersion is a 409; DELETE of a pod gets it replaced")
    func putAndDelete() throws {
        let put = try client.request(
            Self.service, method: "PUT", headers: ["Content-Type": "application/json"],
            body: Data(#"{"metadata":{"name":"web","resourceVersion":"2"},"spec":{}}"#.utf8))
        #expect(put.status == 409)

        let pod = "/api/v1/namespaces/mcp-failover-clean/pods/web-blue-5959b56b7c-8npp6"
        let deleted = try client.request(pod, method: "DELETE")
        #expect(deleted.status == 200)
        #expect(cluster.object(at: pod) == nil)
        #expect(cluster.objects(in: "/api/v1/namespaces/mcp-failover-clean/pods").count == 2)
    }

    @Test("beforeNext runs a concurrent write between a client's GET and its PATCH")
    func beforeNext() throws {
        let read = try client.request(Self.service).json()
        let version = try #require(read["metadata"]?["resourceVersion"]?.string)
        cluster.beforeNext(method: "PATCH", path: Self.service) { cluster in
            try? cluster.mergePatch(at: Self.service, json: #"{"metadata":{"labels":{"touched":"yes"}}}"#)
        }
        let response = try client.request(
            Self.service, method: "PATCH", headers: Self.mergePatch,
            body: Data(#"{"metadata":{"resourceVersion":"\#(version)"}}"#.utf8))
        #expect(response.status == 409)
    }
}
