import Foundation
@testable import HealKube
import Testing

/// The byte ranges of a List's items, found without decoding them.
@Suite("ListItems splits a List's items without decoding them")
struct ListItemsTests {
    private func items(_ json: String) -> [String]? {
        let body = Data(json.utf8)
        return ListItems.layout(of: body).items?.map { String(decoding: body[$0], as: UTF8.self) }
    }

    @Test("objects after metadata, with nested arrays, escaped quotes and brackets inside strings")
    func typical() {
        let json = #"""
            {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"a]b"},
             "items": [ {"metadata":{"name":"a","labels":{"x":"[}"}},"spec":{"containers":[{"name":"c"}]}} ,
                        {"metadata":{"name":"b \"quoted\" ]"}} ]}
            """#
        #expect(items(json) == [
            #"{"metadata":{"name":"a","labels":{"x":"[}"}},"spec":{"containers":[{"name":"c"}]}}"#,
            #"{"metadata":{"name":"b \"quoted\" ]"}}"#,
        ])
    }

    @Test("an empty list, items before metadata, and a body without items")
    func edges() {
        #expect(items(#"{"metadata":{},"items":[]}"#) == [])
        #expect(items(#"{"items":[{"a":1},{"b":[2,3]}],"metadata":{"resourceVersion":"1"}}"#) == [#"{"a":1}"#, #"{"b":[2,3]}"#])
        #expect(items(#"{"kind":"Status","metadata":{},"message":"items"}"#) == nil)
        // A nested "items" key is not the list's.
        #expect(items(#"{"metadata":{"items":[1]},"items":[{"x":{"items":[5]}}]}"#) == [#"{"x":{"items":[5]}}"#])
    }

    @Test("a batch of ranges is a JSON array of those items")
    func batch() throws {
        let body = Data(#"{"items":[{"n":1},{"n":2},{"n":3}]}"#.utf8)
        let ranges = try #require(ListItems.layout(of: body).items)
        let array = ListItems.array(of: ranges[1...], in: body)
        #expect(String(decoding: array, as: UTF8.self) == #"[{"n":2},{"n":3}]"#)
    }
}
