import Foundation

/// `ivr test`: replays scenario files and reports one line per scenario, the first divergence of each failure,
/// and optionally JUnit XML, dialplan coverage and lcov. The CLI registers it as a subcommand.
public enum ReplayCommand {
    public static let summary = "replay scenario files against their dialplans (QA call replays)"

    public static let help = """
    usage: ivr test PATH... [--audio] [--jobs N] [--prompts DIR] [--junit FILE] [--coverage] [--lcov FILE]
                   [--update-golden] [--heard DIR] [--quiet]
           ivr test --from-trace TRACE [--dialplan FILE] [--time ISO8601] [--tz ZONE] [--lang L]

    Runs every scenario in the given files (folders are searched for *.scenario files) and prints one line per
    scenario. For a failure it shows the first divergence: the step, what was expected, what happened, the
    dialplan line that was executing and the trace around it. The scenario language is described in
    docs/scenarios.md.

      ivr test Scenarios/
      ivr test Scenarios/ --audio --junit build/replays.xml
      ivr run Dialplans/demo-menu.conf --context incoming --digits '1@3s' --trace call.jsonl
      ivr test --from-trace call.jsonl --dialplan Dialplans/demo-menu.conf > Scenarios/call.scenario

    options:
      --audio              audio level: the caller's presses are rendered as DTMF into a WAV, decoded by the
                           detector and the call runs on the audio-file channel (needs prompt files)
      --jobs N             worker threads (default: the number of active cores)
      --prompts DIR        prompt WAVs as DIR/<lang>/<name>.wav (default: Prompts, when it exists); prompt
                           lengths come from these files in both modes, so timings agree
      --junit FILE         write a JUnit XML report
      --coverage           print which priorities, menu options and i/t/h handlers the scenarios reached
      --lcov FILE          write dialplan coverage as lcov (genhtml FILE renders it)
      --update-golden      rewrite golden transcripts (and, with --audio, golden WAVs) instead of comparing
      --heard DIR          with --audio: write each scenario's caller and heard WAVs into DIR
      --quiet              print failures and the summary only
      --from-trace TRACE   turn a JSON Lines trace (ivr run --trace) into a scenario on standard output;
                           the trace gives the dialplan, time, zone and language; --dialplan,
                           --time/--tz and --lang override them
      -h, --help           show this help

    exit status: 0 every scenario passed, 1 a scenario failed, 2 bad input (unreadable scenario file,
    dialplan that does not load, bad usage)

    """

