import HealModel
import Testing

/// Pods of one template share a single copy of their container specs, which is what keeps a
/// large cluster's snapshot small; a pod whose spec differs keeps its own.
@Suite("Container spec interning")
struct ContainerSpecInternerTests {
    private func storage(_ containers: [Container]) -> UnsafeRawPointer? {
        containers.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test("the three catalog pods of one ReplicaSet end up sharing one containers array")
    func shared() throws {
        var snapshot = ClusterSnapshot()
        for pod in try capturedItems("api/v1/namespaces/shop/pods.json", as: Pod.self) {
            snapshot.insert(pod)
        }
        let catalog = snapshot.pods.filter { $0.metadata.name.hasPrefix("catalog-") }
        #expect(catalog.count == 3)
        #expect(Set(catalog.map { storage($0.spec.containers) }).count == 1)
        let frontend = try #require(snapshot.pods.first { $0.metadata.name.hasPrefix("frontend-") })
        #expect(storage(frontend.spec.containers) != storage(catalog[0].spec.containers))
    }

    @Test("a pod of the same template whose containers differ keeps its own spec")
    func differing() throws {
        var pods = try capturedItems("api/v1/namespaces/shop/pods.json", as: Pod.self).filter { $0.metadata.name.hasPrefix("catalog-") }
        pods[2].spec.containers[0].image = "python:3.13-slim"
        var snapshot = ClusterSnapshot()
        for pod in pods { snapshot.insert(pod) }
        #expect(snapshot.pods[2].spec.containers[0].image == "python:3.13-slim")
        #expect(snapshot.pods[0].spec.containers[0].image == "python:3.12-slim")
        #expect(storage(snapshot.pods[0].spec.containers) == storage(snapshot.pods[1].spec.containers))
    }
}
