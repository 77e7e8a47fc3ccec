import HealAnalysis
import HealKube
import Logging

/// The 409s one step met and retried: logged as they happen, counted for the report.
final class ConflictCounter {
    private(set) var count = 0

    /// Conflicts met by a part of the step that counted on its own (a detached restore).
    func add(_ count: Int) {
        self.count += count
    }

    func note(_ error: KubeError, object: ResourceRef, logger: Logger) {
        count += 1
        logger.info("409 Conflict writing \(object.typeAndName) (it changed since it was read, usually by the controller's status writes); reading it again")
    }
}
