// replay-bench: scenario replays per second (event level, all cores) and the audio-level realtime factor.
//
//     swift run -c release replay-bench [PATH...]      (default: Scenarios, with Prompts)
//
// Never used as a timed test.
import Foundation
import Replay

let paths = CommandLine.arguments.dropFirst().isEmpty ? ["Scenarios"] : Array(CommandLine.arguments.dropFirst())
let prompts = FileManager.default.fileExists(atPath: "Prompts") ? "Prompts" : nil
print(ReplayBenchmark.run(paths: paths, promptRoot: prompts, seconds: 3))
