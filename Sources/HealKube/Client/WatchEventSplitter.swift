import Foundation
import HealProtobuf

/// Cuts a watch stream into events, each as the JSON line `{"type":…,"object":…}`: JSON
/// watches are newline-delimited; protobuf watches are length-prefixed frames, transcoded here.
struct WatchEventSplitter {
    private var lines = LineSplitter()
    private var frames: KubeProtobuf.FrameSplitter?

    init(protobuf: Bool) {
        frames = protobuf ? KubeProtobuf.FrameSplitter() : nil
    }

    mutating func lines(in chunk: Data, request: RequestDescription) throws(KubeError) -> [Data] {
        guard frames != nil else { return lines.lines(in: chunk) }
        do {
            return try frames!.frames(in: chunk).map { frame throws(ProtoWireError) in try KubeProtobuf.watchEventJSON(frame) }
        } catch {
            throw .invalidResponse(detail: "protobuf watch event: \(error)", request: request)
        }
    }

    /// A final JSON event without its newline. A protobuf frame cut short is a broken
    /// connection, which the watch resumes from the last version it saw.
    mutating func remainder() -> Data? {
        frames == nil ? lines.remainder() : nil
    }
}
