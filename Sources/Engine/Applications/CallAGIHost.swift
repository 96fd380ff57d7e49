import Dialplan

/// What an AGI script sees of a call: the call's channel, variables, applications and AstDB.
final class CallAGIHost: AGIHost {
    let call: Call
    let script: String
    /// Where the dialplan goes on after AGI returns: the next priority unless the script said otherwise.
    private(set) var resumeAt: CallLocation
    private(set) var locationChanged = false

    init(call: Call, script: String) {
        self.call = call
        self.script = script
        resumeAt = CallLocation(context: call.location.context, exten: call.location.exten,
                                priority: call.location.priority + 1)
    }

    var environment: [(key: String, value: String)] {
        func orUnknown(_ value: String?) -> String { (value?.isEmpty ?? true) ? "unknown" : value ?? "unknown" }
        let technology = call.channel.name.split(separator: "/").first.map(String.init) ?? "Scripted"
        return [
            ("agi_request", script), ("agi_channel", call.channel.name), ("agi_language", call.language),
            ("agi_type", technology), ("agi_uniqueid", call.uniqueID), ("agi_version", IVRVersion.string),
            ("agi_callerid", orUnknown(call.callerID["num"])), ("agi_calleridname", orUnknown(call.callerID["name"])),
            ("agi_callingpres", "0"), ("agi_callingani2", "0"), ("agi_callington", "0"), ("agi_callingtns", "0"),
            ("agi_dnid", orUnknown(call.callerID["dnid"])), ("agi_rdnis", orUnknown(call.callerID["rdnis"])),
            ("agi_context", call.location.context), ("agi_extension", call.location.exten),
            ("agi_priority", String(call.location.priority)), ("agi_enhanced", "0.0"),
            ("agi_accountcode", call.accountCode), ("agi_threadid", "0"),
        ]
    }

    var isHungUp: Bool { call.channel.isHungUp }

    func answer() -> Int {
        BasicApplications.answer(call)
        return call.channel.isHungUp ? -1 : 0
    }

    func hangup() { call.channel.hangup(cause: 16) }

    func streamFile(_ name: String, escapeDigits: String, offset: Int) -> AGIPlayback {
        let started = call.channel.clock.now
        let outcome = Prompts.play(name, call: call, interrupt: DigitSet(escapeDigits))
        let played = offset + Int(((call.channel.clock.now - started) * 8000).rounded())
        switch outcome {
        case .finished: return AGIPlayback(endPosition: played)
        case .interrupted(let digit): return AGIPlayback(digit: digit, endPosition: played)
        case .notFound:
            call.setVariable("PLAYBACKSTATUS", to: "FAILED")
            return AGIPlayback(endPosition: offset, failed: true)
        case .hangup: return AGIPlayback(endPosition: played, hungUp: true)
        }
    }

    func waitForDigit(timeoutMilliseconds: Int) -> AGIDigit {
        let seconds = timeoutMilliseconds < 0 ? Double(24 * 3600) : Double(timeoutMilliseconds) / 1000
        switch Prompts.waitForDigit(seconds, call: call, timeoutKind: "AGI") {
        case .digit(let digit):
            call.record(.digit(digit))
            return .digit(digit)
        case .timeout: return .timeout
        case .hangup: return .hangup
        }
    }

    func getData(file: String, timeoutMilliseconds: Int?, maxDigits: Int?) -> AGIDigits {
        let timeout = timeoutMilliseconds.flatMap { $0 > 0 ? Double($0) / 1000 : nil }
        let (digits, end) = ReadApplications.getData(prompts: ApplicationArguments.prompts(file),
                                                     maxDigits: maxDigits ?? 1024, timeout: timeout,
                                                     terminators: DigitSet("#"), secret: false, call: call)
        return AGIDigits(digits: digits, timedOut: end == .timeout, hungUp: end == .hangup)
    }

