import Audio
import Channels
import Dialplan
import Engine
import Foundation
import Synchronization

/// Replays one scenario: works out when the caller acts, runs the call, and matches the expectations in order.
///
/// The caller reacts to the call: a `press` after `expect prompt X` happens when X stopped playing. Since a press
/// only changes what happens after it, the runner runs the call with the presses known so far, matches up to the
/// next unresolved action, fixes that action's time from the caller's clock, and runs again; a scenario with k
/// expectation-separated groups of actions takes about k + 1 calls (each one is microseconds on the virtual
/// clock). Audio mode works out the timeline at event level first, renders it as DTMF into a caller WAV, and
/// checks the expectations against the call driven by the detector.
public enum ScenarioRunner {
    /// The earliest a digit can be pressed: a DTMF tone needs room before its end.
    static let earliestPress = 0.15
    /// How long after the caller's clock a press or hangup happens when the step gives no `after`: a caller reacts
    /// to what they heard, and a press exactly at a prompt's end would race the prompt in audio mode.
    public static let reactionTime = 0.1

    /// Runs `scenario` in `mode` and returns the verdict.
    public static func run(_ scenario: Scenario, mode: ReplayMode, environment: ReplayEnvironment) -> ScenarioVerdict {
        let started = DispatchTime.now().uptimeNanoseconds
        var verdict = ScenarioVerdict(name: scenario.name, file: scenario.file, line: scenario.line, mode: mode,
                                      status: .error, divergence: nil, events: [], record: nil,
                                      dialplan: scenario.setup.dialplan, calls: 0, seconds: 0)
        func finish(_ v: ScenarioVerdict) -> ScenarioVerdict {
            var v = v
            v.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            return v
        }
        guard let path = scenario.setup.dialplan else {
            verdict.divergence = Divergence(stepLine: scenario.line, step: "", expected: "", actual: "the scenario names no dialplan",
                                            dialplanLine: nil, trace: [])
            return finish(verdict)
        }
        let loaded = environment.dialplan(at: path)
        guard let dialplan = loaded.dialplan else {
            let line = scenario.setup.dialplanLine
            let reason = loaded.errors.map { "the dialplan \(path) does not load:\n" + $0 }
                ?? "the dialplan \(path) does not load"
            verdict.divergence = Divergence(stepLine: line, step: "dialplan \(path)", expected: "", actual: reason,
                                            dialplanLine: nil, trace: [])
            return finish(verdict)
        }
        if case .audio = mode, environment.directory == nil {
            verdict.divergence = Divergence(stepLine: scenario.line, step: "", expected: "",
                                            actual: "audio mode needs a prompt folder", dialplanLine: nil, trace: [])
            return finish(verdict)
        }
        let call = CallSetup(scenario: scenario, dialplan: dialplan, template: loaded.engine, environment: environment)
        // The first call runs with a caller who decides as it goes; the walk checks those decisions.
        let caller = environment.decidesDuringCall ? ScenarioCaller(steps: scenario.steps) : nil
        let first = caller.map { call.runEvents(Timeline(), caller: $0) }
        var timeline = caller?.timeline ?? Timeline()
        // Audio mode works the timeline out at event level first; only the audio call's checks count (and write).
        var outcome = walk(scenario, timeline: &timeline, first: first, environment: mode == .events ? environment : nil) {
            call.runEvents($0)
        }
        var calls = outcome.calls
        if case .audio = mode {
            let hint = outcome.run.result.duration
            outcome = walk(scenario, timeline: &timeline, mode: mode, environment: environment) { call.runAudio($0, lengthHint: hint) }
            calls += outcome.calls
        }
        if case .audio = mode, let folder = environment.audioOutput {
            writeAudio(outcome.run, scenario: scenario, folder: folder)
        }
        verdict.status = outcome.divergence == nil ? .passed : .failed
        verdict.divergence = outcome.divergence
        verdict.events = outcome.run.result.events
        verdict.record = outcome.run.result.record
        verdict.calls = calls
        return finish(verdict)
    }

