import Foundation
import HealTestSupport
import Testing

@Suite("FakeAPIServer lists like kube-apiserver")
struct FakeAPIServerListTests {
    let server: FakeAPIServer
    let client: HTTPTestClient

    init() throws {
        server = try FakeAPIServer.captured()
        client = try HTTPTestClient(port: server.port)
    }

    @Test("limit=3 pages the shop pods 3 + 3 + 1 with the captured continue and remainingItemCount")
    func paginationMatchesCapturedPages() throws {
        let captured = try [1, 2].map(capturedPage)
        let path = "/api/v1/namespaces/shop/pods"

        let first = try client.request("\(path)?limit=3").json()
        let firstToken = try #require(first["metadata"]?["continue"]?.string)
        let second = try client.request("\(path)?limit=3&continue=\(firstToken)").json()
        let secondToken = try #require(second["metadata"]?["continue"]?.string)
        let last = try client.request("\(path)?limit=3&continue=\(secondToken)").json()

        #expect(first.itemNames == captured[0].itemNames)
        #expect(second.itemNames == captured[1].itemNames)
        #expect(first["metadata"]?["remainingItemCount"] == captured[0]["metadata"]?["remainingItemCount"])
        #expect(second["metadata"]?["remainingItemCount"] == captured[1]["metadata"]?["remainingItemCount"])
        #expect(last.itemNames == ["frontend-5bc6d46c7d-jw65r"])
        #expect(last["metadata"] == .object(["resourceVersion": .string("952")]))
        #expect(first["kind"] == .string("PodList"))
    }

