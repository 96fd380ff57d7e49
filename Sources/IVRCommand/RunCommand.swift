import Audio
import Channels
import Dialplan
import Engine
import Foundation

/// `ivr run FILE`: one call through a dialplan on the virtual clock, with a transcript, trace and record.
enum RunCommand: Subcommand {
    static let name = "run"
    static let summary = "run one call through a dialplan on the virtual clock"
    static let help = """
    usage: ivr run FILE [--context C] [--exten E] [--callerid NUM] [--callername NAME] [--lang L]
                   [--digits SPEC] [--hangup-at TIME] [--now ISO8601] [--tz ZONE] [--trace FILE] [--cdr FILE]
                   [--astdb FILE] [--var NAME=VALUE]... [--prompt-seconds N] [--missing-prompt NAME]...
                   [--outcome DEST=STATUS]... [--agi-dir DIR] [--allow-shell] [--seed N] [--quiet]
                   [--caller-audio IN.wav --heard OUT.wav] [--prompts DIR] [--sounds DIR]

    Runs one call through the dialplan as Asterisk would, on a virtual clock: a 10-minute call takes
    milliseconds and runs the same every time. The caller presses the digits of --digits at the times given
    and hangs up at --hangup-at (or when the dialplan ends the call). Prints a transcript: time since the
    call started, where the dialplan was, what the caller heard and pressed.

      ivr run Dialplans/demo-menu.conf --context incoming --digits '1@3s' --callerid 5551234

    options:
      --context C          context to start in (default: default)
      --exten E            extension dialled (default: s)
      --callerid NUM       the caller's number; --callername NAME their name
      --lang L             the channel's language (default: en)
      --digits SPEC        digits and when: '1@2s 2@3.5s 1234#@10s' (several digits go 250 ms apart)
      --hangup-at TIME     the caller hangs up then ('12s', '1.5m')
      --now ISO8601        when the call happens (GotoIfTime, STRFTIME); --tz ZONE its zone
      --trace FILE         write every event as JSON Lines
      --cdr FILE           append the call's record to a Master.csv-style file
      --astdb FILE         the AstDB (SQLite) for DB() and DATABASE commands
      --var NAME=VALUE     a channel variable set before the call starts
      --prompt-seconds N   how long each prompt plays (default 1)
      --missing-prompt N   treat prompt N as missing (repeatable)
      --outcome D=S        how a Dial/Queue/Transfer to D ends: ANSWER, BUSY, NOANSWER, ... (repeatable)
      --agi-dir DIR        where AGI programs with relative names live
      --allow-shell        let System() and SHELL() run commands (off by default)
      --seed N             seed for RAND
      --quiet              no transcript
      --caller-audio WAV   drive the call with the caller's audio: digits come from the DTMF detector at the
                           instant each is heard; the caller hangs up when the audio ends
      --heard WAV          write what the caller heard (prompts in time order, cut at barge-in)
      --prompts DIR        prompt WAVs as DIR/<lang>/<name>.wav (default: Prompts, when it exists)
      --sounds DIR         an Asterisk sounds tree instead (e.g. /usr/share/asterisk/sounds)
      -h, --help           show this help

    exit status: 0 the call ran, 1 the dialplan does not load or the call ended with an error, 2 bad usage

    """
    static let options: [String: ArgumentScanner.Kind] = [
        "--context": .value, "--exten": .value, "--callerid": .value, "--callername": .value, "--lang": .value,
        "--digits": .value, "--hangup-at": .value, "--now": .value, "--tz": .value, "--trace": .value,
        "--cdr": .value, "--astdb": .value, "--var": .value, "--prompt-seconds": .value, "--missing-prompt": .value,
        "--outcome": .value, "--agi-dir": .value, "--allow-shell": .flag, "--seed": .value, "--quiet": .flag,
        "--caller-audio": .value, "--heard": .value, "--prompts": .value, "--sounds": .value,
    ]

    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus {
        guard arguments.positionals.count == 1 else { return usageError("expected one dialplan file", io: io) }
        let file = arguments.positionals[0]
        let clock: ClockOptions
        switch ClockOptions.parse(at: arguments.value("--now"), zone: arguments.value("--tz")) {
        case .success(let parsed): clock = parsed
        case .failure(let problem): return usageError(problem.message, io: io)
        }
        var presses: [CallerScript.Press] = []
        if let digits = arguments.value("--digits") {
            do {
                presses = try CallerScript.parseDigits(digits)
            } catch {
                return usageError("--digits: \(error.description)", io: io)
            }
        }
        var hangupAt: Double?
        if let text = arguments.value("--hangup-at") {
            guard let seconds = CallerScript.parseDuration(text) else {
                return usageError("--hangup-at needs a time such as 12s, not '\(text)'", io: io)
            }
            hangupAt = seconds
        }
        var promptSeconds = 1.0
        if let text = arguments.value("--prompt-seconds") {
            guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
                return usageError("--prompt-seconds needs a number of seconds, not '\(text)'", io: io)
            }
            promptSeconds = seconds
        }
        var variables: [String: String] = [:]
        for assignment in arguments.values("--var") {
            guard let (name, value) = EvalCommand.split(assignment) else {
                return usageError("--var needs NAME=VALUE, not '\(assignment)'", io: io)
            }
            variables[name] = value
        }
        var outcomes: [String: DeliveryOutcome] = [:]
        for assignment in arguments.values("--outcome") {
            guard let (destination, status) = EvalCommand.split(assignment) else {
                return usageError("--outcome needs DESTINATION=STATUS, not '\(assignment)'", io: io)
            }
            let answered = status.uppercased() == "ANSWER"
            outcomes[destination] = DeliveryOutcome(status: status.uppercased(), answeredSeconds: answered ? 30 : 0,
                                                    waitedSeconds: answered ? 5 : 20)
        }
        var seed: UInt64 = 1
        if let text = arguments.value("--seed") {
            guard let value = UInt64(text) else { return usageError("--seed needs a whole number", io: io) }
            seed = value
        }

