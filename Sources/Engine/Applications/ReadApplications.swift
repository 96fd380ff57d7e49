import Dialplan

/// Collecting digit strings: Read (`apps/app_read.c`) and ReadExten (`apps/app_readexten.c`).
enum ReadApplications {
    static let all: [Application] = [
        Application("Read") { call, arguments in read(arguments, call: call) },
        Application("ReadExten") { call, arguments in readExten(arguments, call: call) },
    ]

    /// How `ast_readstring` ended.
    enum ReadEnd { case complete, emptyTerminated, timeout, hangup, failed }

    /// `Read(var[,files[,maxdigits[,options[,attempts[,timeout]]]]])`.
    /// Options: `s` skip if not answered, `n` no answer, `t(chars)` terminators, `e` keep a lone terminator,
    /// `i` indication (treated as a prompt name here), and this engine's `S`: the input is secret.
    static func read(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 6)
        let variable = parts[0].trimmingBlanksForApplication()
        guard !variable.isEmpty else {
            call.warn("Read requires a variable name")
            return .proceed
        }
        var maxDigits = 255
        if let value = Condition.leadingInteger(parts[2]), value >= 1, value <= 255 { maxDigits = value }
        let options = ApplicationArguments.options(parts[3])
        var attempts = Condition.leadingInteger(parts[4]) ?? 1
        if attempts <= 0 { attempts = 1 }
        var timeout: Double?
        if let seconds = ApplicationArguments.leadingDouble(parts[5]), seconds > 0 { timeout = seconds }
        var terminators = DigitSet("#")
        if let custom = options["t"] { terminators = DigitSet(custom) }
        if options["S"] != nil { call.markSecret(variable) }
        let secret = call.secrets.isSecret(VariableName.stripInheritance(variable))