    /// The caller's actions with their times, as far as worked out.
    struct Timeline {
        var presses: [CallerScript.Press] = []
        var hangupAt: Double?
        /// Times fixed for the step at each index (press digits, or one hangup time).
        var resolved: [Int: [Double]] = [:]
        /// Steps whose times a reactive run decided and no walk over a finished call has confirmed yet.
        var provisional: Set<Int> = []

        /// Adds the action of step `index` at `times` (press digits, or a hangup when `digits` is nil).
        mutating func add(step index: Int, digits: String?, times: [Double]) {
            if let digits {
                for (digit, time) in zip(digits, times) { presses.append(CallerScript.Press(digit: digit, time: time)) }
            } else if let time = times.first {
                hangupAt = min(hangupAt ?? time, time)
            }
            resolved[index] = times
        }

        /// Forgets every action of step `index` and later: a reactive run decided them on a call that, it turns
        /// out, does not match the finished one.
        mutating func dropSteps(from index: Int, in steps: [ScenarioStep]) {
            var kept = Timeline()
            for (step, times) in resolved.sorted(by: { $0.key < $1.key }) where step < index {
                switch steps[step].kind {
                case .press(let digits, _, _, _): kept.add(step: step, digits: digits, times: times)
                default: kept.add(step: step, digits: nil, times: times)
                }
                if provisional.contains(step) { kept.provisional.insert(step) }
            }
            self = kept
        }
    }

    /// When the caller acts: the digits' times of a press step, or a hangup's time, from the caller's clock.
    enum ActionTiming {
        case times([Double])
        /// An `at` time before a press already made.
        case outOfOrder(Divergence)

        static func of(_ step: ScenarioStep, clock: Double, lastPress: Double?) -> ActionTiming? {
            switch step.kind {
            case .press(let digits, let spacing, let after, let at):
                var first = max(at ?? (clock + (after ?? reactionTime)), earliestPress)
                if let last = lastPress, first < last + (at == nil ? spacing : 0.15) {
                    if at != nil {
                        return .outOfOrder(Divergence(stepLine: step.line, step: step.text,
                                                      expected: "a press after the previous one",
                                                      actual: "this press at \(ExpectationWalker.seconds(first)) comes before the press at \(ExpectationWalker.seconds(last))",
                                                      dialplanLine: nil, trace: []))
                    }
                    first = last + spacing
                }
                return .times(digits.indices.enumerated().map { first + Double($0.offset) * spacing })
            case .hangup(let after, let at):
                return .times([max(at ?? (clock + (after ?? reactionTime)), 0)])
            default:
                return nil
            }
        }
    }

    /// A call's outcome and, in audio mode, its audio.
    struct CallRun {
        var result: CallResult
        var caller: AudioClip?
        var heard: AudioClip?
    }

    struct WalkOutcome {
        var run: CallRun
        var divergence: Divergence?
        var calls: Int
    }

