// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ivr",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ivr", targets: ["ivr"]),
        .library(name: "Dialplan", targets: ["Dialplan"]),
    ],
    dependencies: [],
    targets: [
        // Text → model: config lexer, parser, diagnostics, patterns, substitution, expressions, functions.
        .target(name: "Dialplan"),
        // The command-line front end as a library, so tests can drive it without a subprocess.
        .target(name: "IVRCommand", dependencies: ["Dialplan"]),
        .executableTarget(name: "ivr", dependencies: ["IVRCommand"]),
        // `swift run -c release dialplan-bench`: parse/lint and expression throughput.
        .executableTarget(name: "dialplan-bench", dependencies: ["Dialplan"], path: "Sources/DialplanBenchmarks"),
        .testTarget(name: "DialplanTests", dependencies: ["Dialplan"], exclude: ["Corpus/expected-errors.txt"]),
        .testTarget(name: "IVRCommandTests", dependencies: ["IVRCommand", "Dialplan"]),
    ],
    swiftLanguageModes: [.v6]
)
