// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ivr",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ivr", targets: ["ivr"]),
        .library(name: "Dialplan", targets: ["Dialplan"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: [],
    targets: [
        // Text → model: config lexer, parser, diagnostics, patterns, substitution, expressions, functions.
        .target(name: "Dialplan"),
        // SQLite from Debian's libsqlite3-dev, for the AstDB.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Runs a dialplan for one call: PBX loop, applications, channel functions, AGI, AstDB, trace and records.
        .target(name: "Engine", dependencies: ["Dialplan", "CSQLite"]),
        // The command-line front end as a library, so tests can drive it without a subprocess.
        .target(name: "IVRCommand", dependencies: ["Dialplan", "Engine"]),
        .executableTarget(name: "ivr", dependencies: ["IVRCommand"]),
        // `swift run -c release dialplan-bench`: parse/lint and expression throughput.
        .executableTarget(name: "dialplan-bench", dependencies: ["Dialplan"], path: "Sources/DialplanBenchmarks"),
        // `swift run -c release engine-bench`: calls per second through a menu, heap per call.
        .executableTarget(name: "engine-bench", dependencies: ["Dialplan", "Engine"], path: "Sources/EngineBenchmarks"),
        .testTarget(name: "DialplanTests", dependencies: ["Dialplan"], exclude: ["Corpus/expected-errors.txt"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Dialplan"]),
        .testTarget(name: "IVRCommandTests", dependencies: ["IVRCommand", "Dialplan"]),
    ],
    swiftLanguageModes: [.v6]
)
