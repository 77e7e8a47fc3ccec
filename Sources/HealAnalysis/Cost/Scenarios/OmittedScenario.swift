/// A scenario that could not be priced, and why.
package struct OmittedScenario: Sendable, Equatable, Encodable {
    package var id: ScenarioID
    package var title: String
    package var reason: String

    package init(id: ScenarioID, reason: String) {
        self.id = id
        self.title = id.title
        self.reason = reason
    }
}
