// swift-tools-version: 6.0
import PackageDescription

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
        // Service logic and storage; knows nothing of HTTP.
        .target(name: "Emulator", dependencies: [
            "JSON",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], resources: [.copy("Services/Lambda/Runtime")]),
        // The Hummingbird app gluing wire and services together.
        .target(name: "EmulatorServer", dependencies: [
            "AWSWire", "Emulator", "JSON", "JMESPath",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]),
        // The learner's loop and the instructor's test harness: progress, checks, the background emulator.
        .target(name: "Learning", dependencies: [
            "LabKit", "JSON", "JMESPath",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "SystemPackage", package: "swift-system"),
        ]),
        .executableTarget(name: "handson", dependencies: [
            "LabKit", "JSON", "TerminalMarkdown", "EmulatorServer", "Learning",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "GFMTests", dependencies: ["GFM"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JSON", "JMESPath"]),
        .testTarget(name: "TerminalMarkdownTests", dependencies: ["TerminalMarkdown"], resources: [.copy("Golden")]),
        .testTarget(name: "LabKitTests", dependencies: ["LabKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "LabKit", "JSON", "JMESPath"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AWSWireTests", dependencies: ["AWSWire", "JSON", "JMESPath"]),
        // AWS's own protocol test suites (botocore's copy), read from ../shared, never vendored.
        .testTarget(name: "AWSProtocolTests", dependencies: ["AWSWire", "JSON"]),
        .testTarget(name: "EmulatorTests", dependencies: ["Emulator", "JSON", "JMESPath"]),
        .testTarget(name: "EmulatorServerTests", dependencies: [
            "EmulatorServer", "AWSWire", "Emulator", "JSON", "JMESPath",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Subprocess", package: "swift-subprocess"),
            .product(name: "SystemPackage", package: "swift-system"),
        ], resources: [.copy("Clients")]),
    ]
)
