import Foundation
import HealAnalysis
import HealKube
import HealModel
import HealUsage
import Logging

/// Picks the usage source the settings and the cluster allow, and reads the workloads'
/// usage from it. With `auto`: --prometheus-url, else a Prometheus Service found in the
/// cluster, else metrics-server, else none — each step down is said on stderr and in the
/// report's note. A source asked for by name that is not there is an error.
struct UsageReader {
    struct Request {
        var workloads: [WorkloadResources]
        var usage: UsageSettings
        var prometheus: PrometheusAccess
        var cpuPercentiles: [Double]
        /// The namespace worked on (nil: all): where to look for Prometheus when Services cannot be
        /// listed cluster-wide.
        var namespace: String?
    }

    /// What to read for `workloads` of `inventory` (all of them by default), Prometheus looked
    /// for in the namespace worked on.
    static func request(
        for inventory: WorkloadInventory, workloads: [WorkloadResources]? = nil, usage: UsageSettings, prometheus: PrometheusAccess,
        cpuPercentiles: [Double]
    ) -> Request {
        Request(
            workloads: workloads ?? inventory.workloads, usage: usage, prometheus: prometheus, cpuPercentiles: cpuPercentiles,
            namespace: inventory.read.namespaces?.first)
    }

    struct Measured {
        var usage: [ResourceRef: WorkloadUsage]
        var description: RecommendationReport.UsageDescription
    }

    let environment: AppEnvironment
    let logger: Logger

    func read(_ request: Request, client: KubeClient?) async throws -> Measured {
        let choice = request.usage.source
        if choice == .none {
            return Measured(usage: [:], description: .init(source: .none, note: "--usage-source none: only the spec and pod status (OOM kills) were read"))
        }
        var notes: [String] = []
        if choice == .auto || choice == .prometheus {
            if let source = try await prometheus(request, client: client, notes: &notes) {
                return try await measure(source, request, notes: notes)
            }
        }
        if choice == .auto || choice == .metricsServer, let client {
            let source = MetricsServerUsageSource(client: client, sampler: sampler(request.usage))
            do {
                return try await measure(source, request, notes: notes)
            } catch UsageError.metricsServerUnavailable(let path, let status, let detail) where choice == .auto {
                notes.append("metrics-server is not available (\(path) answered \(status): \(detail))")
            }
        }
        // No client: --snapshot files, with no cluster to find Prometheus or metrics-server in.
        if client == nil { notes.append("offline (--snapshot): pass --prometheus-url to read usage") }
        let note = "no usage figures: " + notes.joined(separator: "; ")
        logger.warning("\(note); recommendations rest on the spec and on OOM kills in pod status only")
        return Measured(usage: [:], description: .init(source: .none, note: note))
    }

    /// The Prometheus to read: --prometheus-url, else one found through the API server. nil
    /// (with a note) when `auto` finds none.
    private func prometheus(_ request: Request, client: KubeClient?, notes: inout [String]) async throws -> (any UsageSource)? {
        let locator = PrometheusLocator(environment: environment, logger: logger)
        if let direct = try locator.direct(request.prometheus) { return PrometheusUsageSource(client: direct, logger: logger) }
        guard let client else { return nil }
        do {
            return PrometheusUsageSource(client: try await locator.discovered(through: client, namespace: request.namespace), logger: logger)
        } catch UsageError.prometheusNotFound(let namespace, let lookedFor) where request.usage.source == .auto {
            let scope = namespace.map { "in namespace \($0)" } ?? "in the cluster"
            notes.append("no Prometheus Service found \(scope) (looked for \(lookedFor.joined(separator: "; ")))")
            logger.info("no Prometheus found \(scope); trying metrics-server")
            return nil
        } catch let error as KubeError where error.httpStatus == 403 && request.usage.source == .auto {
            // RBAC that forbids listing Services hides Prometheus but not metrics-server.
            notes.append("cannot look for a Prometheus Service: \(error)")
            logger.warning("cannot list Services to find Prometheus (\(error)); trying metrics-server")
            return nil
        }
    }

    private func measure(_ source: any UsageSource, _ request: Request, notes: [String]) async throws -> Measured {
        let query = UsageQuery(
            workloads: request.workloads, end: Timestamp(environment.now()), historySeconds: request.usage.historySeconds,
            stepSeconds: request.usage.stepSeconds, cpuPercentiles: request.cpuPercentiles)
        logger.info("reading usage from \(source.label)")
        let usage = try await source.usage(for: query)
        let isPrometheus = source.kind == .prometheus
        return Measured(usage: usage, description: .init(
            source: source.kind, endpoint: source.label,
            historySeconds: isPrometheus ? request.usage.historySeconds : nil, stepSeconds: isPrometheus ? request.usage.stepSeconds : nil,
            note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
    }

    private func sampler(_ usage: UsageSettings) -> MetricsSampler {
        guard let window = usage.sampleSeconds else { return .single }
        logger.info("sampling metrics-server for \(DurationText.format(seconds: window)) every \(DurationText.format(seconds: usage.everySeconds))")
        return .over(.milliseconds(Int(window * 1000)), every: .milliseconds(Int(usage.everySeconds * 1000)))
    }
}
