// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "kubectl-heal",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kubectl-heal", targets: ["kubectl-heal"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // `kubectl heal mcp`: the official Model Context Protocol SDK (its MCP library needs only
        // swift-system, swift-log and, on Apple platforms, EventSource; swift-nio is resolved for
        // the SDK's own conformance server and never built into kubectl-heal).
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    ],
    targets: [
        // libcurl, reached only through HealHTTP.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(
            name: "HealHTTP",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]
        ),
        // Narrow Kubernetes models and the ClusterSnapshot the analyzers read.
        .target(name: "HealModel"),
        // kube-apiserver's protobuf wire format, transcoded through the narrow schema generated
        // from proto/*.proto into the JSON the models decode.
        .target(name: "HealProtobuf", dependencies: ["HealModel"]),
        .target(
            name: "HealKube",
            dependencies: [
                "HealHTTP", "HealModel", "HealProtobuf",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "HealAnalysis", dependencies: ["HealModel"]),
        // Usage figures for right-sizing and costing: Prometheus (direct or through the API
        // server's service proxy) and metrics-server.
        .target(
            name: "HealUsage",
            dependencies: ["HealHTTP", "HealKube", "HealModel", "HealAnalysis", .product(name: "Logging", package: "swift-log")]
        ),
        // The optional LLM: OpenAI-compatible chat completions, anonymized prompts, answer cache,
        // explanations of findings and plans for incidents no rule covers.
        .target(
            name: "HealAdvisor",
            dependencies: ["HealHTTP", "HealModel", "HealAnalysis", .product(name: "Logging", package: "swift-log")]
        ),
        // The memory of fixes: learned patterns and the audit trail, in SQLite or a ConfigMap.
        .target(
            name: "HealStore",
            dependencies: ["HealKube", "HealModel", "HealAnalysis", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Changes to a cluster: failover (and, later, healing) with plans, dry runs, verification.
        .target(
            name: "HealActions",
            dependencies: [
                "HealKube", "HealAnalysis", "HealModel", "HealStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The use cases: plain request values in, report documents out. Every front end (the CLI,
        // the MCP server) calls these; nothing here parses flags or argv.
        .target(
            name: "HealApp",
            dependencies: [
                "HealHTTP", "HealKube", "HealAnalysis", "HealActions", "HealAdvisor", "HealModel", "HealStore", "HealUsage",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "HealCLI",
            dependencies: [
                "HealApp", "HealKube", "HealAnalysis", "HealActions", "HealAdvisor", "HealModel", "HealStore", "HealUsage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
            ]
        ),
        .executableTarget(
            name: "kubectl-heal",
            dependencies: ["HealApp", "HealCLI"]
        ),

        .target(
            name: "HealTestSupport",
            dependencies: ["HealModel", "HealProtobuf"],
            path: "Tests/HealTestSupport"
        ),
        .testTarget(name: "HealTestSupportTests", dependencies: ["HealTestSupport"]),
        .testTarget(name: "HealHTTPTests", dependencies: ["HealHTTP", "HealTestSupport"]),
        .testTarget(name: "HealModelTests", dependencies: ["HealModel", "HealTestSupport"]),
        .testTarget(name: "HealProtobufTests", dependencies: ["HealProtobuf", "HealTestSupport"]),
        .testTarget(
            name: "HealKubeTests",
            dependencies: [
                "HealKube", "HealHTTP", "HealModel", "HealProtobuf", "HealTestSupport",
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "HealStoreTests",
            dependencies: ["HealStore", "HealModel", "HealKube", "HealTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "HealAnalysisTests", dependencies: ["HealAnalysis", "HealModel", "HealKube", "HealTestSupport"]),
        .testTarget(
            name: "HealUsageTests",
            dependencies: [
                "HealUsage", "HealAnalysis", "HealApp", "HealKube", "HealHTTP", "HealModel", "HealTestSupport", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "HealAdvisorTests",
            dependencies: ["HealAdvisor", "HealAnalysis", "HealHTTP", "HealModel", "HealTestSupport"]
        ),
        .testTarget(name: "HealActionsTests", dependencies: ["HealActions", "HealAnalysis", "HealModel", "HealTestSupport"]),
        .testTarget(name: "HealAppTests", dependencies: ["HealApp", "HealAnalysis", "HealModel", "HealTestSupport"]),
        .testTarget(
            name: "HealCLITests",
            dependencies: [
                "HealApp", "HealCLI", "HealHTTP", "HealKube", "HealAnalysis", "HealActions", "HealAdvisor", "HealModel", "HealStore", "HealUsage", "HealTestSupport", .product(name: "Yams", package: "Yams"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            exclude: ["Snapshots"]
        ),
    ]
)