    /// Matches the steps, fixing action times and re-running the call until every step is settled.
    ///
    /// `first` is a call already run on `timeline` (a reactive run); its provisional action times are checked
    /// against the finished call and the call runs again from the first that does not hold.
    static func walk(_ scenario: Scenario, timeline: inout Timeline, first: CallRun? = nil, mode: ReplayMode = .events,
                     environment: ReplayEnvironment? = nil, run: (Timeline) -> CallRun) -> WalkOutcome {
        var current = first ?? run(timeline)
        var calls = 1
        restart: while true {
            var walker = ExpectationWalker(events: current.result.events, finalVariables: current.result.variables)
            var dirty = false
            var wholeCall: [(ScenarioStep, Expectation)] = []
            for (index, step) in scenario.steps.enumerated() {
                switch step.kind {
                case .press, .hangup:
                    let isPress = if case .press = step.kind { true } else { false }
                    let digits: String? = if case .press(let digits, _, _, _) = step.kind { digits } else { nil }
                    if let times = timeline.resolved[index], !timeline.provisional.contains(index) {
                        walker.clock = max(walker.clock, (isPress ? times.last : times.first) ?? walker.clock)
                        continue
                    }
                    let before = timeline.resolved.filter { $0.key < index && isPressStep(scenario.steps[$0.key]) }
                    let lastPress = before.max { $0.key < $1.key }?.value.last
                    guard let timing = ActionTiming.of(step, clock: walker.clock, lastPress: lastPress) else { continue }
                    let times: [Double]
                    switch timing {
                    case .outOfOrder(let divergence): return WalkOutcome(run: current, divergence: divergence, calls: calls)
                    case .times(let computed): times = computed
                    }
                    if let decided = timeline.resolved[index] {
                        timeline.provisional.remove(index)
                        if decided.count == times.count, zip(decided, times).allSatisfy({ abs($0 - $1) < 1e-9 }) {
                            walker.clock = max(walker.clock, (isPress ? times.last : times.first) ?? walker.clock)
                            continue
                        }
                        timeline.dropSteps(from: index, in: scenario.steps)
                    }
                    timeline.add(step: index, digits: digits, times: times)
                    walker.clock = max(walker.clock, (isPress ? times.last : times.first) ?? walker.clock)
                    dirty = true
                case .wait(let seconds):
                    walker.clock += seconds
                case .expect(let expectation):
                    if expectation.isWholeCall {
                        wholeCall.append((step, expectation))
                        continue
                    }
                    if dirty {
                        current = run(timeline)
                        calls += 1
                        continue restart
                    }
                    if let mismatch = walker.check(expectation) {
                        return WalkOutcome(run: current, divergence: divergence(step, mismatch, current.result.events), calls: calls)
                    }
                }
            }
            if dirty {
                current = run(timeline)
                calls += 1
                continue restart
            }
            let outputs = RenderedOutputs(current.result, timeZone: scenario.setup.timeZone)
            for (step, expectation) in wholeCall {
                if let mismatch = checkWholeCall(expectation, run: current, outputs: outputs, scenario: scenario, mode: mode,
                                                 environment: environment) {
                    return WalkOutcome(run: current, divergence: divergence(step, mismatch, current.result.events), calls: calls)
                }
            }
            return WalkOutcome(run: current, divergence: nil, calls: calls)
        }
    }

    static func isPressStep(_ step: ScenarioStep) -> Bool {
        if case .press = step.kind { true } else { false }
    }

    /// The report's view of a mismatch: the dialplan line executing at that event and the trace around it.
    static func divergence(_ step: ScenarioStep, _ mismatch: Mismatch, _ events: [CallEvent]) -> Divergence {
        let at = min(mismatch.eventIndex ?? (events.count - 1), events.count - 1)
        var dialplanLine: String?
        if at >= 0, let exec = events[...at].last(where: { if case .exec = $0.kind { true } else { false } }),
           case .exec(let location, let application, let arguments, let file, let line) = exec.kind {
            dialplanLine = "\(file):\(line) (\(location)) \(application)(\(arguments))"
        }
        var trace: [String] = []
        if at >= 0 {
            var lines: [(Int, String)] = []
            for index in 0..<events.count {
                let text = CallTranscript.render([events[index]]).trimmingCharacters(in: .newlines)
                if !text.isEmpty { lines.append((index, text)) }
            }
            if let position = lines.lastIndex(where: { $0.0 <= at }) {
                let from = max(0, position - 5)
                let to = min(lines.count - 1, position + 3)
                for index in from...to { trace.append((index == position ? "> " : "  ") + lines[index].1) }
            }
        }
        return Divergence(stepLine: step.line, step: step.text, expected: mismatch.expected, actual: mismatch.actual,
                          dialplanLine: dialplanLine, trace: trace)
    }

