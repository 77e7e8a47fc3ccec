import Foundation
@testable import HealAnalysis
import HealModel
import Testing

/// Workload analyzers on edited scenarios: the cases around the edges of what they report.
@Suite("Workload analyzers")
struct WorkloadAnalyzerTests {
    private func condition(_ json: String) throws -> Condition {
        try JSONDecoder().decode(Condition.self, from: Data(json.utf8))
    }

    @Test("a Deployment short of replicas names its pods that are not Ready and why")
    func unavailableExplainsItself() throws {
        let finding = try #require(try Scenario.findings("deployment", in: "deployment-unavailable").first)
        #expect(finding.code == "deployment-unavailable")
        #expect(finding.severity == .warning)
        #expect(finding.rootCause.contains("1 of 3 replicas available"))
        #expect(finding.rootCause.contains("readiness gate"))
        #expect(finding.pods?.count == 2)
    }

    @Test("a stuck rollout is reported as progress-deadline-exceeded, not also as unavailable, with a rollback to the serving revision")
    func deadlineInsteadOfUnavailable() throws {
        let found = try Scenario.findings("deployment", in: "deployment-progress-deadline")
        #expect(found.map(\.code) == ["progress-deadline-exceeded"])
        #expect(found.first?.remediation?.action == .rollback)
        #expect(found.first?.remediation?.command == "kubectl -n demo rollout undo deployment/recommendations --to-revision=1")
        #expect(found.first?.remediation?.safeToAutoApply == false)
    }

    @Test("a paused Deployment is not reported for its progress deadline")
    func pausedDeploymentHasNoDeadline() throws {
        let found = try Scenario.findings("deployment", in: "deployment-progress-deadline") { snapshot in
            snapshot.deployments[0].spec.paused = true
        }
        #expect(!found.map(\.code).contains("progress-deadline-exceeded"))
    }

