// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ivr",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ivr", targets: ["ivr"]),
        .library(name: "Dialplan", targets: ["Dialplan"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "Audio", targets: ["Audio"]),
        .library(name: "Channels", targets: ["Channels"]),
        .library(name: "Replay", targets: ["Replay"]),
        .library(name: "Insights", targets: ["Insights"]),
    ],
    dependencies: [],
    targets: [
        // Text → model: config lexer, parser, diagnostics, patterns, substitution, expressions, functions.
        .target(name: "Dialplan"),
        // SQLite from Debian's libsqlite3-dev, for the AstDB.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // Runs a dialplan for one call: PBX loop, applications, channel functions, AGI, AstDB, trace and records.
        .target(name: "Engine", dependencies: ["Dialplan", "CSQLite"]),
        // libsndfile from Debian's libsndfile1-dev, for reading and writing audio files.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        // Samples in and out: WAV through libsndfile, G.711, resampling, DTMF detection and generation, prompts.
        .target(name: "Audio", dependencies: ["CSndFile"]),
        // How calls meet the world beyond the scripted channel: the audio-file channel (later SIP/RTP).
        .target(name: "Channels", dependencies: ["Engine", "Audio"]),
        // QA: scenario files → calls on a virtual clock → verdicts, JUnit, coverage, golden transcripts.
        .target(name: "Replay", dependencies: ["Dialplan", "Engine", "Audio", "Channels"]),
        // KPIs over traces and records; the call-flow picture of a dialplan.
        .target(name: "Insights", dependencies: ["Dialplan", "Engine"]),
        // The command-line front end as a library, so tests can drive it without a subprocess.
        .target(name: "IVRCommand", dependencies: ["Dialplan", "Engine", "Audio", "Channels", "Replay", "Insights"]),
        .executableTarget(name: "ivr", dependencies: ["IVRCommand"]),
        // `swift run -c release dialplan-bench`: parse/lint and expression throughput.
        .executableTarget(name: "dialplan-bench", dependencies: ["Dialplan"], path: "Sources/DialplanBenchmarks"),
        // `swift run -c release engine-bench`: calls per second through a menu, memory per call, audio realtime factor.
        .executableTarget(name: "engine-bench", dependencies: ["Dialplan", "Engine", "Audio", "Channels"],
                         path: "Sources/EngineBenchmarks"),
        // `swift run -c release replay-bench`: scenario replays per second, audio realtime factor.
        .executableTarget(name: "replay-bench", dependencies: ["Replay"], path: "Sources/ReplayBenchmarks"),
        // `swift run -c release dtmf-lab`: the Q.24 conformance set, scores, talk-off counts and detector speed.
        .executableTarget(name: "dtmf-lab", dependencies: ["Audio"], path: "Sources/DTMFLab"),
        .testTarget(name: "DialplanTests", dependencies: ["Dialplan"], exclude: ["Corpus/expected-errors.txt"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Dialplan"]),
        .testTarget(name: "AudioTests", dependencies: ["Audio"]),
        .testTarget(name: "ChannelsTests", dependencies: ["Channels", "Engine", "Audio", "Dialplan"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Engine", "Dialplan", "Audio", "Channels"]),
        .testTarget(name: "InsightsTests", dependencies: ["Insights", "Dialplan", "Engine"]),
        .testTarget(name: "IVRCommandTests", dependencies: ["IVRCommand", "Dialplan", "Engine", "Audio", "Replay"]),
    ],
    swiftLanguageModes: [.v6]
)
