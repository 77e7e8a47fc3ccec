/// Hands out pod IPs: the first free addresses in 10.244.0.0/16 (skipping .0 and .1 of each
/// /24), in order, knowing once which are taken so that starting many pods stays linear.
struct PodAddresses {
    private var used: Set<String>
    private var index = 2

    init(pods: [JSONValue]) {
        used = Set(pods.compactMap { $0.value(at: ["status", "podIP"])?.stringValue })
    }

    mutating func next() -> String {
        while true {
            let address = "10.244.\(index / 256).\(index % 256)"
            index += 1
            if (index - 1) % 256 > 1, used.insert(address).inserted { return address }
        }
    }
}
