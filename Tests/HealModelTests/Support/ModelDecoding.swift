import Foundation
import HealModel
import HealTestSupport

/// Decodes a model from JSON written inline in a test, as the API server would send it.
func decode<Model: Decodable>(_ json: String, as type: Model.Type = Model.self) throws -> Model {
    try JSONDecoder().decode(Model.self, from: Data(json.utf8))
}

/// The `items` of a Kubernetes List.
struct ListPage<Item: Decodable>: Decodable {
    var items: [Item]
}

/// The items of a captured List under `k8s-v1.36/api-paths`, e.g. `api/v1/nodes.json`.
func capturedItems<Item: Decodable>(_ path: String, as type: Item.Type = Item.self) throws -> [Item] {
    let data = try Data(contentsOf: Fixtures.capturedAPIPaths.appending(path: path))
    return try JSONDecoder().decode(ListPage<Item>.self, from: data).items
}