    @Test("a rolling update above minimum availability and within its deadline is not a problem")
    func rollingUpdateIsNotUnavailable() throws {
        let progressing = try condition(#"{"type":"Progressing","status":"True","reason":"ReplicaSetUpdated"}"#)
        let available = try condition(#"{"type":"Available","status":"True","reason":"MinimumReplicasAvailable"}"#)
        let found = try Scenario.findings("deployment", in: "deployment-unavailable") { snapshot in
            snapshot.deployments[0].status?.conditions = [available, progressing]
        }
        #expect(found.isEmpty)
    }

    @Test("a Deployment scaled to 0 is never reported")
    func scaledToZero() throws {
        let found = try Scenario.findings("deployment", in: "deployment-unavailable") { snapshot in
            snapshot.deployments[0].spec.replicas = 0
        }
        #expect(found.isEmpty)
    }

    @Test("a ReplicaSet refused by quota quotes the quota and belongs to its Deployment")
    func replicaSetQuota() throws {
        let finding = try #require(try Scenario.findings("replicaset", in: "replicaset-quota-exceeded").first)
        #expect(finding.resource.kind == "ReplicaSet")
        #expect(finding.owner == ResourceRef(kind: "Deployment", namespace: "demo", name: "reports"))
        #expect(finding.rootCause.contains("ResourceQuota demo-quota is used up"))
        #expect(finding.evidence.contains { $0.source == .event && $0.count == 14 })
        #expect(finding.remediation?.command == "kubectl -n demo describe resourcequota/demo-quota")
    }

    @Test(
        "a webhook that cannot be called is named, with why, and the emergency way out",
        arguments: [
            (#"service "ingress-nginx-controller-admission" not found"#, "its Service ingress-nginx-controller-admission does not exist"),
            (#"no endpoints available for service "ingress-nginx-controller-admission""#, "its Service ingress-nginx-controller-admission has no ready endpoints"),
            (#"dial tcp 10.96.4.7:443: connect: connection refused"#, "its backend refuses connections"),
            (#"context deadline exceeded"#, "it does not answer in time"),
        ])
    func webhookUnreachable(detail: String, why: String) throws {
        let message = #"Error creating: Internal error occurred: failed calling webhook "validate.nginx.ingress.kubernetes.io": failed to call webhook: Post "https://ingress-nginx-controller-admission.ingress-nginx.svc:443/networking/v1/ingresses?timeout=10s": "# + detail
        let finding = try #require(try Scenario.findings("replicaset", in: "replicaset-quota-exceeded") { snapshot in
            for index in snapshot.events.indices where snapshot.events[index].reason == "FailedCreate" { snapshot.events[index].message = message }
        }.first)
        #expect(finding.rootCause.contains("admission webhook validate.nginx.ingress.kubernetes.io cannot be called (\(why)), so the API server refuses every object it intercepts"))
        #expect(finding.remediation?.summary.contains("failurePolicy to Ignore") == true)
    }

    @Test("a webhook that denies the pods is named with its message: who denied what, and what to change")
    func webhookDenied() throws {
        // The API server's wording for a denial (admission/plugin/webhook/errors: "admission webhook %q denied the request: %s").
        let message = #"Error creating: admission webhook "validation.gatekeeper.sh" denied the request: [k8srequiredlabels] you must provide labels: {"owner"}"#
        let finding = try #require(try Scenario.findings("replicaset", in: "replicaset-quota-exceeded") { snapshot in
            for index in snapshot.events.indices where snapshot.events[index].reason == "FailedCreate" { snapshot.events[index].message = message }
        }.first)
        #expect(finding.code == "replicaset-create-failed")
        #expect(finding.rootCause.contains(#"admission webhook validation.gatekeeper.sh denies the pods: [k8srequiredlabels] you must provide labels: {"owner"}"#), "\(finding.rootCause)")
        #expect(finding.remediation?.summary.contains("validation.gatekeeper.sh") == true, "\(finding.remediation?.summary ?? "")")
        #expect(finding.remediation?.summary.contains("failurePolicy") == false, "a denial is the webhook's answer, not an outage")
    }

    @Test("a StatefulSet and a DaemonSet quote the controller's FailedCreate refusal")
    func controllersQuoteRefusals() throws {
        let statefulSet = try #require(try Scenario.findings("statefulset", in: "statefulset-not-ready").first)
        #expect(statefulSet.rootCause.contains("2 of 3 replicas ready"))
        #expect(statefulSet.rootCause.contains("ResourceQuota demo-quota"))
        let daemonSet = try #require(try Scenario.findings("daemonset", in: "daemonset-not-ready").first)
        #expect(daemonSet.rootCause.contains("Pod Security admission (baseline:latest)"))
        #expect(daemonSet.severity == .warning)
    }

    @Test("a StatefulSet with no ready replica is critical")
    func statefulSetWithNothingReady() throws {
        let finding = try #require(try Scenario.findings("statefulset", in: "pvc-pending").first)
        #expect(finding.severity == .critical)
        #expect(finding.rootCause.contains("pod db-0 is not Ready: not scheduled"))
    }

    @Test("a failed Job names its attempts' exit codes and the last attempt's cause")
    func jobFailed() throws {
        let finding = try #require(try Scenario.findings("job", in: "job-backoff-limit").first)
        #expect(finding.severity == .critical)
        #expect(finding.rootCause.contains("gave up after 4 failed attempts (backoffLimit 3); every attempt exited 1"))
        #expect(finding.evidence.contains { $0.source == .log })
    }

    @Test("a CronJob's failed run is history once a later run completed")
    func supersededCronJobRun() throws {
        let complete = try condition(#"{"type":"Complete","status":"True"}"#)
        let found = try Scenario.findings("job", in: "job-backoff-limit") { snapshot in
            snapshot.jobs[0].metadata.ownerReferences = [OwnerReference(kind: "CronJob", name: "nightly-export")]
            var later = snapshot.jobs[0]
            later.metadata.name = "nightly-export-next"
            later.metadata.creationTimestamp = snapshot.jobs[0].metadata.creationTimestamp?.adding(seconds: 86_400)
            later.status?.conditions = [complete]
            snapshot.jobs.append(later)
        }
        #expect(found.isEmpty)
    }

    @Test("a StatefulSet's missing governing Service is reported only when Services were read, and not when it exists")
    func statefulSetServiceMissing() throws {
        let missing = try Scenario.findings("statefulset", in: "pvc-pending").filter { $0.code == "statefulset-service-missing" }
        #expect(missing.map(\.resource.name) == ["db"])
        #expect(missing.first?.rootCause.contains("db-0.db") == true, "\(missing.first?.rootCause ?? "")")
        let unread = try Scenario.findings("statefulset", in: "pvc-pending") { $0.collected.remove(.services) }
        #expect(!unread.contains { $0.code == "statefulset-service-missing" }, "no Services read: nothing to say")
        let present = try Scenario.findings("statefulset", in: "statefulset-not-ready")
        #expect(!present.contains { $0.code == "statefulset-service-missing" })
    }

    @Test("a Job that succeeded on a later attempt leaves its failed attempts as info, and is not job-failed")
    func jobSucceededAfterRetries() throws {
        let complete = try condition(#"{"type":"Complete","status":"True","reason":"CompletionsReached","message":"Reached expected number of succeeded pods"}"#)
        func succeed(_ snapshot: inout ClusterSnapshot) {
            for index in snapshot.jobs.indices {
                snapshot.jobs[index].status?.conditions = [complete]
                snapshot.jobs[index].status?.succeeded = 1
            }
        }
        let exits = try Scenario.findings("pod-exit", in: "job-backoff-limit", editing: succeed)
        #expect(!exits.isEmpty)
        #expect(exits.allSatisfy { $0.severity == .info && $0.rootCause.contains("succeeded on a later attempt") }, "\(exits.map(\.severity))")
        #expect(try Scenario.findings("job", in: "job-backoff-limit", editing: succeed).isEmpty)
        // An attempt killed for memory is history too, and no memory raise is offered to heal unattended.
        let oom = try Scenario.findings("pod-oom", in: "job-backoff-limit") { snapshot in
            succeed(&snapshot)
            for index in snapshot.pods.indices where snapshot.pods[index].status.phase == "Failed" {
                for container in snapshot.pods[index].status.containerStatuses.indices {
                    snapshot.pods[index].status.containerStatuses[container].state?.terminated?.reason = "OOMKilled"
                    snapshot.pods[index].status.containerStatuses[container].state?.terminated?.exitCode = 137
                }
            }
        }
        #expect(!oom.isEmpty && oom.allSatisfy { $0.severity == .info && $0.remediation?.safeToAutoApply != true }, "\(oom.map(\.severity))")
        #expect(try Scenario.findings("pod-exit", in: "job-backoff-limit").allSatisfy { $0.severity == .critical }, "a failed Job's attempts stay critical")
    }

    @Test("a suspended Job is job-suspended (info), with how long and how to resume it")
    func jobSuspended() throws {
        let suspended = try condition(#"{"type":"Suspended","status":"True","reason":"JobSuspended","message":"Job suspended","lastTransitionTime":"2026-11-21T20:00:00Z"}"#)
        let findings = try Scenario.findings("job", in: "job-backoff-limit") { snapshot in
            for index in snapshot.jobs.indices {
                snapshot.jobs[index].spec.suspend = true
                snapshot.jobs[index].status?.conditions = [suspended]
            }
        }
        #expect(findings.map(\.code) == ["job-suspended"])
        #expect(findings.first?.severity == .info)
        #expect(findings.first?.symptom == "suspended for 1h", "\(findings.first?.symptom ?? "")")
        #expect(findings.first?.remediation?.command?.contains(#""suspend":false"#) == true)
        // A suspended Job that has failed is a failed Job first.
        let failedToo = try Scenario.findings("job", in: "job-backoff-limit") { snapshot in
            for index in snapshot.jobs.indices { snapshot.jobs[index].spec.suspend = true }
        }
        #expect(failedToo.map(\.code) == ["job-failed"])
    }

    @Test("a standalone ReplicaSet short of ready replicas is replicaset-not-ready; a Deployment's is left to the Deployment")
    func standaloneReplicaSet() throws {
        let owned = try Scenario.findings("replicaset", in: "deployment-unavailable")
        #expect(!owned.contains { $0.code == "replicaset-not-ready" }, "owned by a Deployment: \(owned.map(\.code))")
        let standalone = try Scenario.findings("replicaset", in: "deployment-unavailable") { snapshot in
            snapshot.deployments = []
            for index in snapshot.replicaSets.indices { snapshot.replicaSets[index].metadata.ownerReferences = [] }
        }
        let notReady = standalone.filter { $0.code == "replicaset-not-ready" }
        #expect(!notReady.isEmpty)
        #expect(notReady.allSatisfy { $0.resource.kind == "ReplicaSet" && $0.rootCause.hasPrefix("ReplicaSet ") }, "\(notReady.map(\.rootCause))")
    }

    @Test("a status claiming ready pods with none matching is stale; a status claiming none is not; a DaemonSet's numberReady counts too")
    func staleStatus() throws {
        let finding = try #require(try Scenario.findings("workload-status", in: "workload-status-stale").first)
        #expect(finding.resource == ResourceRef(kind: "Deployment", namespace: "demo", name: "orders"))
        #expect(finding.rootCause.hasPrefix("The status of Deployment orders says 2 pods are ready, but no pod in namespace demo matches its selector app=orders"))

        #expect(try Scenario.findings("workload-status", in: "workload-status-stale") { snapshot in
            let index = snapshot.deployments.firstIndex { $0.metadata.name == "orders" }!
            snapshot.deployments[index].status?.readyReplicas = 0
        }.isEmpty)

        let daemon = try Scenario.findings("workload-status", in: "daemonset-not-ready") { snapshot in
            let selectors = snapshot.daemonSets.compactMap(\.spec.selector)
            snapshot.pods.removeAll { pod in selectors.contains { $0.matches(pod.metadata.labels) } }
            for index in snapshot.daemonSets.indices { snapshot.daemonSets[index].status?.numberReady = 1 }
        }
        #expect(daemon.map(\.code) == ["workload-status-stale"])
        #expect(daemon.first?.evidence.first?.text == "numberReady 1")
    }

    @Test("a CronJob's missed run is not reported while Forbid waits on an active Job, or within five minutes; a never-run CronJob counts from its creation; a controller event is the cause")
    func cronJobMissed() throws {
        func exportIndex(_ snapshot: ClusterSnapshot) throws -> Int { try #require(snapshot.cronJobs.firstIndex { $0.metadata.name == "report-export" }) }
        let finding = try #require(try Scenario.findings("cronjob", in: "cronjob-problems").first { $0.code == "cronjob-missed-schedule" })
        #expect(finding.rootCause.contains("its last run started at 2026-11-21T18:00:00Z, and the next run, due at 2026-11-21T18:15:00Z, has not started 2h45m later"))
        #expect(finding.remediation?.command == "kubectl -n demo create job report-export-manual --from=cronjob/report-export")

        let forbidden = try Scenario.findings("cronjob", in: "cronjob-problems") { snapshot in
            let index = try exportIndex(snapshot)
            snapshot.cronJobs[index].spec.concurrencyPolicy = "Forbid"
            snapshot.cronJobs[index].status?.active = [try JSONDecoder().decode(ObjectReference.self, from: Data(#"{"kind":"Job","namespace":"demo","name":"report-export-1"}"#.utf8))]
        }
        #expect(!forbidden.contains { $0.code == "cronjob-missed-schedule" })

        let justDue = try Scenario.findings("cronjob", in: "cronjob-problems") { snapshot in
            let index = try exportIndex(snapshot)
            // 20:45: the next run is due at 21:00, the snapshot's now.
            let previousRun = snapshot.referenceTime?.adding(seconds: -15 * 60)
            snapshot.cronJobs[index].status?.lastScheduleTime = previousRun
        }
        #expect(!justDue.contains { $0.code == "cronjob-missed-schedule" }, "due just now: the controller may still start it")

        let twoMinutesLate = try Scenario.findings("cronjob", in: "cronjob-problems") { snapshot in
            let index = try exportIndex(snapshot)
            let yesterday = snapshot.referenceTime?.adding(seconds: -86400 - 120)
            snapshot.cronJobs[index].spec.schedule = "58 20 * * *"
            snapshot.cronJobs[index].status?.lastScheduleTime = yesterday
        }
        #expect(!twoMinutesLate.contains { $0.code == "cronjob-missed-schedule" }, "due at 20:58, two minutes before now")

        let withDeadline = try Scenario.findings("cronjob", in: "cronjob-problems") { snapshot in
            let index = try exportIndex(snapshot)
            let digest = try #require(snapshot.events.first { $0.reason == "UnknownTimeZone" })
            var missed = digest
            missed.reason = "MissSchedule"
            missed.message = "Missed scheduled time to start a job: Sat, 21 Nov 2026 20:45:00 +0000"
            missed.regarding.name = "report-export"
            snapshot.events.append(missed)
            snapshot.cronJobs[index].spec.startingDeadlineSeconds = 300
        }
        #expect(!withDeadline.contains { $0.code == "cronjob-missed-schedule" }, "the controller marked the run missed itself: alive, skipping on purpose")

        let noZone = try Scenario.findings("cronjob", in: "cronjob-problems") { snapshot in
            let index = try exportIndex(snapshot)
            // 14:00Z today: "0 16 * * *" run by a controller two hours ahead of UTC.
            let today = snapshot.referenceTime?.adding(seconds: -7 * 3600)
            snapshot.cronJobs[index].spec.schedule = "0 16 * * *"
            snapshot.cronJobs[index].status?.lastScheduleTime = today
        }
        #expect(!noZone.contains { $0.code == "cronjob-missed-schedule" }, "the last run was not at a UTC time of the schedule: the controller's zone is unknown, so 16:00Z passing proves nothing")

        let never = try #require(try Scenario.findings("cronjob", in: "cronjob-problems") { snapshot in
            let index = try exportIndex(snapshot)
            snapshot.cronJobs[index].status?.lastScheduleTime = nil
        }.first { $0.code == "cronjob-missed-schedule" })
        #expect(never.rootCause.contains("it has never run since it was created at"))
    }

    @Test("invalid is the controller's word (its UnknownTimeZone event), not this reader's; a CronJob's failed Job is job-failed, owned by the CronJob")
    func cronJobZoneAndFailedRun() throws {
        let invalid = try #require(try Scenario.findings("cronjob", in: "cronjob-problems").first { $0.code == "cronjob-invalid-schedule" })
        #expect(invalid.resource.name == "digest")
        #expect(invalid.rootCause == "CronJob digest does not run: the cronjob controller cannot use its schedule (UnknownTimeZone: invalid timeZone: \"America/Ciudad_Juarez\": unknown time zone America/Ciudad_Juarez).")
        let unreadable = try Scenario.findings("cronjob", in: "cronjob-problems") { snapshot in
            let index = try #require(snapshot.cronJobs.firstIndex { $0.metadata.name == "hourly-sync" })
            snapshot.cronJobs[index].spec.timeZone = "Mars/Olympus"
            snapshot.cronJobs[index].status?.lastScheduleTime = nil
        }
        #expect(!unreadable.contains { $0.resource.name == "hourly-sync" }, "a zone this machine does not know, with no event from the controller: unjudged")

        let failed = try #require(try Scenario.findings("job", in: "job-backoff-limit") { snapshot in
            snapshot.jobs[0].metadata.ownerReferences = [OwnerReference(kind: "CronJob", name: "nightly-export")]
        }.first)
        #expect(failed.code == "job-failed")
        #expect(failed.owner == ResourceRef(kind: "CronJob", namespace: "demo", name: "nightly-export"))
    }

    @Test("a volumeClaimTemplate on a StorageClass that does not exist: the StatefulSet is told, with its Pending claim and the provisioner's event")
    func volumeClaimTemplateClass() throws {
        let finding = try #require(try Scenario.findings("statefulset", in: "pvc-pending").first { $0.code == "statefulset-storage-class-missing" })
        #expect(finding.rootCause.hasPrefix("volumeClaimTemplate data asks for StorageClass fast-ssd, which does not exist"))
        #expect(finding.rootCause.contains("data-db-0 is Pending now"))
        #expect(finding.evidence.contains { $0.text.contains(#"storageclass.storage.k8s.io "fast-ssd" not found"#) })
        #expect(finding.remediation?.summary.contains("--cascade=orphan") == true)
    }

    @Test("no class finding when the class exists, is named by the beta annotation and exists, is \"\" (a volume made by hand), or classes were not read")
    func volumeClaimTemplateClassQuiet() throws {
        func classFindings(_ edit: (inout ClusterSnapshot) -> Void) throws -> [Finding] {
            try Scenario.findings("statefulset", in: "pvc-pending") { edit(&$0) }.filter { $0.code == "statefulset-storage-class-missing" }
        }
        #expect(try classFindings { $0.statefulSets[0].spec.volumeClaimTemplates[0].spec?.storageClassName = "standard" }.isEmpty)
        #expect(try classFindings { $0.statefulSets[0].spec.volumeClaimTemplates[0].spec?.storageClassName = "" }.isEmpty)
        #expect(try classFindings { $0.collected.remove(.storageClasses) }.isEmpty)
        #expect(try classFindings {
            $0.statefulSets[0].spec.volumeClaimTemplates[0].metadata.annotations["volume.beta.kubernetes.io/storage-class"] = "standard"
        }.isEmpty)
        #expect(try classFindings {
            $0.statefulSets[0].spec.volumeClaimTemplates[0].spec?.storageClassName = "standard"
            $0.statefulSets[0].spec.volumeClaimTemplates[0].metadata.annotations["volume.beta.kubernetes.io/storage-class"] = "fast-ssd"
        }.count == 1, "the annotation wins over the field, as in the PV controller")
    }

    @Test("a StatefulSet during a rolling update, one replica between its old pod and its new one, is not reported; a second missing one is")
    func statefulSetRollingUpdate() throws {
        func rolling(ready: Int) -> (inout ClusterSnapshot) -> Void {
            { snapshot in
                snapshot.events.removeAll { $0.reason == "FailedCreate" }
                snapshot.statefulSets[0].status?.readyReplicas = ready
                snapshot.statefulSets[0].status?.updateRevision = "web-5f8d7c9b6d"
            }
        }
        #expect(try Scenario.findings("statefulset", in: "statefulset-not-ready", editing: rolling(ready: 2)).isEmpty)
        let stalled = try Scenario.findings("statefulset", in: "statefulset-not-ready", editing: rolling(ready: 1))
        #expect(stalled.map(\.code) == ["statefulset-not-ready"])
        // The same gap without a new revision is a missing replica.
        #expect(try Scenario.findings("statefulset", in: "statefulset-not-ready") { $0.events.removeAll { $0.reason == "FailedCreate" } }
            .map(\.code) == ["statefulset-not-ready"])
    }

    @Test("a StatefulSet's claims are <template>-<name>-<ordinal>: another StatefulSet's that shares the prefix are not its")
    func claimNames() {
        #expect(StatefulSetAnalyzer.isClaim("data-web-0", of: "data", statefulSet: "web"))
        #expect(StatefulSetAnalyzer.isClaim("data-web-12", of: "data", statefulSet: "web"))
        #expect(!StatefulSetAnalyzer.isClaim("data-web-canary-0", of: "data", statefulSet: "web"))
        #expect(!StatefulSetAnalyzer.isClaim("data-web-", of: "data", statefulSet: "web"))
    }
}
