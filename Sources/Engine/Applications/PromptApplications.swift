import Dialplan

/// Prompts and digit input: Playback, BackGround, WaitExten, WaitDigit (`apps/app_playback.c`,
/// `main/pbx_builtins.c`, `apps/app_waitforsilence.c`-style WaitDigit).
enum PromptApplications {
    static let all: [Application] = [
        Application("Playback") { call, arguments in playback(arguments, call: call) },
        Application("BackGround") { call, arguments in background(arguments, call: call) },
        Application("WaitExten") { call, arguments in waitExten(arguments, call: call) },
        Application("WaitDigit") { call, arguments in waitDigit(arguments, call: call) },
    ]

    /// `Playback(f1&f2[,options])`: not interruptible (digits are lost); a missing file is skipped.
    static func playback(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 2)
        let options = parts[1]
        if !call.channel.isAnswered {
            if options.contains("skip") {
                call.setVariable("PLAYBACKSTATUS", to: "SUCCESS")
                return .proceed
            }
            if !options.contains("noanswer") { BasicApplications.answer(call) }
        }
        var failed = false
        for name in ApplicationArguments.prompts(parts[0]) {
            switch Prompts.play(name, call: call, interrupt: .none) {
            case .finished, .interrupted: continue
            case .notFound:
                call.warn("Playback failed for \(name): no such prompt")
                failed = true
            case .hangup:
                failed = true
            }
            if call.channel.isHungUp { break }
        }
        call.setVariable("PLAYBACKSTATUS", to: failed ? "FAILED" : "SUCCESS")
        return call.channel.isHungUp ? .hangup : .proceed
    }

    /// `BackGround(f1&f2[,options[,langoverride[,context]]])`: any digit interrupts; a digit that is a
    /// complete one-digit extension of the context jumps there at once, otherwise the PBX collects more.
    static func background(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 4)
        let options = ApplicationArguments.options(parts[1])
        let language = parts[2].isEmpty ? nil : parts[2]
        let context = parts[3].isEmpty ? call.location.context : parts[3]
        if !call.channel.isAnswered {
            if options["s"] != nil || parts[1].contains("skip") { return .proceed }
            if options["n"] == nil && !parts[1].contains("noanswer") { BasicApplications.answer(call) }
        }
        var interrupt = DigitSet.any
        if options["p"] != nil {
            interrupt = .none
        } else if options["m"] != nil {
            // Only digits that are one-digit extensions of the context interrupt.
            interrupt = DigitSet(String("0123456789*#".filter { call.exists(String($0), in: context) }))
        }
        var failed = false
        var digit: Character?
        for name in ApplicationArguments.prompts(parts[0]) {
            let outcome = Prompts.play(name, call: call, interrupt: interrupt, language: language)
            if case .interrupted(let pressed) = outcome {
                digit = pressed
                break
            }
            if outcome == .notFound {
                call.warn("BackGround: no such prompt \(name)")
                failed = true
                break
            }
            if outcome == .hangup { break }
        }
        call.setVariable("BACKGROUNDSTATUS", to: failed ? "FAILED" : "SUCCESS")
        if call.channel.isHungUp { return .hangup }
        guard let digit else { return .proceed }
        call.record(.digit(digit))
        let exten = String(digit)
        if !call.matchMore(exten, in: context) && call.exists(exten, in: context) {
            call.jump(to: CallLocation(context: context, exten: exten, priority: 1), reason: "BackGround digit")
            return .proceed
        }
        return .digit(digit)
    }

    /// `WaitExten([seconds][,options])`: a digit starts collection; a timeout goes on, or to `t`/`e`.
    static func waitExten(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 2)
        var seconds = call.responseTimeout
        if let given = ApplicationArguments.timeLength(parts[0]), given > 0 { seconds = given }
        switch Prompts.waitForDigit(seconds, call: call, timeoutKind: "response") {
        case .digit(let digit):
            call.record(.digit(digit))
            return .digit(digit)
        case .hangup:
            return .hangup
        case .timeout:
            let here = call.location
            if call.exists(here.exten, in: here.context, priority: here.priority + 1) { return .proceed }
            if call.exists("t", in: here.context) {
                call.jump(to: CallLocation(context: here.context, exten: "t", priority: 1), reason: "timeout")
                return .proceed
            }
            if call.exists("e", in: here.context) {
                call.exception = ExceptionInfo(reason: "RESPONSETIMEOUT", location: here)
                call.jump(to: CallLocation(context: here.context, exten: "e", priority: 1), reason: "exception RESPONSETIMEOUT")
                return .proceed
            }
            call.warn("Timeout but no rule 't' or 'e' in context '\(here.context)'")
            return .hangup
        }
    }

    /// `WaitDigit(seconds[,digits])`: WAITDIGITSTATUS DTMF/TIMEOUT/ERROR/CANCEL, WAITDIGITRESULT.
    static func waitDigit(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 2)
        guard let seconds = ApplicationArguments.timeLength(parts[0]), seconds >= 0 else {
            call.warn("WaitDigit: invalid timeout '\(parts[0])'")
            call.setVariable("WAITDIGITSTATUS", to: "ERROR")
            return .proceed
        }
        let accepted = parts[1].isEmpty ? DigitSet.any : DigitSet(parts[1])
        let deadline = call.channel.clock.now + seconds
        while true {
            switch call.channel.waitForDigit(until: deadline) {
            case .digit(let digit):
                call.record(.digit(digit))
                guard accepted.contains(digit) else { continue }
                call.setVariable("WAITDIGITSTATUS", to: "DTMF")
                call.setVariable("WAITDIGITRESULT", to: String(digit))
                return .proceed
            case .timeout:
                call.record(.timeout("WaitDigit"))
                call.setVariable("WAITDIGITSTATUS", to: "TIMEOUT")
                return .proceed
            case .hangup:
                call.setVariable("WAITDIGITSTATUS", to: "CANCEL")
                return .hangup
            }
        }
    }
}
