// replay-bench: scenario replays per second (event level, all cores) and the audio-level realtime factor.
//
//     swift run -c release replay-bench [--events-only] [PATH...]      (default: Scenarios, with Prompts)
//
// `--events-only` skips the audio-level figure (for profiling the event level alone).
// Never used as a timed test.
import Foundation
import Replay

let arguments = CommandLine.arguments.dropFirst()
let eventsOnly = arguments.contains("--events-only")
let given = arguments.filter { $0 != "--events-only" }
let paths = given.isEmpty ? ["Scenarios"] : Array(given)
let prompts = FileManager.default.fileExists(atPath: "Prompts") ? "Prompts" : nil
print(ReplayBenchmark.run(paths: paths, promptRoot: prompts, seconds: 3, audio: !eventsOnly))
