import Foundation
import HealAnalysis
import HealModel
import Testing

/// Edges of a pod's life that must not read as problems (or not as big ones): the start-up
/// window, an OOM kill long ago, pods ended by their node.
@Suite("Pod lifecycle edges")
struct PodLifecycleEdgeTests {
    @Test("readiness failures inside the probe's start-up window are info pod-starting, not readiness-probe-failing")
    func readinessInsideStartupWindow() throws {
        let now = try Scenario("readiness-probe-failing").now
        let findings = try Scenario.findings("pod-readiness", in: "readiness-probe-failing") { snapshot in
            for index in snapshot.pods.indices {
                snapshot.pods[index].status.containerStatuses[0].state?.running?.startedAt = now.adding(seconds: -5)
            }
        }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.code == "pod-starting" && $0.severity == .info })
        #expect(findings.allSatisfy { $0.evidence.contains { $0.source == .event } }, "the probe failure stays as evidence")
    }

    @Test("an OOM kill more than a day ago is history: info, and its memory bump is not applied automatically")
    func oldOOMKill() throws {
        let now = try Scenario("oom-restarted").now
        let findings = try Scenario.findings("pod-oom", in: "oom-restarted") { snapshot in
            for index in snapshot.pods.indices where snapshot.pods[index].status.containerStatuses[0].lastState?.terminated != nil {
                snapshot.pods[index].status.containerStatuses[0].lastState?.terminated?.finishedAt = now.adding(seconds: -50 * 86_400)
            }
        }
        let finding = try #require(findings.first)
        #expect(finding.severity == .info)
        #expect(finding.remediation?.safeToAutoApply == false)
    }

    @Test("a pod a node shutdown ended is reported like an eviction, never as a failed container")
    func nodeShutdown() throws {
        func edit(_ snapshot: inout ClusterSnapshot) {
            for index in snapshot.pods.indices where snapshot.pods[index].status.reason == "Evicted" && snapshot.pods[index].metadata.name.hasPrefix("cache-warmer") {
                snapshot.pods[index].status.reason = "Terminated"
                snapshot.pods[index].status.message = "Pod was terminated in response to imminent node shutdown."
            }
        }
        let evictions = try Scenario.findings("pod-eviction", in: "evicted", editing: edit).filter { $0.workload.name == "cache-warmer" }
        #expect(evictions.map(\.code) == ["evicted"])
        #expect(evictions[0].rootCause.contains("node shutdown"))
        #expect(try Scenario.findings("pod-exit", in: "evicted", editing: edit).isEmpty)
    }

    @Test(
        "an eviction for disk gets ephemeral-storage advice, one for memory memory advice, and the kubelet's message ends its sentence",
        arguments: [
            ("Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ", "ephemeral-storage requests and limits"),
            (#"Container cache-warmer exceeded its local ephemeral storage limit "512Mi". "#, "ephemeral-storage requests and limits"),
            (#"Usage of EmptyDir volume "scratch" exceeds the limit "1Gi". "#, "ephemeral-storage requests and limits"),
            ("The node was low on resource: ephemeral-storage. Threshold quantity: 4Gi, available: 3820308Ki. ", "ephemeral-storage requests and limits"),
            ("The node had condition: [DiskPressure]. ", "ephemeral-storage requests and limits"),
            ("The node was low on resource: memory. Threshold quantity: 100Mi, available: 89632Ki. ", "memory requests that match real usage"),
            ("The node was low on resource: pids. ", "how many processes"),
            // A container's name that says "ephemeral" does not make a memory eviction a disk one.
            ("The node was low on resource: memory. Threshold quantity: 100Mi, available: 89632Ki. Container ephemeral-cache was using 300Mi, request is 0, has larger consumption of memory. ", "memory requests that match real usage"),
        ])
    func evictionAdvice(message: String, advice: String) throws {
        let findings = try Scenario.findings("pod-eviction", in: "evicted") { snapshot in
            for index in snapshot.pods.indices where snapshot.pods[index].status.reason == "Evicted" && snapshot.pods[index].metadata.name.hasPrefix("cache-warmer") {
                snapshot.pods[index].status.message = message
            }
        }.filter { $0.workload.name == "cache-warmer" }
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        let summary = try #require(finding.remediation?.summary)
        #expect(summary.contains(advice), "\(summary)")
        #expect(finding.rootCause.contains(". Evicted pods stay listed") && !finding.rootCause.contains(".."), "\(finding.rootCause)")
        if advice != "memory requests that match real usage" { #expect(!summary.contains("memory"), "\(summary)") }
    }

    @Test("an eviction without a message still reads as sentences")
    func evictionWithoutMessage() throws {
        let findings = try Scenario.findings("pod-eviction", in: "evicted") { snapshot in
            for index in snapshot.pods.indices where snapshot.pods[index].status.reason == "Evicted" { snapshot.pods[index].status.message = nil }
        }.filter { $0.workload.name == "cache-warmer" }
        #expect(findings.first?.rootCause == "The kubelet evicted the pod: no reason given. Evicted pods stay listed until deleted.")
    }

    @Test("ErrImageNeverPull: the image must be preloaded or the pull policy changed — no registry or credentials advice")
    func imageNeverPulled() throws {
        let findings = try Scenario.findings("image-pull", in: "image-pull-auth") { snapshot in
            for index in snapshot.pods.indices {
                for container in snapshot.pods[index].status.containerStatuses.indices
                where snapshot.pods[index].status.containerStatuses[container].state?.waiting != nil {
                    let image = snapshot.pods[index].status.containerStatuses[container].image ?? ""
                    // The kubelet's wording (pkg/kubelet/images/image_manager.go).
                    snapshot.pods[index].status.containerStatuses[container].state?.waiting?.reason = "ErrImageNeverPull"
                    snapshot.pods[index].status.containerStatuses[container].state?.waiting?.message =
                        "Container image \"\(image)\" is not present with pull policy of Never"
                }
            }
        }
        #expect(findings.map(\.code) == ["image-never-pulled"])
        let finding = try #require(findings.first)
        let summary = try #require(finding.remediation?.summary)
        #expect(summary.contains("Preload") && summary.contains("imagePullPolicy to IfNotPresent"), "\(summary)")
        #expect(!summary.contains("secret") && !summary.contains("access from the nodes"), "\(summary)")
        #expect(finding.rootCause.contains("imagePullPolicy is Never") && finding.rootCause.contains("is not present with pull policy of Never"), "\(finding.rootCause)")
    }

    @Test("a pod whose sandbox cannot be created is pod-sandbox-failed, said as the sandbox, not as ContainerCreating or a volume")
    func sandboxNotCreated() throws {
        let findings = try Scenario.findings("pod-creating", in: "container-creating-stuck") { snapshot in
            for index in snapshot.events.indices where snapshot.events[index].reason == "FailedMount" {
                // The kubelet's wording (kuberuntime_manager.go: "Failed to create pod sandbox: %v"), a CNI plugin's error.
                snapshot.events[index].reason = "FailedCreatePodSandBox"
                snapshot.events[index].message = #"Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "4f0c9a": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized"#
            }
        }
        #expect(findings.map(\.code) == ["pod-sandbox-failed"])
        let finding = try #require(findings.first)
        #expect(finding.symptom.hasPrefix("pod sandbox not created for"), "\(finding.symptom)")
        #expect(finding.rootCause.contains("sandbox") && finding.rootCause.contains("plugin type=\"calico\" failed"), "\(finding.rootCause)")
        #expect(!finding.rootCause.contains("ContainerCreating"))
        #expect(finding.remediation?.summary.contains("CNI plugin") == true)
    }

    @Test("a volume that cannot be attached is volume-mount-failed, and so is one that cannot be mounted")
    func volumeNotAttached() throws {
        let mounted = try Scenario.findings("pod-creating", in: "container-creating-stuck")
        #expect(mounted.map(\.code) == ["volume-mount-failed"])
        #expect(mounted.first?.rootCause.contains(#"secret "api-tls" not found"#) == true || mounted.first?.rootCause.contains("unmounted volumes=[tls]") == true)
        let attached = try Scenario.findings("pod-creating", in: "container-creating-stuck") { snapshot in
            for index in snapshot.events.indices where snapshot.events[index].reason == "FailedMount" {
                // The attach/detach controller's wording (reconciler.go), as the kubelet's pod sees it.
                snapshot.events[index].reason = "FailedAttachVolume"
                snapshot.events[index].message = #"Multi-Attach error for volume "pvc-1f7c" Volume is already exclusively attached to one node and can't be attached to another"#
            }
        }
        #expect(attached.map(\.code) == ["volume-mount-failed"])
        #expect(attached.first?.rootCause.contains("cannot be attached") == true, "\(attached.first?.rootCause ?? "")")
    }

    @Test("a pod held by scheduling gates is scheduling-gated, with the gates and how long they have held it: info at first, a warning after five minutes")
    func schedulingGated() throws {
        let now = try Scenario("unschedulable-cpu").now
        func gate(heldFor seconds: Double) -> (inout ClusterSnapshot) throws -> Void {
            { snapshot in
                let gate = try JSONDecoder().decode(NamedReference.self, from: Data(#"{"name":"kueue.x-k8s.io/admission"}"#.utf8))
                for index in snapshot.pods.indices {
                    snapshot.pods[index].spec.schedulingGates = [gate]
                    for condition in snapshot.pods[index].status.conditions.indices where snapshot.pods[index].status.conditions[condition].type == "PodScheduled" {
                        // The API server's wording (pkg/registry/core/pod/strategy.go).
                        snapshot.pods[index].status.conditions[condition].reason = "SchedulingGated"
                        snapshot.pods[index].status.conditions[condition].message = "Scheduling is blocked due to non-empty scheduling gates"
                        snapshot.pods[index].status.conditions[condition].lastTransitionTime = now.adding(seconds: -seconds)
                    }
                }
                snapshot.events.removeAll { $0.reason == "FailedScheduling" }
            }
        }
        let long = try Scenario.findings("pod-scheduling", in: "unschedulable-cpu", editing: gate(heldFor: 1800))
        #expect(long.map(\.code) == ["scheduling-gated"])
        let finding = try #require(long.first)
        #expect(finding.severity == .warning)
        #expect(finding.symptom == "Pending: held by 1 scheduling gate (kueue.x-k8s.io/admission) for 30m", "\(finding.symptom)")
        #expect(finding.remediation?.summary.contains("/spec/schedulingGates") == true)

        let young = try Scenario.findings("pod-scheduling", in: "unschedulable-cpu", editing: gate(heldFor: 60))
        #expect(young.map(\.severity) == [.info])
    }

    @Test("a crash loop the kubelet causes by killing containers whose postStart hook fails is post-start-hook-failed")
    func postStartHookKills() throws {
        let findings = try Scenario.findings("pod-crash-loop", in: "crashloop-unknown") { snapshot in
            // The kubelet's event (kuberuntime_container.go: it leaves the hook's output out, so no secret leaks).
            let backOff = try #require(snapshot.events.first { $0.reason == "BackOff" })
            var hook = backOff
            hook.metadata.name += ".hook"
            hook.reason = "FailedPostStartHook"
            hook.message = "PostStartHook failed"
            snapshot.events.append(hook)
        }
        #expect(findings.map(\.code) == ["post-start-hook-failed"])
        #expect(findings.first?.rootCause.contains("postStart hook fails, so the kubelet kills the container") == true, "\(findings.first?.rootCause ?? "")")
        #expect(findings.first?.remediation?.summary.contains("postStart hook") == true)
    }

    @Test("PreStartHookError and PostStartHookError waiting containers are their hooks' findings, not the runtime's", arguments: [
        ("PreStartHookError", "pre-start-hook-failed", "pre-start step"),
        ("PostStartHookError", "post-start-hook-failed", "postStart hook fails"),
    ])
    func hookWaiting(reason: String, code: String, words: String) throws {
        let edit: (inout ClusterSnapshot) -> Void = { snapshot in
            for index in snapshot.pods.indices {
                for container in snapshot.pods[index].status.containerStatuses.indices
                where snapshot.pods[index].status.containerStatuses[container].state?.waiting != nil {
                    snapshot.pods[index].status.containerStatuses[container].state?.waiting?.reason = reason
                    snapshot.pods[index].status.containerStatuses[container].state?.waiting?.message = "hook failed"
                }
            }
        }
        let findings = try Scenario.findings("container-start", in: "run-container-error", editing: edit)
        #expect(findings.map(\.code) == [code])
        #expect(findings.first?.rootCause.contains(words) == true, "\(findings.first?.rootCause ?? "")")
        #expect(try Scenario.findings("pod-crash-loop", in: "run-container-error", editing: edit).isEmpty, "reported once, by container-start")
    }

    @Test("a failed pod that should run for ever (restartPolicy Always) is not a failed run-to-completion container")
    func failedLongRunningPod() throws {
        let findings = try Scenario.findings("pod-exit", in: "non-zero-exit") { snapshot in
            for index in snapshot.pods.indices { snapshot.pods[index].spec.restartPolicy = "Always" }
        }
        #expect(findings.isEmpty)
    }

    @Test("metrics missing for less than two minutes (an HPA just created or its pods starting) are not reported")
    func hpaGrace() throws {
        let now = try Scenario("hpa-metrics-unavailable").now
        let findings = try Scenario.findings("hpa", in: "hpa-metrics-unavailable") { snapshot in
            for index in snapshot.horizontalPodAutoscalers.indices {
                for condition in snapshot.horizontalPodAutoscalers[index].status?.conditions.indices ?? 0..<0 {
                    snapshot.horizontalPodAutoscalers[index].status?.conditions[condition].lastTransitionTime = now.adding(seconds: -30)
                }
            }
        }
        #expect(findings.isEmpty)
    }

    @Test("a claim waiting for its first consumer, whose pod is unschedulable for other reasons, is not pvc-pending")
    func waitForFirstConsumer() throws {
        let findings = try Scenario.findings("pvc", in: "pvc-pending") { snapshot in
            snapshot.events.removeAll { $0.reason == "ProvisioningFailed" }
            // standard: the cluster's WaitForFirstConsumer class.
            snapshot.persistentVolumeClaims[0].spec?.storageClassName = "standard"
            for index in snapshot.pods.indices {
                for condition in snapshot.pods[index].status.conditions.indices where snapshot.pods[index].status.conditions[condition].type == "PodScheduled" {
                    snapshot.pods[index].status.conditions[condition].message =
                        "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."
                }
            }
        }
        #expect(findings.isEmpty)
    }
}
