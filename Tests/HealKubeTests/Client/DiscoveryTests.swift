import Foundation
import HealKube
import HealTestSupport
import Testing

@Suite("custom resource discovery (is KEDA installed?)")
struct DiscoveryTests {
    /// `GET /apis/keda.sh/v1alpha1` as a cluster with KEDA's CRDs answers it (APIResourceList).
    static let kedaResources = #"""
        {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"keda.sh/v1alpha1","resources":[
         {"name":"scaledjobs","singularName":"scaledjob","namespaced":true,"kind":"ScaledJob","verbs":["delete","deletecollection","get","list","patch","create","update","watch"],"shortNames":["sj"],"storageVersionHash":"aB3kq9x0mZ4="},
         {"name":"scaledobjects","singularName":"scaledobject","namespaced":true,"kind":"ScaledObject","verbs":["delete","deletecollection","get","list","patch","create","update","watch"],"shortNames":["so"],"storageVersionHash":"Qw8Yx1pLk2c="},
         {"name":"scaledobjects/status","singularName":"","namespaced":true,"kind":"ScaledObject","verbs":["get","patch","update"]}]}
        """#

    @Test("served: the group version lists the resource; not served: the API server's 404 is false; refused: a 403 is an error, not a guess")
    func servesResource() async throws {
        let server = try FakeAPIServer.captured()
        defer { server.stop() }
        let client = TestClients.client(server)
        let path = "/apis/keda.sh/v1alpha1"
        #expect(try await client.serves(group: "keda.sh", version: "v1alpha1", resource: "scaledobjects") == false)
        server.script(path: path, responses: [.reply(status: 200, headers: ["Content-Type": "application/json"], body: Data(Self.kedaResources.utf8))])
        #expect(try await client.serves(group: "keda.sh", version: "v1alpha1", resource: "scaledobjects"))
        server.script(path: path, responses: [.status(code: 403, reason: "Forbidden", message: #"keda.sh is forbidden: User "ci" cannot get path "/apis/keda.sh/v1alpha1""#)])
        await #expect(throws: KubeError.self) { try await client.serves(group: "keda.sh", version: "v1alpha1", resource: "scaledobjects") }
        #expect(server.requests(path: path).count == 3)
    }
}