    /// CDR fields, secrets, golden transcripts and WAVs: checked on the finished call.
    static func checkWholeCall(_ expectation: Expectation, run: CallRun, outputs: RenderedOutputs, scenario: Scenario,
                               mode: ReplayMode, environment: ReplayEnvironment?) -> Mismatch? {
        let result = run.result
        switch expectation {
        case .cdr(let field, let value):
            let actual = CDRFields.value(field, of: result.record, timeZone: scenario.setup.timeZone)
            if actual == value { return nil }
            return Mismatch(expected: "CDR \(field) '\(value)'", actual: "CDR \(field) '\(actual)'", eventIndex: nil)
        case .never(let secret):
            if outputs.mayContain(secret) {
                for (index, event) in result.events.enumerated() {
                    let json = TraceJSON.line(event)
                    if ByteSearch.contains(json, secret) || ByteSearch.contains(CallTranscript.render([event]), secret) {
                        return Mismatch(expected: "'\(secret)' never in any output",
                                        actual: "it appears in the trace at \(ExpectationWalker.seconds(event.time)): \(json)",
                                        eventIndex: index)
                    }
                }
            }
            if ByteSearch.contains(outputs.csv, secret) {
                return Mismatch(expected: "'\(secret)' never in any output", actual: "it appears in the CDR: \(outputs.csv)",
                                eventIndex: nil)
            }
            if let (name, _) = result.variables.first(where: { ByteSearch.contains($0.value, secret) }) {
                return Mismatch(expected: "'\(secret)' never in any output",
                                actual: "it appears in variable \(name) at the end of the call", eventIndex: nil)
            }
            return nil
        case .transcript(let path):
            let actual = GoldenTranscript(events: result.events)
            if environment?.updateGolden == true {
                if mode == .events || !FileManager.default.fileExists(atPath: path) {
                    return writeGolden(Data(actual.text.utf8), to: path, what: "transcript")
                }
                return nil
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return Mismatch(expected: "the transcript in \(path)",
                                actual: "no golden file \(path) (write it with --update-golden)", eventIndex: nil)
            }
            let golden: GoldenTranscript
            do { golden = try GoldenTranscript.parse(String(decoding: data, as: UTF8.self)) } catch {
                return Mismatch(expected: "the transcript in \(path)", actual: "\(path): \(error.description)", eventIndex: nil)
            }
            guard let difference = golden.firstDifference(from: actual, tolerance: environment?.tolerance ?? 0.05) else { return nil }
            let index = difference.index < actual.plays.count ? actual.plays[difference.index].startIndex : nil
            return Mismatch(expected: "the transcript in \(path)", actual: difference.message, eventIndex: index)
        case .heard(let path):
            guard case .audio = mode, let heard = run.heard else { return nil }
            if environment?.updateGolden == true {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                do { try AudioFile.write(heard, to: path) } catch {
                    return Mismatch(expected: "golden WAV \(path) written", actual: error.description, eventIndex: nil)
                }
                return nil
            }
            let golden: AudioClip
            do { golden = try AudioFile.read(path) } catch {
                return Mismatch(expected: "the audio in \(path)",
                                actual: "cannot read \(path): \(error.description) (write it with --update-golden)", eventIndex: nil)
            }
            guard let sample = firstDifference(golden.samples, heard.samples) else { return nil }
            let time = Double(sample) / Double(AudioClip.sampleRate)
            let index = result.events.lastIndex { $0.time <= time }
            let lengths = golden.samples.count == heard.samples.count ? ""
                : String(format: " (golden %.3f s long, heard %.3f s)", golden.duration, heard.duration)
            return Mismatch(expected: "the audio in \(path)",
                            actual: "the heard audio first differs at \(ExpectationWalker.seconds(time)) (sample \(sample))\(lengths)",
                            eventIndex: index)
        default:
            return nil
        }
    }

    /// The first sample where two clips differ by more than a rounding step, or nil when they match.
    static func firstDifference(_ a: [Int16], _ b: [Int16]) -> Int? {
        let common = min(a.count, b.count)
        for index in 0..<common where abs(Int(a[index]) - Int(b[index])) > 2 { return index }
        return a.count == b.count ? nil : common
    }

