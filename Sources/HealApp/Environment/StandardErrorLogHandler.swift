import Logging

/// Log lines on stderr as a CLI user expects them: "warning: …", "debug: …", no timestamps or
/// labels (those help daemons, not people reading a terminal).
package struct StandardErrorLogHandler: LogHandler {
    let sink: any OutputSink
    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        sink.write("\(event.level == .warning ? "warning" : event.level.rawValue): \(event.message)\n")
    }

    package static func logger(_ label: String, sink: any OutputSink, level: Logger.Level) -> Logger {
        Logger(label: label) { _ in StandardErrorLogHandler(sink: sink, logLevel: level) }
    }
}
