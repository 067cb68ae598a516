// swift-tools-version: 6.0
import PackageDescription

/// What a service module may use: the kit, the data model, storage and digests.
let serviceDependencies: [Target.Dependency] = [
    "EmulatorKit", "HandsonAPI", "JSON",
    .product(name: "GRDB", package: "GRDB.swift"),
    .product(name: "Crypto", package: "swift-crypto"),
]

let package = Package(
    name: "handson",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "handson", targets: ["handson"]),
        .library(name: "LabKit", targets: ["LabKit"]),
        .library(name: "JMESPath", targets: ["JMESPath"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Debian's cmark-gfm: the parser GitHub itself uses, so labs read the same here and there.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "GFM", dependencies: ["CCmarkGFM"]),
        // JSONValue: the one data model of inputs, outputs, state and checks.
        .target(name: "JSON"),
        .target(name: "JMESPath", dependencies: ["JSON"]),
        .target(name: "TerminalMarkdown", dependencies: ["GFM"]),
        .target(name: "LabKit", dependencies: [
            "GFM", "JSON", "JMESPath", "TerminalMarkdown",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The AWS wire protocols, driven by trimmed botocore service models; knows no service logic.
        .target(name: "AWSWire", dependencies: ["JSON"], resources: [.copy("Models")]),
        // What every service builds on: errors, request context, virtual clock, call log, the
        // store (GRDB, group commit, named migrations), the policy evaluator, the input
        // accessor, the capability protocols services talk through, the service descriptor.
        // The emulator's own HTTP contract (`/_handson/…`), for its server and its clients.
        .target(name: "HandsonAPI"),
        .target(name: "EmulatorKit", dependencies: [
            "JSON",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], path: "Sources/EmulatorKit"),
        // One module per service: logic, its store and its migrations, on the kit only.
        .target(name: "SQS", dependencies: serviceDependencies, path: "Sources/Services/SQS"),
        .target(name: "IAM", dependencies: serviceDependencies, path: "Sources/Services/IAM"),
        .target(name: "STS", dependencies: serviceDependencies, path: "Sources/Services/STS"),
        .target(name: "Logs", dependencies: serviceDependencies, path: "Sources/Services/Logs"),
        .target(name: "Lambda", dependencies: serviceDependencies + [
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Sources/Services/Lambda", resources: [.copy("Runtime")]),
        // The registry (the one list of services), the emulator facade, snapshots.
        .target(name: "Emulator", dependencies: [
            "EmulatorKit", "JSON", "SQS", "IAM", "STS", "Logs", "Lambda",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The Hummingbird app gluing wire and services together.
        .target(name: "EmulatorServer", dependencies: [
            "AWSWire", "Emulator", "EmulatorKit", "HandsonAPI", "JSON", "JMESPath",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]),
        // The learner's loop and the instructor's test harness: progress, checks, the background emulator.
        .target(name: "Learning", dependencies: [
            "LabKit", "HandsonAPI", "JSON", "JMESPath",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        .executableTarget(name: "handson", dependencies: [
            "LabKit", "JSON", "TerminalMarkdown", "EmulatorServer", "Learning", "HandsonAPI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "GFMTests", dependencies: ["GFM"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JSON", "JMESPath"]),
        .testTarget(name: "TerminalMarkdownTests", dependencies: ["TerminalMarkdown"], resources: [.copy("Golden")]),
        .testTarget(name: "LabKitTests", dependencies: ["LabKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "LabKit", "JSON", "JMESPath"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AWSWireTests", dependencies: ["AWSWire", "JSON", "JMESPath"]),
        .testTarget(name: "EmulatorKitTests", dependencies: [
            "EmulatorKit", "JSON", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SQSTests", dependencies: ["SQS", "EmulatorKit", "JSON", "JMESPath", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "IAMTests", dependencies: ["IAM", "STS", "EmulatorKit", "JSON", "JMESPath"]),
        .testTarget(name: "LogsTests", dependencies: ["Logs", "EmulatorKit", "JSON", "JMESPath"]),
        .testTarget(name: "EmulatorTests", dependencies: [
            "Emulator", "EmulatorKit", "AWSWire", "LabKit", "Lambda", "JSON", "JMESPath",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Fixtures")]),
        // Seeded fuzzing of everything that reads untrusted input: a few seconds per target here,
        // long runs with `scripts/fuzz` (same tests, bigger budget from the environment).
        .testTarget(name: "FuzzTests", dependencies: [
            "AWSWire", "JSON", "JMESPath", "LabKit", "TerminalMarkdown", "EmulatorServer",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        // AWS's own protocol test suites (botocore's copy), read from ../shared, never vendored.
        .testTarget(name: "AWSProtocolTests", dependencies: ["AWSWire", "JSON"]),
        .testTarget(name: "EmulatorServerTests", dependencies: [
            "EmulatorServer", "AWSWire", "Emulator", "JSON", "JMESPath",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "SystemPackage", package: "swift-system"),
        ], resources: [.copy("Clients")]),
    ]
)
