// swift-tools-version: 6.0
// bench/sqs's peer: the smallest Hummingbird server (one route answering "hello"), built the
// way handson is measured. Its idle memory and request rate are the framework's own floor.
import PackageDescription

let package = Package(
    name: "hummingbird-hello",
    platforms: [.macOS(.v15)],
    dependencies: [.package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1")],
    targets: [
        .executableTarget(name: "hummingbird-hello", dependencies: [.product(name: "Hummingbird", package: "hummingbird")]),
    ]
)