    static func writeGolden(_ data: Data, to path: String, what: String) -> Mismatch? {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        if FileManager.default.createFile(atPath: path, contents: data) { return nil }
        return Mismatch(expected: "golden \(what) \(path) written", actual: "cannot write \(path)", eventIndex: nil)
    }

    static func writeAudio(_ run: CallRun, scenario: Scenario, folder: String) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let base = folder + "/" + slug(scenario)
        if let caller = run.caller { try? AudioFile.write(caller, to: base + ".caller.wav") }
        if let heard = run.heard { try? AudioFile.write(heard, to: base + ".heard.wav") }
    }

    /// `file-stem--scenario-name`, safe as a file name.
    public static func slug(_ scenario: Scenario) -> String {
        let stem = ((scenario.file as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = scenario.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return stem + "--" + String(name)
    }
}

/// Everything needed to run the scenario's call again and again with different timelines.
struct CallSetup {
    let scenario: Scenario
    let dialplan: Dialplan
    let environment: ReplayEnvironment
    let configuration: EngineConfiguration
    let outcomes: [String: DeliveryOutcome]
    let request: CallRequest
    /// The run's engine on this dialplan, whose lookup caches each call's fresh engine shares.
    let template: Engine?

    /// Built once: copying it is cheap, building it is not.
    static let baseConfiguration = EngineConfiguration(timeZone: TimeZone(identifier: "UTC") ?? .current, randomSeed: 1,
                                                       spoolDirectory: NSTemporaryDirectory() + "ivr-replay-spool")

    init(scenario: Scenario, dialplan: Dialplan, template: Engine?, environment: ReplayEnvironment) {
        self.scenario = scenario
        self.dialplan = dialplan
        self.template = template
        self.environment = environment
        let setup = scenario.setup
        var configuration = Self.baseConfiguration
        configuration.timeZone = setup.timeZone
        configuration.functions.register(CannedCurl.function(setup.curl))
        if let agiDirectory = setup.agiDirectory { configuration.agiOptions.agiDirectory = agiDirectory }
        self.configuration = configuration
        outcomes = setup.outcomes.mapValues {
            DeliveryOutcome(status: $0.status, answeredSeconds: $0.talked, waitedSeconds: $0.waited)
        }
        request = CallRequest(context: setup.context, exten: setup.exten, callerNumber: setup.callerNumber,
                              callerName: setup.callerName, language: setup.language, variables: setup.variables,
                              accountCode: setup.accountCode, startTime: setup.startTime)
    }

    /// Each call gets its own spool folder (VoiceMail numbers messages by what is already there), removed after.
    /// In memory (`/dev/shm`) where there is one: VoiceMail's files then cost no disk writes.
    static let spoolRoot: String = {
        var isDirectory: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory) && isDirectory.boolValue
            ? "/dev/shm/" : NSTemporaryDirectory()
        return base + "ivr-replay-\(ProcessInfo.processInfo.processIdentifier)"
    }()
    static let spoolCounter = Atomic<Int>(0)

    /// Runs the call on a fresh engine with a fresh spool folder.
    func run(on channel: any Channel) -> CallResult {
        let number = Self.spoolCounter.add(1, ordering: .relaxed).newValue
        let spool = Self.spoolRoot + "/\(number)"
        let result = engine(spool: spool).run(request, on: channel)
        if FileManager.default.fileExists(atPath: spool) { try? FileManager.default.removeItem(atPath: spool) }
        return result
    }

    /// A fresh engine per call: globals and the AstDB start as the scenario says every time.
    func engine(spool: String) -> Engine {
        var configuration = configuration
        configuration.spoolDirectory = spool
        if !scenario.setup.astdb.isEmpty { configuration.astdb = scenario.setup.astdbSeed.database(scenario.setup.astdb) }
        return template?.sibling(configuration: configuration) ?? Engine(dialplan: dialplan, configuration: configuration)
    }

    func runEvents(_ timeline: ScenarioRunner.Timeline, caller: ScenarioCaller? = nil) -> ScenarioRunner.CallRun {
        let script = CallerScript(presses: timeline.presses, hangupAt: timeline.hangupAt, outcomes: outcomes)
        let channel = ScriptedChannel(script: script, prompts: environment.prompts, start: scenario.setup.startTime,
                                      name: scenario.setup.channelName, maximumDuration: scenario.setup.limit,
                                      caller: caller)
        return ScenarioRunner.CallRun(result: run(on: channel), caller: nil, heard: nil)
    }

    func runAudio(_ timeline: ScenarioRunner.Timeline, lengthHint: Double) -> ScenarioRunner.CallRun {
        guard let directory = environment.directory else { return runEvents(timeline) }
        let lastPress = timeline.presses.last?.time ?? 0
        let length = timeline.hangupAt ?? max(lastPress + 1, min(scenario.setup.limit, lengthHint + 2))
        let clip = CallerAudioRenderer.render(timeline.presses, length: length)
        let channel = AudioFileChannel(caller: CallerAudio(clip), prompts: directory, start: scenario.setup.startTime,
                                       hangupAt: timeline.hangupAt, outcomes: outcomes, name: scenario.setup.channelName)
        let result = run(on: channel)
        return ScenarioRunner.CallRun(result: result, caller: clip, heard: channel.heardAudio)
    }
}

