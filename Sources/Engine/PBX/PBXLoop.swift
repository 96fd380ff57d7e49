import Dialplan

/// Asterisk's `__ast_pbx_run` for one call: run priorities, collect digits, handle `i`, `t`, `e`, `T`, `h`.
struct PBXLoop {
    let call: Call

    func run() {
        var steps = 0
        var error = false
        outer: while true {
            var digitBuffer = ""
            var collectingAfterDigit = false
            var incomplete = false
            // Run priorities of the current extension until one is missing or an application stops the flow.
            inner: while true {
                if steps >= call.configuration.stepLimit {
                    fail("the call ran \(steps) priorities without ending; stopped as a runaway loop")
                    error = true
                    break outer
                }
                guard let priority = currentPriority() else { break inner }
                steps += 1
                let result = execute(priority)
                if let agi = call.pendingAGILocation {
                    call.pendingAGILocation = nil
                    call.jump(to: agi, reason: "AGI")
                }
                switch result {
                case .proceed:
                    if absoluteTimeoutHandled() { continue inner }
                    if call.channel.isHungUp {
                        error = true
                        break outer
                    }
                    call.location.priority += 1
                case .digit(let digit):
                    digitBuffer = String(digit)
                    collectingAfterDigit = true
                    break inner
                case .incomplete:
                    guard call.matchMore(call.location.exten, in: call.location.context) else {
                        error = true
                        break outer
                    }
                    digitBuffer = call.location.exten
                    incomplete = true
                    break inner
                case .error:
                    if call.location.exten != "e", call.exists("e", in: call.location.context) {
                        raiseException("ERROR")
                        continue outer
                    }
                    error = true
                    break outer
                case .hangup:
                    if absoluteTimeoutHandled() { continue inner }
                    error = true
                    break outer
                }
            }
            // A failure of some kind: a missing extension or priority, or digits to collect.
            if !collectingAfterDigit && !incomplete && !call.exists(call.location.exten, in: call.location.context) {
                if call.exists("i", in: call.location.context) {
                    call.setVariable("INVALID_EXTEN", to: call.location.exten)
                    goTo(CallLocation(context: call.location.context, exten: "i", priority: 1), reason: "invalid extension")
                } else if call.exists("e", in: call.location.context) {
                    raiseException("INVALID")
                } else {
                    call.warn("sent to invalid extension \(call.location) with no 'i' or 'e' handler")
                    break outer
                }
                continue outer
            }
            var wait: Double = 0
            if collectingAfterDigit || incomplete {
                wait = call.digitTimeout
            } else if !call.dialplan.autoFallthrough {
                wait = call.responseTimeout
            }
            if wait == 0 {
                autoFallthrough()
                break outer
            }
            guard collectDigits(&digitBuffer, firstWait: wait) else { break outer }
            let timedOut = incomplete && digitBuffer == call.location.exten
            if !timedOut && !digitBuffer.isEmpty && call.exists(digitBuffer, in: call.location.context) {
                goTo(CallLocation(context: call.location.context, exten: digitBuffer, priority: 1), reason: "dialled")
            } else if !timedOut && !digitBuffer.isEmpty {
                if call.exists("i", in: call.location.context) {
                    call.setVariable("INVALID_EXTEN", to: digitBuffer)
                    goTo(CallLocation(context: call.location.context, exten: "i", priority: 1), reason: "invalid extension")
                } else if call.exists("e", in: call.location.context) {
                    raiseException("INVALID")
                } else {
                    call.warn("invalid extension '\(digitBuffer)' with no 'i' or 'e' in context '\(call.location.context)'")
                    break outer
                }
            } else if call.exists("t", in: call.location.context) {
                goTo(CallLocation(context: call.location.context, exten: "t", priority: 1), reason: "timeout")
            } else if call.exists("e", in: call.location.context) {
                raiseException("RESPONSETIMEOUT")
            } else {
                call.warn("timeout with no 't' or 'e' in context '\(call.location.context)'")
                break outer
            }
        }
        _ = error
        hangupIfNeeded()
        runHangupExtension()
        finish()
    }

    // MARK: - One priority

    private func currentPriority() -> Priority? {
        guard call.location.priority >= 1 else { return nil }
        return call.priority(call.location.priority, of: call.location.exten, in: call.location.context)
    }