    @Test("continue tokens have the API server's encoding and resume key")
    func continueTokenShape() throws {
        let captured = try capturedPage(1)
        let page = try client.request("/api/v1/namespaces/shop/pods?limit=3").json()

        let ours = try decodeToken(#require(page["metadata"]?["continue"]?.string))
        let theirs = try decodeToken(#require(captured["metadata"]?["continue"]?.string))
        #expect(ours["v"] == theirs["v"])
        #expect(ours["start"] == theirs["start"])
        #expect(ours["rv"] == .number(952))
    }

    @Test("a continue token that does not decode is a 400 Status")
    func invalidContinue() throws {
        let response = try client.request("/api/v1/namespaces/shop/pods?limit=3&continue=!!!")
        #expect(response.status == 400)
        #expect(try response.json()["reason"] == .string("BadRequest"))
    }

    @Test(
        "labelSelector filters on metadata.labels with equality, inequality and set-based terms",
        arguments: [
            ("app=cart", ["cart-548998b548-g6fsm", "cart-548998b548-zn2hw"]),
            ("app==cart,tier=backend", ["cart-548998b548-g6fsm", "cart-548998b548-zn2hw"]),
            ("tier!=backend", ["frontend-5bc6d46c7d-dpj2s", "frontend-5bc6d46c7d-jw65r"]),
            ("app in (cart,frontend),tier notin (web)", ["cart-548998b548-g6fsm", "cart-548998b548-zn2hw"]),
            ("!version,app=frontend", ["frontend-5bc6d46c7d-dpj2s", "frontend-5bc6d46c7d-jw65r"]),
            ("version", []),
        ])
    func labelSelectors(selector: String, expected: [String]) throws {
        let encoded = selector.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let list = try client.request("/api/v1/namespaces/shop/pods?labelSelector=\(encoded)").json()
        #expect(list.itemNames == expected)
    }

    @Test("with a selector, pages carry continue but no remainingItemCount")
    func selectorPagination() throws {
        let page = try client.request("/api/v1/namespaces/shop/pods?labelSelector=tier%3Dbackend&limit=2").json()
        #expect(page.itemNames == ["cart-548998b548-g6fsm", "cart-548998b548-zn2hw"])
        #expect(page["metadata"]?["continue"] != nil)
        #expect(page["metadata"]?["remainingItemCount"] == nil)
    }

    @Test("an unparsable labelSelector is a 400 Status")
    func invalidSelector() throws {
        let response = try client.request("/api/v1/namespaces/shop/pods?labelSelector=app+in+cart")
        #expect(response.status == 400)
        #expect(try response.json()["reason"] == .string("BadRequest"))
    }

    @Test(
        "fieldSelector filters events on type and reason with =, == and !=",
        arguments: [
            ("type=Warning", 8),
            ("type==Normal,reason=BackOff", 2),
            ("type=Warning,reason!=Failed", 2),
            ("involvedObject.kind=ReplicaSet", 4),
            ("", 30),
        ])
    func eventFieldSelectors(selector: String, expectedCount: Int) throws {
        let encoded = selector.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let list = try client.request("/api/v1/namespaces/agentic-demo/events?fieldSelector=\(encoded)").json()
        #expect(list.itemNames.count == expectedCount)
    }

    @Test("a field the resource cannot select on is a 400 Status naming it; selected pages omit remainingItemCount")
    func fieldSelectorLimits() throws {
        let unsupported = try client.request("/api/v1/namespaces/shop/pods?fieldSelector=reason%3DBackOff")
        #expect(unsupported.status == 400)
        #expect(try unsupported.json()["message"] == .string("field label not supported: reason"))

        let page = try client.request("/api/v1/namespaces/shop/pods?fieldSelector=metadata.namespace%3Dshop&limit=2").json()
        #expect(page.itemNames.count == 2)
        #expect(page["metadata"]?["continue"] != nil)
        #expect(page["metadata"]?["remainingItemCount"] == nil)
    }

    @Test("cluster-scoped lists aggregate every namespace's List file in namespace order")
    func clusterScopeAggregation() throws {
        let pods = try client.request("/api/v1/pods").json()
        #expect(pods["kind"] == .string("PodList"))
        #expect(pods.itemNames.count == 13)
        #expect(pods.itemNames.first == "alpine-app-6f55c5d7d8-nj25q")
        #expect(pods.itemNames.last == "frontend-5bc6d46c7d-jw65r")

        let deployments = try client.request("/apis/apps/v1/deployments?labelSelector=app%3Dweb-server").json()
        #expect(deployments["kind"] == .string("DeploymentList"))
        #expect(deployments.itemNames == ["web-server"])
    }

    @Test("cluster-scoped pages resume by namespace/name")
    func clusterScopePagination() throws {
        let first = try client.request("/api/v1/pods?limit=4").json()
        let token = try #require(first["metadata"]?["continue"]?.string)
        #expect(try decodeToken(token)["start"] == .string("agentic-demo/web-server-59c44b768d-tm998\u{0}"))
        #expect(first["metadata"]?["remainingItemCount"] == .number(9))
        let second = try client.request("/api/v1/pods?limit=4&continue=\(token)").json()
        #expect(second.itemNames.first == "web-blue-5959b56b7c-8npp6")
    }

    @Test("a single object comes out of its List with kind and apiVersion")
    func singleObject() throws {
        let pod = try client.request("/api/v1/namespaces/shop/pods/cart-548998b548-g6fsm").json()
        #expect(pod["kind"] == .string("Pod"))
        #expect(pod["apiVersion"] == .string("v1"))
        #expect(pod["metadata"]?["name"] == .string("cart-548998b548-g6fsm"))

        let deployment = try client.request("/apis/apps/v1/namespaces/shop/deployments/cart").json()
        #expect(deployment["kind"] == .string("Deployment"))
        #expect(deployment["apiVersion"] == .string("apps/v1"))
    }

    @Test("a missing pod is the captured 404 Status")
    func missingPod() throws {
        let response = try client.request("/api/v1/namespaces/shop/pods/does-not-exist")
        let expected = try Fixtures.statusBody("404-pod-not-found")
        #expect(response.status == expected.httpCode)
        #expect(try response.json() == JSON(data: expected.body))
    }

    @Test("unknown paths are 404 Status bodies naming the resource and group")
    func unknownPaths() throws {
        let deployment = try client.request("/apis/apps/v1/namespaces/shop/deployments/nope")
        #expect(deployment.status == 404)
        let body = try deployment.json()
        #expect(body["message"] == .string("deployments.apps \"nope\" not found"))
        let details: JSON = .object(["name": .string("nope"), "group": .string("apps"), "kind": .string("deployments")])
        #expect(body["details"] == details)

        let list = try client.request("/apis/batch/v1/namespaces/shop/jobs")
        #expect(list.status == 404)
        #expect(try list.json()["reason"] == .string("NotFound"))
    }

    @Test("files at a path are served verbatim; large bodies are chunked as Go's net/http does")
    func verbatimFiles() throws {
        let version = try client.request("/version")
        #expect(version.body == (try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: "version.json"))))
        #expect(version.chunks == nil)

        let pods = try client.request("/api/v1/namespaces/shop/pods")
        let file = Fixtures.capturedAPIPaths.appending(path: "api/v1/namespaces/shop/pods.json")
        #expect(pods.body == (try Data(contentsOf: file)))
        #expect((pods.chunks?.count ?? 0) > 1)
    }

    private func capturedPage(_ number: Int) throws -> JSON {
        try JSON(data: Data(contentsOf: Fixtures.captured.appending(path: "pagination/shop-pods-page\(number).json")))
    }

    private func decodeToken(_ token: String) throws -> JSON {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return try JSON(data: #require(Data(base64Encoded: base64)))
    }
}