    /// Runs `ivr test` with `arguments` (without the leading `test`). Returns the exit status.
    public static func run(arguments: [String], out: (String) -> Void, err: (String) -> Void) -> Int32 {
        let valued: Set<String> = ["--jobs", "--prompts", "--junit", "--lcov", "--heard", "--from-trace", "--dialplan",
                                   "--time", "--tz", "--lang"]
        let flags: Set<String> = ["--audio", "--coverage", "--update-golden", "--quiet", "-h", "--help"]
        var values: [String: String] = [:]
        var present: Set<String> = []
        var paths: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                paths += arguments[(index + 1)...]
                break
            }
            if argument.hasPrefix("-") && argument.count > 1 {
                var name = argument
                var inline: String?
                if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                    name = String(argument[..<equals])
                    inline = String(argument[argument.index(after: equals)...])
                }
                if flags.contains(name) {
                    guard inline == nil else { return usage("\(name) takes no value", err: err) }
                    present.insert(name)
                } else if valued.contains(name) {
                    if let inline {
                        values[name] = inline
                    } else {
                        guard index + 1 < arguments.count else { return usage("\(name) needs a value", err: err) }
                        index += 1
                        values[name] = arguments[index]
                    }
                } else {
                    return usage("unknown option \(argument)", err: err)
                }
            } else {
                paths.append(argument)
            }
            index += 1
        }
        if present.contains("-h") || present.contains("--help") {
            out(help)
            return 0
        }
        if let trace = values["--from-trace"] {
            guard paths.isEmpty else { return usage("--from-trace takes no scenario paths", err: err) }
            return fromTrace(trace, values: values, out: out, err: err)
        }
        guard !paths.isEmpty else { return usage("expected scenario files or folders", err: err) }
        var jobs: Int?
        if let text = values["--jobs"] {
            guard let parsed = Int(text), parsed > 0 else { return usage("--jobs needs a positive whole number", err: err) }
            jobs = parsed
        }
        var promptRoot = values["--prompts"]
        if let given = promptRoot {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given, isDirectory: &isDirectory), isDirectory.boolValue else {
                return usage("--prompts: no such folder '\(given)'", err: err)
            }
        } else {
            promptRoot = defaultPromptRoot(near: paths)
        }
        let mode: ReplayMode
        if present.contains("--audio") {
            guard let promptRoot else { return usage("--audio needs prompt files: --prompts DIR", err: err) }
            mode = .audio(promptRoot: promptRoot)
        } else {
            if values["--heard"] != nil { return usage("--heard needs --audio", err: err) }
            mode = .events
        }
        let environment = ReplayEnvironment(promptRoot: promptRoot, updateGolden: present.contains("--update-golden"),
                                            audioOutput: values["--heard"])
        let report = SuiteRunner.run(paths: paths, mode: mode, environment: environment, parallelism: jobs)
        for error in report.fileErrors { err(error.description + "\n") }
        let quiet = present.contains("--quiet")
        for verdict in report.verdicts {
            if verdict.passed {
                if !quiet { out(verdict.summaryLine + "\n") }
            } else {
                out(verdict.report)
            }
        }
        var status = report.exitCode
        if let path = values["--junit"] {
            if !write(JUnitReport.xml(report), to: path, err: err) { status = 2 }
        }
        if present.contains("--coverage") || values["--lcov"] != nil {
            let coverage = CoverageReport(report: report)
            if present.contains("--coverage") { out(coverage.summary) }
            if let path = values["--lcov"], !write(coverage.lcov(), to: path, err: err) { status = 2 }
        }
        out(report.summary + "\n")
        return status
    }

    /// The `Prompts` folder of the project the scenarios belong to: the nearest one found walking up from the first
    /// scenario path (so results do not depend on the current folder). Nil when there is none: then every prompt
    /// exists and plays for one second.
    static func defaultPromptRoot(near paths: [String]) -> String? {
        guard let first = paths.first else { return nil }
        var folder = URL(fileURLWithPath: first).standardizedFileURL
        var isDirectory: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            folder.deleteLastPathComponent()
        }
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("Prompts").path
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    static func fromTrace(_ path: String, values: [String: String], out: (String) -> Void, err: (String) -> Void) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path) else {
            err("ivr test: cannot read trace '\(path)'\n")
            return 2
        }
        var options = TraceToScenario.Options()
        options.dialplan = values["--dialplan"]
        options.language = values["--lang"]
        if let zone = values["--tz"] {
            guard TimeZone(identifier: zone) != nil else { return usage("unknown time zone '\(zone)'", err: err) }
            options.timeZone = zone
        }
        options.time = values["--time"]
        options.traceName = (path as NSString).lastPathComponent
        do {
            out(try TraceToScenario.convert(jsonLines: String(decoding: data, as: UTF8.self), options: options))
            return 0
        } catch {
            err("ivr test: \(path): \(error.description)\n")
            return 2
        }
    }

    static func write(_ text: String, to path: String, err: (String) -> Void) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        if FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) { return true }
        err("ivr test: cannot write '\(path)'\n")
        return false
    }

    static func usage(_ message: String, err: (String) -> Void) -> Int32 {
        err("ivr test: \(message)\nusage: ivr test PATH... [options]   (ivr test --help for more)\n")
        return 2
    }
}
