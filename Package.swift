// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "handson",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "handson", targets: ["handson"]),
        .library(name: "LabKit", targets: ["LabKit"]),
        .library(name: "JMESPath", targets: ["JMESPath"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Debian's cmark-gfm: the parser GitHub itself uses, so labs read the same here and there.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "GFM", dependencies: ["CCmarkGFM"]),
        .target(name: "JMESPath"),
        .target(name: "TerminalMarkdown", dependencies: ["GFM"]),
        .target(name: "LabKit", dependencies: [
            "GFM", "JMESPath", "TerminalMarkdown",
            .product(name: "Yams", package: "Yams"),
        ]),
        .executableTarget(name: "handson", dependencies: [
            "LabKit", "TerminalMarkdown",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "GFMTests", dependencies: ["GFM"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JMESPath"]),
        .testTarget(name: "TerminalMarkdownTests", dependencies: ["TerminalMarkdown"], resources: [.copy("Golden")]),
        .testTarget(name: "LabKitTests", dependencies: ["LabKit"], resources: [.copy("Fixtures")]),
    ]
)
