import HealModel
import Testing
@testable import HealAnalysis

/// Checks that a name refers to a Secret that exists: pull Secrets of any pod owner, and the TLS
/// Secrets of Ingresses. Secrets are known by name only (read as metadata).
@Suite("Secret references: imagePullSecrets and Ingress TLS")
struct SecretReferenceTests {
    @Test("a mistyped pull Secret is renamed by a JSON patch to the Secret that exists, with the kubelet's warning as evidence")
    func pullSecretTypo() throws {
        let finding = try #require(try Scenario.findings("image-pull-secret", in: "image-pull-secret-missing").first)
        #expect(finding.code == "image-pull-secret-missing")
        #expect(finding.rootCause.contains("Secret regcred exists and may be the one meant for regcerd"))
        #expect(finding.remediation?.command == #"kubectl -n demo patch deployment/billing-worker --type=json -p '[{"op":"replace","path":"/spec/template/spec/imagePullSecrets/0/name","value":"regcred"}]'"#)
        #expect(finding.evidence.contains { $0.text == "Secrets in demo: regcred" })
        #expect(finding.evidence.contains { $0.text.contains("FailedToRetrieveImagePullSecret") })
        #expect(finding.confidence == 0.95)
    }

    @Test("without the Secrets read (RBAC, a cluster-info dump) the kubelet's FailedToRetrieveImagePullSecret names the missing one")
    func fromKubeletEvents() throws {
        let finding = try #require(try Scenario.findings("image-pull-secret", in: "image-pull-secret-missing") { snapshot in
            snapshot.collected.remove(.secrets)
            snapshot.secrets = []
        }.first)
        #expect(finding.symptom == "imagePullSecret regcerd not found")
        #expect(finding.confidence == 0.85)
        #expect(!finding.evidence.contains { $0.text.hasPrefix("Secrets in") })
        #expect(finding.remediation?.command?.hasPrefix("kubectl create secret docker-registry regcerd -n demo --docker-server=registry.example.com") == true)
        // Neither the Secrets nor the kubelet's word: nothing is guessed.
        #expect(try Scenario.findings("image-pull-secret", in: "image-pull-secret-missing") { snapshot in
            snapshot.collected.remove(.secrets)
            snapshot.events.removeAll { $0.reason == PullSecretAnalyzer.kubeletReason }
        }.isEmpty)
    }

    @Test("any pod owner: a CronJob's job template is patched at its own path")
    func cronJobTemplate() throws {
        let findings = try Scenario.findings("image-pull-secret", in: "cronjob-problems") { snapshot in
            let index = try #require(snapshot.cronJobs.firstIndex { $0.spec.suspend != true })
            snapshot.cronJobs[index].spec.jobTemplate?.spec?.template?.spec.imagePullSecrets = [NamedReference(name: "regcred")]
            snapshot.secrets = []
            snapshot.collected.insert(.secrets)
        }
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.resource.kind == "CronJob")
        #expect(finding.rootCause.hasPrefix("spec.jobTemplate.spec.template.spec.imagePullSecrets names Secret regcred"))
        #expect(finding.evidence.contains { $0.text == "Secrets in demo: none" })
    }

    @Test("the kubelet's message lists every Secret it could not retrieve")
    func kubeletMessage() {
        #expect(PullSecretAnalyzer.secretNames(in: "Unable to retrieve some image pull secrets (regcred, ghcr); attempting to pull the image may not succeed.") == ["regcred", "ghcr"])
        #expect(PullSecretAnalyzer.secretNames(in: "something else").isEmpty)
    }

    @Test("an Ingress TLS Secret that does not exist: the host is served with the default certificate")
    func ingressTLS() throws {
        let finding = try #require(try Scenario.findings("ingress", in: "ingress-tls-secret-missing").first)
        #expect(finding.code == "ingress-tls-secret-missing")
        #expect(finding.rootCause.contains("for shop.example.com with Secret shop-tls, which does not exist in namespace demo"))
        #expect(finding.evidence.contains { $0.text == "Secrets in demo: storefront-tls" })
        #expect(finding.remediation?.command == "kubectl create secret tls shop-tls -n demo --cert=<cert.pem> --key=<key.pem>")
    }

    @Test("with a cert-manager issuer annotation the advice is to find why the certificate was not issued")
    func certManager() throws {
        let finding = try #require(try Scenario.findings("ingress", in: "ingress-tls-secret-missing") { snapshot in
            snapshot.ingresses[0].metadata.annotations["cert-manager.io/cluster-issuer"] = "letsencrypt"
        }.first)
        #expect(finding.rootCause.contains("asks cert-manager to issue it"))
        #expect(finding.remediation?.command == "kubectl describe certificate shop-tls -n demo")
    }

    @Test("no TLS finding when the Secret exists, when no secretName is given, or when Secrets were not read")
    func ingressTLSQuiet() throws {
        #expect(try Scenario.findings("ingress", in: "ingress-tls-secret-missing") { snapshot in
            snapshot.ingresses[0].spec.tls[0].secretName = "storefront-tls"
        }.isEmpty)
        #expect(try Scenario.findings("ingress", in: "ingress-tls-secret-missing") { snapshot in
            snapshot.ingresses[0].spec.tls[0].secretName = nil
        }.isEmpty)
        #expect(try Scenario.findings("ingress", in: "ingress-tls-secret-missing") { $0.collected.remove(.secrets) }.isEmpty)
    }
}
