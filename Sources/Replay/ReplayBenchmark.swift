import Foundation

/// Replay throughput: event-level scenario replays per second on all cores, and the audio-level realtime factor
/// (seconds of call audio replayed per second of wall time).
public enum ReplayBenchmark {
    /// Runs the scenarios under `paths` repeatedly for about `seconds` per figure and returns a short report.
    /// `promptRoot` gives prompt lengths in both modes and is needed for the audio figure; `audio: false` skips it.
    public static func run(paths: [String], promptRoot: String?, seconds: Double = 3,
                           parallelism: Int? = nil, audio: Bool = true) -> String {
        let (files, errors) = SuiteRunner.collect(paths: paths)
        var scenarios: [Scenario] = []
        var problems = errors.map(\.description)
        for file in files {
            do { scenarios += try ScenarioParser.parse(path: file).scenarios } catch { problems.append(error.description) }
        }
        guard !scenarios.isEmpty else { return "no scenarios to run\n" + problems.joined(separator: "\n") }
        let workers = parallelism ?? ProcessInfo.processInfo.activeProcessorCount
        var lines = ["replay benchmark: \(scenarios.count) scenarios from \(files.count) files, \(workers) workers"]

        let environment = ReplayEnvironment(promptRoot: promptRoot)
        // Warm-up: loads the dialplans and the prompt lengths once.
        let warm = SuiteRunner.run(scenarios: scenarios, mode: .events, environment: environment, parallelism: workers)
        // Scenarios whose calls start AGI programs spend their time starting processes, not replaying: they are
        // left out of the figures and their time is reported on its own.
        let runsPrograms = warm.verdicts.map { verdict in verdict.events.contains { if case .agi = $0.kind { true } else { false } } }
        let programVerdicts = warm.verdicts.indices.filter { runsPrograms[$0] }.map { warm.verdicts[$0] }
        let replayed = warm.verdicts.indices.filter { !runsPrograms[$0] }.map { warm.verdicts[$0] }
        scenarios = scenarios.indices.filter { !runsPrograms[$0] }.map { scenarios[$0] }
        let calls = replayed.reduce(0) { $0 + $1.calls }
        let priorities = replayed.reduce(0) { total, verdict in
            total + verdict.events.count { if case .exec = $0.kind { true } else { false } }
        }
        var batch = scenarios
        while batch.count < 2_000 { batch += scenarios }
        var replays = 0
        var engineCalls = 0
        var failures = warm.failed + warm.errors
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        while elapsed < seconds {
            let report = SuiteRunner.run(scenarios: batch, mode: .events, environment: environment, parallelism: workers)
            replays += report.verdicts.count
            engineCalls += report.verdicts.reduce(0) { $0 + $1.calls }
            failures += report.failed + report.errors
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        lines.append(String(format: "event level: %.0f scenario replays/s (%.0f engine calls/s, %.1f calls per scenario), %d replays in %.2f s",
                            Double(replays) / elapsed, Double(engineCalls) / elapsed,
                            Double(calls) / Double(max(scenarios.count, 1)), replays, elapsed))
        lines.append(String(format: "  a scenario's call runs %.1f priorities on average",
                            Double(priorities) / Double(max(scenarios.count, 1))))
        if !programVerdicts.isEmpty {
            let milliseconds = 1000 * programVerdicts.reduce(0.0) { $0 + $1.seconds } / Double(programVerdicts.count)
            lines.append(String(format: "  left out: %d scenarios that run AGI programs (%.1f ms each, mostly starting them)",
                                programVerdicts.count, milliseconds))
        }
        if failures > 0 { lines.append("  note: \(warm.failed + warm.errors) scenarios do not pass") }

        if !audio {
            lines.append("audio level: skipped (--events-only)")
        } else if let promptRoot {
            let audio = ReplayEnvironment(promptRoot: promptRoot)
            let mode = ReplayMode.audio(promptRoot: promptRoot)
            var callSeconds = 0.0
            var audioReplays = 0
            let audioStart = DispatchTime.now().uptimeNanoseconds
            var audioElapsed = 0.0
            repeat {
                let report = SuiteRunner.run(scenarios: scenarios, mode: mode, environment: audio, parallelism: workers)
                audioReplays += report.verdicts.count
                callSeconds += report.verdicts.reduce(0) { $0 + ($1.events.last?.time ?? 0) }
                audioElapsed = Double(DispatchTime.now().uptimeNanoseconds - audioStart) / 1e9
            } while audioElapsed < seconds
            lines.append(String(format: "audio level: realtime factor %.0fx (%.0f s of calls in %.2f s wall, %d replays, %.1f replays/s)",
                                callSeconds / audioElapsed, callSeconds, audioElapsed, audioReplays, Double(audioReplays) / audioElapsed))
        } else {
            lines.append("audio level: skipped (no prompt folder)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