        if !call.channel.isAnswered {
            if options["s"] != nil {
                call.setVariable("READSTATUS", to: "SKIPPED")
                return .proceed
            }
            if options["n"] == nil { BasicApplications.answer(call) }
        }
        var status = "ERROR"
        var value = ""
        while attempts > 0 {
            let (digits, end) = getData(prompts: ApplicationArguments.prompts(parts[1]), maxDigits: maxDigits,
                                        timeout: timeout, terminators: terminators, secret: secret, call: call)
            value = digits
            switch end {
            case .complete, .emptyTerminated: status = "OK"
            case .timeout: status = "TIMEOUT"
            case .hangup, .failed: break
            }
            if end == .emptyTerminated, options["e"] != nil, let terminator = terminators.description.first {
                value = String(terminator)
            }
            if end == .hangup || end == .failed {
                call.setVariable(variable, to: value)
                break
            }
            call.setVariable(variable, to: value)
            attempts = value.isEmpty ? attempts - 1 : 0
        }
        if call.channel.isHungUp { status = "HANGUP" }
        call.setVariable("READSTATUS", to: status)
        return .proceed
    }

    /// `ast_app_getdata_full`: each prompt interruptible; between prompts only 50 ms for a first digit; after the
    /// last, `TIMEOUT(response)` for the first digit and `TIMEOUT(digit)` between digits (or `timeout` for both).
    static func getData(prompts: [String], maxDigits: Int, timeout: Double?, terminators: DigitSet, secret: Bool,
                        call: Call) -> (String, ReadEnd) {
        var result: (String, ReadEnd) = ("", .failed)
        let list = prompts.isEmpty ? [""] : prompts
        for (index, name) in list.enumerated() {
            var first: Character?
            if !name.isEmpty {
                switch Prompts.play(name, call: call, interrupt: .any) {
                case .interrupted(let digit): first = digit
                case .notFound:
                    result = ("", .failed)
                    continue
                case .hangup: return ("", .hangup)
                case .finished: break
                }
            }
            let isLast = index == list.count - 1
            var firstWait = isLast ? call.responseTimeout : 0.05
            var between = call.digitTimeout
            if isLast, let timeout { firstWait = timeout; between = timeout }
            result = readString(first: first, maxDigits: maxDigits, firstWait: firstWait, between: between,
                                terminators: terminators, secret: secret, call: call)
            if result.1 == .emptyTerminated || !result.0.isEmpty { return result }
        }
        return result
    }

    /// `ast_readstring`: digits until a terminator, `maxDigits`, or a timeout.
    static func readString(first: Character?, maxDigits: Int, firstWait: Double, between: Double,
                           terminators: DigitSet, secret: Bool, call: Call) -> (String, ReadEnd) {
        var digits = ""
        var wait = firstWait
        var pending = first
        while true {
            let digit: Character
            if let pressed = pending {
                digit = pressed
                pending = nil
            } else {
                switch call.channel.waitForDigit(until: call.channel.clock.now + wait) {
                case .digit(let pressed): digit = pressed
                case .timeout:
                    call.record(.timeout(digits.isEmpty ? "response" : "digit"))
                    return (digits, .timeout)
                case .hangup: return (digits, .hangup)
                }
            }
            call.record(.digit(secret && !terminators.contains(digit) ? "*" : digit))
            if terminators.contains(digit) {
                return (digits, digits.isEmpty ? .emptyTerminated : .complete)
            }
            digits.append(digit)
            if digits.count >= maxDigits { return (digits, .complete) }
            wait = between
        }
    }

    /// `ReadExten(var[,filename[,context[,option[,timeout]]]])`: reads digits while they can still become an
    /// extension of the context; READEXTENSTATUS OK/TIMEOUT/INVALID/SKIP/HANGUP/ERROR.
    static func readExten(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 5)
        let variable = parts[0].trimmingBlanksForApplication()
        let context = parts[2].isEmpty ? call.location.context : parts[2]
        let options = ApplicationArguments.options(parts[3])
        var timeout = call.digitTimeout
        if let seconds = ApplicationArguments.leadingDouble(parts[4]), seconds > 0 { timeout = seconds }
        guard !variable.isEmpty else {
            call.warn("ReadExten requires a variable name")
            call.setVariable("READEXTENSTATUS", to: "ERROR")
            return .proceed
        }
        if !call.channel.isAnswered {
            if options["s"] != nil {
                call.setVariable("READEXTENSTATUS", to: "SKIP")
                return .proceed
            }
            if options["n"] == nil { BasicApplications.answer(call) }
        }
        var digits = ""
        var first: Character?
        for name in ApplicationArguments.prompts(parts[1]) {
            if case .interrupted(let digit) = Prompts.play(name, call: call, interrupt: .any) {
                first = digit
                break
            }
        }
        var status = "TIMEOUT"
        var wait = first == nil ? call.responseTimeout : timeout
        loop: while true {
            let digit: Character
            if let pressed = first {
                digit = pressed
                first = nil
            } else {
                switch call.channel.waitForDigit(until: call.channel.clock.now + wait) {
                case .digit(let pressed): digit = pressed
                case .timeout:
                    call.record(.timeout("digit"))
                    if !digits.isEmpty {
                        status = call.exists(digits, in: context) ? "OK" : "INVALID"
                    }
                    break loop
                case .hangup:
                    status = "HANGUP"
                    break loop
                }
            }
            call.record(.digit(digit))
            if digit == "#" && options["i"] == nil {
                status = digits.isEmpty ? "TIMEOUT" : (call.exists(digits, in: context) ? "OK" : "INVALID")
                break
            }
            digits.append(digit)
            if !call.matchMore(digits, in: context) {
                status = call.exists(digits, in: context) ? "OK" : "INVALID"
                break
            }
            wait = timeout
        }
        call.setVariable(variable, to: status == "OK" ? digits : "")
        if status == "INVALID" { call.setVariable("INVALID_EXTEN", to: digits) }
        call.setVariable("READEXTENSTATUS", to: status)
        return status == "HANGUP" ? .hangup : .proceed
    }
}
