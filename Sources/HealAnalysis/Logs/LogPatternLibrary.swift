import Foundation

/// The crash causes recognisable in logs, most specific first: a JVM heap exhaustion or a
/// missing variable explains a crash better than the stack trace that follows it.
package enum LogPatternLibrary {
    package static let patterns: [LogPattern] = [
        jvmOutOfMemory, execFormat, missingEnvironment, connectionRefused, permissionDenied, missingFile, panic,
    ]

    /// The first pattern (in precedence order) that matches any line, with every matching line.
    package static func diagnose(_ lines: [String]) -> LogDiagnosis? {
        for pattern in patterns {
            let matches = lines.compactMap(pattern.matches)
            guard !matches.isEmpty else { continue }
            var subjects: [String] = []
            for subject in matches.flatMap(\.subjects) where !subjects.contains(subject) {
                subjects.append(subject)
            }
            return LogDiagnosis(code: pattern.code, subjects: subjects, lines: matches.map(\.line))
        }
        return nil
    }

    static let jvmOutOfMemory = LogPattern(
        code: "jvm-out-of-memory",
        summary: "The JVM ran out of heap, metaspace or native memory (java.lang.OutOfMemoryError).",
        examples: [
            "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
            "java.lang.OutOfMemoryError: Metaspace",
        ],
        counterExamples: ["INFO heap usage 512MB of 1024MB", "-XX:+ExitOnOutOfMemoryError set"],
        match: { line in
            guard let range = line.range(of: "java.lang.OutOfMemoryError") else { return nil }
            let detail = line[range.upperBound...].drop { $0 == ":" || $0 == " " }
            return LogMatch(line: line, subjects: detail.isEmpty ? [] : [String(detail)])
        })

    static let execFormat = LogPattern(
        code: "exec-format-error",
        summary: "The image's program was built for another CPU architecture (exec format error).",
        examples: ["exec /usr/local/bin/app: exec format error", "standard_init_linux.go:228: exec user process caused: exec format error"],
        counterExamples: ["formatting output", "exec /app/run.sh"],
        match: { line in
            guard line.contains("exec format error") else { return nil }
            let program = line.firstMatch(of: execFormatProgram).map { String($0.output.path) }
            return LogMatch(line: line, subjects: program.map { [$0] } ?? [])
        })

    static let missingEnvironment = LogPattern(
        code: "missing-env-vars",
        summary: "Required environment variables are empty or not set.",
        examples: [
            "MYSQL_HOST is: ",
            "ERROR: Missing required environment variables!",
            "environment variable DATABASE_URL is not set",
            "Error: DATABASE_URL must be set",
            "KeyError: 'SECRET_KEY'",
            "missing required environment variables: API_KEY, API_URL",
        ],
        counterExamples: ["MYSQL_HOST is: db.agentic-demo.svc", "Loaded 3 environment variables", "cache is not ready yet"],
        match: { line in
            let lowered = line.lowercased()
            guard line.contains("is:") || lowered.contains("env") || line.contains("KeyError")
                || ["must be set", "is not set", "is required", "is not defined", "is undefined", "is empty"].contains(where: lowered.contains)
            else { return nil }
            if let empty = line.firstMatch(of: emptyVariable) {
                return LogMatch(line: line, subjects: [String(empty.output.name)])
            }
            if let listed = line.firstMatch(of: listedMissingVariables) {
                let names = listed.output.names.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                return LogMatch(line: line, subjects: names.filter(isVariableName))
            }
            if line.contains(missingVariablesNotice) {
                return LogMatch(line: line, subjects: [])
            }
            if let named = line.firstMatch(of: namedMissingVariable) {
                return LogMatch(line: line, subjects: [String(named.output.name)])
            }
            if let bare = line.firstMatch(of: bareMissingVariable) {
                return LogMatch(line: line, subjects: [String(bare.output.name)])
            }
            if let key = line.firstMatch(of: pythonKeyError) {
                return LogMatch(line: line, subjects: [String(key.output.name)])
            }
            return nil
        })

    static let connectionRefused = LogPattern(
        code: "dependency-connection-refused",
        summary: "A service the application depends on refuses connections.",
        examples: [
            "dial tcp 10.96.12.7:5432: connect: connection refused",
            "Error: connect ECONNREFUSED 10.96.0.20:6379",
            "java.net.ConnectException: Connection refused",
            "psycopg2.OperationalError: could not connect to server: Connection refused",
        ],
        counterExamples: ["connection established to 10.96.12.7:5432", "retrying connection"],
        match: { line in
            guard line.lowercased().contains("connection refused") || line.contains("ECONNREFUSED") else { return nil }
            let target = line.firstMatch(of: connectionTarget)
                .map { String($0.output.target) }
            return LogMatch(line: line, subjects: target.map { [$0] } ?? [])
        })

    static let permissionDenied = LogPattern(
        code: "permission-denied",
        summary: "The process may not read or write a file it needs (permission denied).",
        examples: [
            "open /var/log/app/app.log: permission denied",
            "PermissionError: [Errno 13] Permission denied: '/data/cache'",
            "Error: EACCES: permission denied, mkdir '/app/tmp'",
        ],
        counterExamples: ["user admin denied access to report (HTTP 403 returned to client)"],
        match: { line in
            let lowered = line.lowercased()
            guard lowered.contains("permission denied") || line.contains("EACCES") || lowered.contains("operation not permitted") else { return nil }
            let path = line.firstMatch(of: absolutePath).map { String($0.output.path) }
            return LogMatch(line: line, subjects: path.map { [$0] } ?? [])
        })

    static let missingFile = LogPattern(
        code: "missing-file",
        summary: "A file or directory the application needs does not exist.",
        examples: [
            "Error: ENOENT: no such file or directory, open '/etc/app/config.yaml'",
            "FileNotFoundError: [Errno 2] No such file or directory: '/config/settings.json'",
            "open /etc/app/config.yaml: no such file or directory",
        ],
        counterExamples: ["config file /etc/app/config.yaml loaded"],
        match: { line in
            guard line.lowercased().contains("no such file or directory") || line.contains("ENOENT") || line.contains("FileNotFoundError") else { return nil }
            let path = line.firstMatch(of: absolutePath).map { String($0.output.path) }
            return LogMatch(line: line, subjects: path.map { [$0] } ?? [])
        })

    static let panic = LogPattern(
        code: "application-panic",
        summary: "The application crashed on an unhandled error (panic, uncaught exception, segfault).",
        examples: [
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "Traceback (most recent call last):",
            "Exception in thread \"main\" java.lang.NullPointerException",
            "Segmentation fault (core dumped)",
            "fatal error: all goroutines are asleep - deadlock!",
        ],
        counterExamples: ["recovered from panic in handler, continuing", "no exceptions today", "retrying after non-fatal error: timeout"],
        match: { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Go's runtime starts the line with these; elsewhere they are prose ("non-fatal error: …").
            let atStart = ["panic: ", "fatal error: "]
            let anywhere = ["Traceback (most recent call last)", "Exception in thread ", "Segmentation fault", "Unhandled exception", "UnhandledPromiseRejection"]
            guard atStart.contains(where: trimmed.hasPrefix) || anywhere.contains(where: trimmed.contains) else { return nil }
            return LogMatch(line: line, subjects: [trimmed])
        })

    private static func isVariableName(_ text: String) -> Bool {
        text.contains(variableName)
    }

    // Built once: a Swift regex literal evaluated in a function is rebuilt and recompiled on every call.
    nonisolated(unsafe) private static let execFormatProgram = #/exec (?<path>\/\S+): exec format error/#
    nonisolated(unsafe) private static let emptyVariable = #/^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s+is:\s*$/#
    nonisolated(unsafe) private static let listedMissingVariables = #/(?i)missing (?:required )?env(?:ironment)? var(?:iable)?s?\s*[:=]\s*(?<names>[A-Za-z0-9_, ]+)/#
    nonisolated(unsafe) private static let missingVariablesNotice = #/(?i)missing (?:required )?env(?:ironment)?(?: var(?:iable)?s?)?/#
    nonisolated(unsafe) private static let namedMissingVariable = #/(?i:environment variable|env var|env)\s+[`'"]?(?<name>[A-Z_][A-Z0-9_]*)[`'"]?\s+(?i:is\s+)?(?i:not set|unset|missing|required|undefined|empty|must be set)/#
    nonisolated(unsafe) private static let bareMissingVariable = #/\b(?<name>[A-Z][A-Z0-9]*_[A-Z0-9_]+)\s+(?:is not set|must be set|is required|is not defined|is undefined|is empty)/#
    nonisolated(unsafe) private static let pythonKeyError = #/KeyError: '(?<name>[A-Z_][A-Z0-9_]*)'/#
    nonisolated(unsafe) private static let connectionTarget = #/(?:dial tcp |ECONNREFUSED |connect to |Connection to )\[?(?<target>[A-Za-z0-9_.\-:]+?:\d+)\]?/#
    nonisolated(unsafe) private static let absolutePath = #/(?<path>\/[A-Za-z0-9_.\-\/]+)/#
    nonisolated(unsafe) private static let variableName = #/^[A-Za-z_][A-Za-z0-9_]*$/#
}