    func say(_ kind: AGISayKind, _ text: String, escapeDigits: String) -> AGIDigit {
        let files: [String]
        switch kind {
        case .digits: files = SayPrompts.digits(text)
        case .number: files = SayPrompts.number(text, language: call.language) ?? []
        case .alpha: files = SayPrompts.alpha(text)
        case .phonetic: files = SayPrompts.phonetic(text)
        }
        let interrupt = DigitSet(escapeDigits)
        for file in files {
            switch Prompts.play(file, call: call, interrupt: interrupt) {
            case .interrupted(let digit): return .digit(digit)
            case .hangup: return .hangup
            case .finished, .notFound: continue
            }
        }
        return .timeout
    }

    func setVariable(_ name: String, to value: String) {
        if name.hasSuffix(")"), name.contains("(") {
            FunctionCall.write(name, value: value, in: call)
        } else {
            call.setVariable(name, to: value)
        }
    }

    func variable(named name: String) -> String? {
        if name.hasSuffix(")"), name.contains("(") { return FunctionCall.read(name, in: call) }
        return call.variable(named: name)
    }

    func substitute(_ expression: String) -> String { call.substitute(expression) }

    func execute(application: String, arguments: String) -> Int {
        guard let app = call.configuration.applications[application] else { return -2 }
        call.record(.exec(location: call.location, application: application, arguments: call.secrets.apply(arguments),
                          file: "AGI", line: 0))
        switch app.run(call, arguments) {
        case .proceed, .incomplete: return 0
        case .digit(let digit): return Int(digit.asciiValue ?? 0)
        case .hangup, .error: return -1
        }
    }

    func verbose(_ message: String, level: Int) {
        call.record(.verbose(level: level, message: call.secrets.apply(message)))
    }

    func channelStatus() -> Int {
        if call.channel.isHungUp { return 0 }
        return call.channel.isAnswered ? 6 : 4
    }

    func databaseGet(family: String, key: String) -> String? {
        call.configuration.astdb?.get(family: family, key: key)
    }

    func databasePut(family: String, key: String, value: String) -> Bool {
        guard let db = call.configuration.astdb else { return false }
        do {
            try db.put(family: family, key: key, value: value)
            return true
        } catch {
            call.warn("DATABASE PUT failed: \(error)")
            return false
        }
    }

    func databaseDelete(family: String, key: String) -> Bool {
        call.configuration.astdb?.delete(family: family, key: key) ?? false
    }

    func recordFile(_ file: String, format: String, escapeDigits: String, timeoutMilliseconds: Int, beep: Bool,
                    silenceSeconds: Int?) -> AGIRecording {
        if beep { _ = Prompts.play("beep", call: call, interrupt: .none) }
        let path = file.hasPrefix("/") ? "\(file).\(format)" : "\(call.configuration.spoolDirectory)/\(file).\(format)"
        let started = call.channel.clock.now
        let outcome = call.channel.record(to: path, maxDuration: timeoutMilliseconds > 0 ? Double(timeoutMilliseconds) / 1000 : nil,
                                          silence: silenceSeconds.map(Double.init), terminators: DigitSet(escapeDigits))
        let samples = Int(((call.channel.clock.now - started) * 8000).rounded())
        call.record(.recording(path: path, outcome: "\(outcome)"))
        switch outcome {
        case .terminated(let digit): return AGIRecording(digit: digit, endPosition: samples)
        case .silence, .maxDuration: return AGIRecording(endPosition: samples)
        case .hangup: return AGIRecording(endPosition: samples, hungUp: true)
        case .failed: return AGIRecording(failed: true)
        }
    }

    func setContext(_ context: String) {
        resumeAt.context = context
        locationChanged = true
    }

    func setExtension(_ exten: String) {
        resumeAt.exten = exten
        locationChanged = true
    }

    func setPriority(_ priority: String) -> Bool {
        if let number = Int(priority) {
            resumeAt.priority = number
        } else if let labeled = call.priority(labeled: priority, context: resumeAt.context, exten: resumeAt.exten) {
            resumeAt.priority = labeled
        } else {
            return false
        }
        locationChanged = true
        return true
    }

    func logAGI(_ line: String, sent: Bool) {
        call.record(.agi(line: call.secrets.apply(line), sent: sent))
    }
}

/// The engine's version, as AGI scripts see it in `agi_version`.
enum IVRVersion {
    static let string = "ivr-0.1"
}
