/// Range-query series merged per key (a workload, a workload's container) and step: added up, or
/// the highest. A range answer's points fall on `start + k × step`, so each key's result is an
/// array by step; pods of one workload that ran one after the other (a rollout) make up its history.
enum StepSums {
    /// Oldest first; series whose `key` is nil are left out.
    static func sum<Key: Hashable>(
        _ series: [PrometheusSeries], start: Double, step: Double, merge: (Double, Double) -> Double = (+), key: (PrometheusSeries) -> Key?
    ) -> [Key: [(time: Double, value: Double)]] {
        var totals: [Key: [Double]] = [:]
        for one in series {
            guard let key = key(one), let last = one.points.last else { continue }
            var sums = totals[key] ?? []
            let needed = Int(((last.time - start) / step).rounded()) + 1
            if sums.count < needed { sums += [Double](repeating: .nan, count: needed - sums.count) }
            for point in one.points where point.value.isFinite {
                let index = Int(((point.time - start) / step).rounded())
                guard index >= 0 else { continue }
                sums[index] = sums[index].isNaN ? point.value : merge(sums[index], point.value)
            }
            totals[key] = sums
        }
        return totals.mapValues { sums in sums.indices.compactMap { sums[$0].isNaN ? nil : (start + Double($0) * step, sums[$0]) } }
    }
}
