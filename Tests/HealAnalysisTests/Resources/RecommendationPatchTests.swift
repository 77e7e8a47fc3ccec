import HealAnalysis
import Testing

private typealias Example = SizingExample
private let mi = SizingExample.mi

@Suite("WorkloadRecommendation patches change only the containers that change")
struct RecommendationPatchTests {
    private static let template = #"{"spec":{"template":{"spec":{"containers":[%@]}}}}"#

    @Test(
        "the patch sets the recommended quantities, nulling a CPU limit only to remove it",
        arguments: [
            // 500m / 512Mi → 212m / 347Mi (p95 211.5m, peak 301Mi × 1.15).
            (nil, nil, #"{"name":"app","resources":{"limits":{"memory":"347Mi"},"requests":{"cpu":"212m","memory":"347Mi"}}}"#),
            (1, nil, #"{"name":"app","resources":{"limits":{"cpu":null,"memory":"347Mi"},"requests":{"cpu":"212m","memory":"347Mi"}}}"#),
            // p99 of 450m as the limit.
            (1, 99, #"{"name":"app","resources":{"limits":{"cpu":"450m","memory":"347Mi"},"requests":{"cpu":"212m","memory":"347Mi"}}}"#),
        ] as [(Double?, Double?, String)])
    func patchText(cpuLimit: Double?, limitPercentile: Double?, entry: String) throws {
        let workload = Example.workload([Example.container(cpuLimit: cpuLimit)])
        let usage = Example.usage(.prometheus, Example.figures(cpu: [95: 0.2115, 99: 0.45]))
        let result = Recommender.recommend(workload, usage: usage, settings: RecommenderSettings(cpuLimitPercentile: limitPercentile))
        let patch = try #require(result.patch)
        #expect(patch.target == Example.ref)
        #expect(patch.type == .strategic)
        #expect(try result.patchJSON == Self.template.replacingOccurrences(of: "%@", with: entry))
    }

    @Test("containers without a recommendation or without a change are left out; the order is the template's")
    func onlyChangedContainers() throws {
        let containers = [
            Example.container("unsized"), Example.container("web"), Example.container("same", cpu: 0.212, memory: 347 * mi, memoryLimit: 347 * mi),
            Example.container("app", cpu: 0.1, memory: 100 * mi, memoryLimit: nil),
        ]
        let usage = Example.usage(.prometheus, Example.figures("web"), Example.figures("same"), Example.figures("app"))
        let result = Recommender.recommend(Example.workload(containers), usage: usage, settings: RecommenderSettings())
        let web = #"{"name":"web","resources":{"limits":{"memory":"347Mi"},"requests":{"cpu":"212m","memory":"347Mi"}}}"#
        let app = #"{"name":"app","resources":{"limits":{"memory":"347Mi"},"requests":{"cpu":"212m","memory":"347Mi"}}}"#
        #expect(try result.patchJSON == Self.template.replacingOccurrences(of: "%@", with: web + "," + app))
    }

    @Test(
        "no patch when nothing changes: already sized (400M is the 382Mi a patch would write), or nothing to size",
        arguments: [
            // 332Mi × 1.15 = 381.8Mi → 382Mi; 400M is 381.47Mi, which a patch writes as 382Mi too.
            (Example.container(cpu: 0.212, memory: 400_000_000, memoryLimit: 400_000_000), Example.figures(peak: 332 * mi)),
            (Example.container(), Example.figures("other")),
        ] as [(ContainerResources, ContainerUsage)])
    func noPatch(container: ContainerResources, figures: ContainerUsage) throws {
        let result = Recommender.recommend(
            Example.workload([container]), usage: Example.usage(.prometheus, figures), settings: RecommenderSettings())
        #expect(result.patch == nil)
        #expect(try result.patchJSON == nil)
    }
}
