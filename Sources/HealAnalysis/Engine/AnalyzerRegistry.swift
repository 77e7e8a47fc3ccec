/// Every analyzer the tool has, in report order. Each group lists its own in its folder.
package enum AnalyzerRegistry {
    package static let all: [any Analyzer] =
        PodAnalyzers.all + WorkloadAnalyzers.all + NetworkAnalyzers.all + ClusterAnalyzers.all + HygieneAnalyzers.all

    package static func analyzer(id: String) -> (any Analyzer)? {
        all.first { $0.descriptor.id == id }
    }
}