    private func execute(_ priority: Priority) -> ApplicationResult {
        let arguments = priority.needsSubstitution ? call.substituteArguments(priority.data) : priority.data
        var shown = call.secrets.apply(arguments)
        if !call.secrets.names.isEmpty, (3...4).contains(priority.application.utf8.count) {
            let key = priority.application.lowercased()
            if key == "set" || key == "mset" { shown = call.secrets.maskingAssignments(shown, application: key) }
        }
        if let first = priority.application.utf8.first, first | 0x20 == UInt8(ascii: "a"),
           priority.application.lowercased() == "authenticate", !shown.isEmpty {
            // The password Authenticate compares against is a secret, wherever it came from.
            let rest = shown.firstIndex(of: ",").map { String(shown[$0...]) } ?? ""
            shown = SecretMasker.mask + rest
        }
        call.lastApplication = priority.application
        call.lastData = shown
        call.record(.exec(location: call.location, application: priority.application, arguments: shown,
                          file: priority.location.file, line: priority.location.line))
        guard let application = call.configuration.applications[priority.application] else {
            fail("no application '\(priority.application)' (at \(priority.location))")
            return .hangup
        }
        return application.run(call, arguments)
    }

    // MARK: - Digits

    /// `collect_digits`: while a longer extension could still match, wait for another digit.
    /// False when the caller hung up.
    private func collectDigits(_ buffer: inout String, firstWait: Double) -> Bool {
        var wait = firstWait
        while call.matchMore(buffer, in: call.location.context) {
            let deadline = call.channel.clock.now + wait
            switch call.channel.waitForDigit(until: deadline) {
            case .digit(let digit):
                buffer.append(digit)
                call.record(.digit(digit))
                wait = call.digitTimeout
            case .timeout:
                call.record(.timeout(buffer.isEmpty ? "response" : "digit"))
                return true
            case .hangup:
                return false
            }
        }
        return true
    }

    // MARK: - Special extensions

    private func goTo(_ target: CallLocation, reason: String) {
        call.location = target
        call.record(.jump(to: target, reason: reason))
    }

    /// `raise_exception`: remember why and where, then go to `e`.
    private func raiseException(_ reason: String) {
        call.exception = ExceptionInfo(reason: reason, location: call.location)
        goTo(CallLocation(context: call.location.context, exten: "e", priority: 1), reason: "exception \(reason)")
    }

    /// `TIMEOUT(absolute)` expired: go to `T` (or `e` with ABSOLUTETIMEOUT). True when the call goes on there.
    private func absoluteTimeoutHandled() -> Bool {
        guard let deadline = call.absoluteDeadline, call.channel.clock.now >= deadline else { return false }
        call.absoluteDeadline = nil
        if call.exists("T", in: call.location.context) {
            goTo(CallLocation(context: call.location.context, exten: "T", priority: 1), reason: "absolute timeout")
            return true
        }
        if call.exists("e", in: call.location.context) {
            raiseException("ABSOLUTETIMEOUT")
            return true
        }
        call.channel.hangup(cause: 16)
        return false
    }

    /// Ran off the end with autofallthrough: signal busy or congestion after a failed Dial, then end.
    private func autoFallthrough() {
        let status = call.variables["DIALSTATUS"] ?? ""
        switch status.uppercased() {
        case "BUSY": call.channel.indicate(.busy); call.hangupCause = 17
        case "CONGESTION", "CHANUNAVAIL": call.channel.indicate(.congestion); call.hangupCause = 34
        default: break
        }
    }

    private func fail(_ message: String) {
        call.failure = message
        call.record(.error(call.secrets.apply(message)))
    }

    private func hangupIfNeeded() {
        let byCaller = call.channel.isHungUp
        if !byCaller { call.channel.hangup(cause: call.hangupCause) }
        call.record(.hangup(cause: call.hangupCause, byCaller: byCaller))
    }

    /// `ast_pbx_h_exten_run`: run `h` of the current context from priority 1 with `${EXTEN}` = h.
    private func runHangupExtension() {
        let context = call.location.context
        guard call.exists("h", in: context) else { return }
        call.location = CallLocation(context: context, exten: "h", priority: 1)
        call.record(.jump(to: call.location, reason: "hangup handler"))
        var steps = 0
        while steps < call.configuration.stepLimit, let priority = currentPriority() {
            steps += 1
            let result = execute(priority)
            guard result == .proceed else { break }
            call.location.priority += 1
        }
    }

    private func finish() {
        call.record(.callEnd(disposition: CallDetailRecord.disposition(of: call)))
    }
}
