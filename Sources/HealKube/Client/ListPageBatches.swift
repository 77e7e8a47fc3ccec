import Foundation
import HealProtobuf

/// One page of a list answer, JSON or protobuf: its metadata (resourceVersion, continue
/// token), read at once so the next page can be requested, and its items cut into batches of
/// at most `batchSize` whose JSON array is made only when the batch is decoded — sliced out of a
/// JSON body, or transcoded from a protobuf one — so decoding runs in parallel and memory
/// holds a few batches, not the whole list.
struct ListPageBatches: Sendable {
    struct Batch: Sendable {
        enum Wire: Sendable {
            case json
            case protobuf(KubeProtobuf.List)
        }

        var items: ArraySlice<Range<Int>>
        var body: Data
        var wire: Wire

        /// The page index of the batch's first item.
        var firstIndex: Int { items.startIndex }

        /// `[` + the batch's items as JSON + `]`.
        func jsonArray() throws(ProtoWireError) -> Data {
            switch wire {
            case .json: ListItems.array(of: items, in: body)
            case .protobuf(let list): try KubeProtobuf.jsonArray(of: items, in: body, list: list)
            }
        }
    }

    var metadata: ListPage<Never>.Metadata
    var batches: [Batch]

    /// nil for a JSON answer without top-level metadata (an odd answer the caller decodes whole).
    static func cut(_ body: Data, contentType: String?, batchSize: Int) throws(ProtoWireError) -> ListPageBatches? {
        if KubeProtobuf.isProtobuf(contentType: contentType) {
            let list = try KubeProtobuf.list(body)
            let metadata = (try? JSONDecoder().decode(ListPage<Never>.Metadata.self, from: list.metadata)) ?? ListPage<Never>.Metadata()
            return ListPageBatches(
                metadata: metadata,
                batches: slices(of: list.items, size: batchSize).map { Batch(items: $0, body: body, wire: .protobuf(list)) })
        }
        let layout = ListItems.layout(of: body)
        guard let metadata = layout.metadata else { return nil }
        return ListPageBatches(
            metadata: metadata, batches: slices(of: layout.items ?? [], size: batchSize).map { Batch(items: $0, body: body, wire: .json) })
    }

    /// Consecutive slices of at most `size` ranges; one empty slice for no items.
    private static func slices(of ranges: [Range<Int>], size: Int) -> [ArraySlice<Range<Int>>] {
        guard !ranges.isEmpty else { return [ranges[...]] }
        return stride(from: 0, to: ranges.count, by: size).map { ranges[$0..<min($0 + size, ranges.count)] }
    }
}
