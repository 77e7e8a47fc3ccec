import HealAnalysis
import Testing

@Suite("PriceSheet picks the node pool's prices, then the namespace's, first match winning")
struct PriceSheetTests {
    static let sheet = PriceSheet(
        nodePools: [
            NodePoolPrices(name: "spot", nodeSelector: ["karpenter.sh/capacity-type": "spot"], spotDiscountPercent: 70),
            NodePoolPrices(name: "gpu", nodeSelector: ["cloud.google.com/gke-nodepool": "gpu"], cpuPerCoreHour: 0.09),
            NodePoolPrices(
                name: "gpu-never", nodeSelector: ["cloud.google.com/gke-nodepool": "gpu", "zone": "b"], cpuPerCoreHour: 1),
        ],
        namespaces: [
            NamespacePrices(pattern: NamespacePattern("batch-prod")!, cpuPerCoreHour: 0.05),
            NamespacePrices(pattern: NamespacePattern("batch-*")!, cpuPerCoreHour: 0.02),
            NamespacePrices(pattern: NamespacePattern("team-?")!, memoryPerGiBHour: 0.01),
        ])

    static let spot = ["karpenter.sh/capacity-type": "spot", "zone": "a"]
    static let gpu = ["cloud.google.com/gke-nodepool": "gpu", "zone": "b"]

    @Test(
        "effective prices and the overrides that produced them",
        arguments: [
            // No override: the defaults.
            ("default", [:], 0.031611, 0.004237, nil, nil),
            // Spot: 70% off both defaults: 0.031611 × 0.3, 0.004237 × 0.3.
            ("default", spot, 0.0094833, 0.0012711, "spot", nil),
            // Explicit CPU price, memory from the defaults; the later, narrower gpu pool never wins.
            ("default", gpu, 0.09, 0.004237, "gpu", nil),
            // A node carrying both pools' labels takes the first listed.
            ("default", spot.merging(gpu) { first, _ in first }, 0.0094833, 0.0012711, "spot", nil),
            // The namespace's CPU price replaces the spot price; memory keeps the spot discount.
            ("batch-7", spot, 0.02, 0.0012711, "spot", "batch-*"),
            // batch-prod is listed before batch-*, so it wins for batch-prod.
            ("batch-prod", [:], 0.05, 0.004237, nil, "batch-prod"),
            // A glob matches the whole name: "batch" is not "batch-*".
            ("batch", [:], 0.031611, 0.004237, nil, nil),
            ("team-a", gpu, 0.09, 0.01, "gpu", "team-?"),
            ("team-ab", [:], 0.031611, 0.004237, nil, nil),
        ] as [(String, [String: String], Double, Double, String?, String?)])
    func prices(namespace: String, nodeLabels: [String: String], cpu: Double, memory: Double, pool: String?, match: String?) {
        let prices = Self.sheet.prices(namespace: namespace, nodeLabels: nodeLabels)
        #expect(CostFixtures.close(prices.cpuPerCoreHour, cpu))
        #expect(CostFixtures.close(prices.memoryPerGiBHour, memory))
        #expect(prices.nodePool == pool)
        #expect(prices.namespaceMatch == match)
    }

    @Test("the override name joins the node pool and the namespace pattern")
    func overrideName() {
        #expect(Self.sheet.prices(namespace: "batch-1", nodeLabels: Self.spot).overrideName == "spot, batch-*")
        #expect(Self.sheet.prices(namespace: "shop", nodeLabels: Self.spot).overrideName == "spot")
        #expect(Self.sheet.prices(namespace: "shop", nodeLabels: [:]).overrideName == nil)
    }

    @Test("a workload without a namespace gets no namespace prices")
    func noNamespace() {
        #expect(Self.sheet.prices(namespace: nil, nodeLabels: [:]).namespaceMatch == nil)
    }
}