/// Renders a caller's presses as audio: silence, with an 80 ms DTMF tone per digit. The detector delivers a digit
/// once its tone has ended, 38–63 ms after the last tone sample (it must see the tone stop); each tone therefore
/// ends `detectorLead` before the scripted press time, so the digit reaches the dialplan 1–26 ms after the time
/// the event-level call uses, never before it.
public enum CallerAudioRenderer {
    public static let generator = DTMFGenerator(onMilliseconds: 80, offMilliseconds: 0, levelDBm0: -10)
    public static let detectorLead = 0.037

    public static func render(_ presses: [CallerScript.Press], length: Double) -> AudioClip {
        var samples = [Int16](repeating: 0, count: max(0, Int((length * Double(AudioClip.sampleRate)).rounded())))
        for press in presses {
            guard let tone = generator.tone(for: press.digit) else { continue }
            let stop = Int(((press.time - detectorLead) * Double(AudioClip.sampleRate)).rounded())
            let begin = stop - tone.count
            for (offset, value) in tone.enumerated() {
                let index = begin + offset
                if index >= 0 && index < samples.count { samples[index] = value }
            }
        }
        return AudioClip(samples: samples)
    }
}

/// CURL answered from the scenario's `curl` lines: nothing leaves the machine.
enum CannedCurl {
    static func function(_ answers: [CurlAnswer]) -> DialplanFunction {
        DialplanFunction("CURL", synopsis: "CURL(url[,post-data]) — answered from the scenario's curl lines",
                         read: { argument, context throws(FunctionError) in
            let url = String(argument.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: .whitespaces)
            guard let answer = answers.first(where: { $0.matches(url) }) else {
                context.setVariable("CURLSTATUS", to: "FAILURE")
                context.setVariable("CURL_RESPONSE_CODE", to: "0")
                context.warn("CURL: the scenario has no answer for \(url)")
                return ""
            }
            switch answer.reply {
            case .body(let body, let code):
                context.setVariable("CURLSTATUS", to: (200..<300).contains(code) ? "SUCCESS" : "FAILURE")
                context.setVariable("CURL_RESPONSE_CODE", to: String(code))
                return body
            case .failure:
                context.setVariable("CURLSTATUS", to: "FAILURE")
                context.setVariable("CURL_RESPONSE_CODE", to: "0")
                return ""
            case .timeout:
                context.setVariable("CURLSTATUS", to: "TIMEOUT")
                context.setVariable("CURL_RESPONSE_CODE", to: "0")
                return ""
            }
        })
    }
}
