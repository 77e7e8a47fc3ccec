import Foundation
import HealActions
import HealAnalysis
import Testing

/// What a 409 retry compares: the fields a patch writes, before and after someone else's write.
@Suite("PatchFootprint tells the controller's status writes from someone else's change to the same fields")
struct PatchFootprintTests {
    private func json(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    private let memoryPatch = #"{"metadata":{"resourceVersion":"5"},"spec":{"template":{"spec":{"containers":[{"name":"app","resources":{"limits":{"memory":"228Mi"}}}]}}}}"#

    private func deployment(memory: String, image: String = "app:1", annotation: String = "a", ready: Int = 0) throws -> JSONValue {
        try json(#"""
            {"metadata":{"name":"app","resourceVersion":"\#(ready + 7)","annotations":{"note":"\#(annotation)"}},
             "spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"proxy:2"},{"name":"app","image":"\#(image)","resources":{"limits":{"memory":"\#(memory)"}}}]}}},
             "status":{"readyReplicas":\#(ready)}}
            """#)
    }

    @Test("status, annotations, resourceVersion and fields the patch does not write leave the footprint alone")
    func unrelatedWritesKeepIt() throws {
        let patch = try json(memoryPatch)
        let planned = PatchFootprint.values(of: patch, in: try deployment(memory: "128Mi"))
        let churned = PatchFootprint.values(of: patch, in: try deployment(memory: "128Mi", image: "app:2", annotation: "b", ready: 3))
        #expect(planned == churned)
    }

    @Test("someone else changing the same field changes the footprint")
    func sameFieldChangesIt() throws {
        let patch = try json(memoryPatch)
        #expect(PatchFootprint.values(of: patch, in: try deployment(memory: "128Mi"))
            != PatchFootprint.values(of: patch, in: try deployment(memory: "256Mi")))
    }

    @Test("holds says whether the patch's values are live, matching list items by name")
    func holds() throws {
        let patch = try json(memoryPatch)
        #expect(PatchFootprint.holds(patch, in: try deployment(memory: "228Mi")))
        #expect(!PatchFootprint.holds(patch, in: try deployment(memory: "128Mi")))
        let gibibyte = try json(#"{"spec":{"template":{"spec":{"containers":[{"name":"app","resources":{"limits":{"memory":"1024Mi"}}}]}}}}"#)
        #expect(PatchFootprint.holds(gibibyte, in: try deployment(memory: "1Gi")), "the server stores 1024Mi as 1Gi")
    }

    @Test("a ReplicaSet runs a Deployment's template when they are equal but for pod-template-hash and empty members")
    func templateMatch() throws {
        let template = try json(#"{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}"#)
        let copied = try json(#"{"metadata":{"labels":{"app":"web","pod-template-hash":"5f486bb945"},"annotations":{}},"spec":{"containers":[{"name":"web","image":"nginx:1.27","env":[]}]}}"#)
        let older = try json(#"{"metadata":{"labels":{"app":"web","pod-template-hash":"675dd6ccf8"}},"spec":{"containers":[{"name":"web","image":"ngnix:1.27"}]}}"#)
        #expect(PodTemplateMatch.runs(template, replicaSetTemplate: copied))
        #expect(!PodTemplateMatch.runs(template, replicaSetTemplate: older))
        #expect(!PodTemplateMatch.runs(template, replicaSetTemplate: nil))
    }
}