        let loaded = DialplanLoader(linter: nil).load(path: file)
        if loaded.hasErrors {
            io.err(loaded.renderer.render(loaded.diagnostics.filter { $0.severity == .error }))
            return .failure
        }
        var configuration = EngineConfiguration(timeZone: clock.timeZone, randomSeed: seed,
                                                allowShell: arguments.has("--allow-shell"))
        if let agiDirectory = arguments.value("--agi-dir") { configuration.agiOptions.agiDirectory = agiDirectory }
        if let path = arguments.value("--astdb") {
            do {
                configuration.astdb = try AstDB(path: path)
            } catch {
                io.err("ivr run: \(error)\n")
                return .failure
            }
        }
        let promptRoot = arguments.value("--sounds") ?? arguments.value("--prompts")
            ?? (FileManager.default.fileExists(atPath: "Prompts") ? "Prompts" : nil)
        let channel: any Channel
        var audioChannel: AudioFileChannel?
        if let input = arguments.value("--caller-audio") {
            guard let promptRoot else { return usageError("--caller-audio needs --prompts or --sounds", io: io) }
            if !presses.isEmpty { return usageError("--digits and --caller-audio exclude each other", io: io) }
            let clip: AudioClip
            do { clip = try AudioFile.read(input) } catch {
                io.err("ivr run: \(error.description)\n")
                return .failure
            }
            let audio = AudioFileChannel(caller: CallerAudio(clip), prompts: PromptDirectory(root: promptRoot),
                                         start: clock.epoch, hangupAt: hangupAt, outcomes: outcomes)
            audioChannel = audio
            channel = audio
        } else {
            if arguments.value("--heard") != nil { return usageError("--heard needs --caller-audio", io: io) }
            let script = CallerScript(presses: presses, hangupAt: hangupAt, outcomes: outcomes)
            let missing = Set(arguments.values("--missing-prompt"))
            let prompts: any PromptLibrary = (arguments.value("--prompts") ?? arguments.value("--sounds")) != nil && promptRoot != nil
                ? PromptTiming(directory: PromptDirectory(root: promptRoot ?? "Prompts"))
                : UniformPrompts(seconds: promptSeconds, missing: missing)
            channel = ScriptedChannel(script: script, prompts: prompts, start: clock.epoch)
        }
        let request = CallRequest(context: arguments.value("--context") ?? "default",
                                  exten: arguments.value("--exten") ?? "s",
                                  callerNumber: arguments.value("--callerid") ?? "",
                                  callerName: arguments.value("--callername") ?? "",
                                  language: arguments.value("--lang") ?? "en", variables: variables,
                                  startTime: clock.epoch)
        let engine = Engine(dialplan: loaded.dialplan, configuration: configuration)
        let result = engine.run(request, on: channel)

        if !arguments.has("--quiet") { io.out(CallTranscript.render(result.events)) }
        var status = ExitStatus.success
        if let path = arguments.value("--trace") {
            do { try RecordFiles.writeTrace(result.events, to: path) } catch {
                io.err("ivr run: \(error.description)\n")
                status = .failure
            }
        }
        if let path = arguments.value("--cdr") {
            do { try RecordFiles.appendCDR(result.record, to: path, timeZone: clock.timeZone) } catch {
                io.err("ivr run: \(error.description)\n")
                status = .failure
            }
        }
        if let audioChannel, let heard = arguments.value("--heard") {
            do {
                try AudioFile.write(audioChannel.heardAudio, to: heard)
                if !arguments.has("--quiet") {
                    io.out("heard audio: \(heard) " + String(format: "(%.1f s)\n", audioChannel.heardAudio.duration))
                }
            } catch {
                io.err("ivr run: \(error.description)\n")
                status = .failure
            }
        }
        if let failure = result.failure {
            io.err("ivr run: the call ended with an error: \(failure)\n")
            status = .failure
        }
        return status
    }
}
