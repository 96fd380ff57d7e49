import Dialplan

/// Call control and variables: Answer, Hangup, NoOp, Verbose, Log, Set, MSet, Wait, indications, UserEvent,
/// RaiseException, Incomplete (`main/pbx_builtins.c`).
enum BasicApplications {
    static let all: [Application] = [
        Application("Answer") { call, arguments in
            // Answer([delay_ms][,i]): the delay only waits for media; a scripted channel has it at once.
            answer(call)
            let delay = ApplicationArguments.split(arguments, count: 2)[0]
            if let milliseconds = ApplicationArguments.leadingDouble(delay), milliseconds > 0 {
                _ = call.channel.wait(until: call.channel.clock.now + milliseconds / 1000)
            }
            return call.channel.isHungUp ? .hangup : .proceed
        },
        Application("Hangup") { call, arguments in
            let cause = arguments.trimmingBlanksForApplication()
            if let number = Int(cause), number > 0 { call.hangupCause = number }
            else if let named = hangupCauses[cause.uppercased()] { call.hangupCause = named }
            return .hangup
        },
        Application("NoOp") { _, _ in .proceed },
        Application("Verbose") { call, arguments in
            // Verbose([level,]message): with one argument it is the message, at level 0.
            guard !arguments.isEmpty else { return .proceed }
            let parts = ArgumentSplitter.split(arguments, limit: 2)
            var level = 0
            var message = parts.first ?? ""
            if parts.count == 2 {
                level = min(max(Condition.leadingInteger(parts[0]) ?? 0, 0), 4)
                message = parts[1]
            }
            call.record(.verbose(level: level, message: call.secrets.apply(message)))
            return .proceed
        },
        Application("Log") { call, arguments in
            let parts = ApplicationArguments.split(arguments, count: 2)
            call.record(.log(level: parts[0].uppercased(), message: call.secrets.apply(parts[1])))
            return .proceed
        },
        Application("Set") { call, arguments in
            set(arguments, in: call)
            return .proceed
        },
        Application("MSet") { call, arguments in
            for pair in ArgumentSplitter.split(arguments, limit: 99) { set(pair, in: call) }
            return .proceed
        },
        Application("Wait") { call, arguments in
            guard let seconds = ApplicationArguments.timeLength(arguments), seconds > 0 else { return .proceed }
            return call.channel.wait(until: call.channel.clock.now + seconds) ? .proceed : .hangup
        },
        Application("Busy") { call, arguments in indicate(.busy, cause: 17, arguments, call) },
        Application("Congestion") { call, arguments in indicate(.congestion, cause: 34, arguments, call) },
        Application("Ringing") { call, _ in call.channel.indicate(.ringing); return .proceed },
        Application("Progress") { call, _ in call.channel.indicate(.progress); return .proceed },
        Application("Proceeding") { call, _ in call.channel.indicate(.proceeding); return .proceed },
        Application("UserEvent") { call, arguments in
            let parts = ApplicationArguments.split(arguments, count: 2)
            call.record(.userEvent(name: parts[0], body: call.secrets.apply(parts[1])))
            return .proceed
        },
        Application("RaiseException") { call, arguments in
            guard call.exists("e", in: call.location.context) else {
                call.warn("RaiseException(\(arguments)) with no 'e' extension in '\(call.location.context)'")
                return .hangup
            }
            call.exception = ExceptionInfo(reason: arguments, location: call.location)
            call.jump(to: CallLocation(context: call.location.context, exten: "e", priority: 1),
                      reason: "exception \(arguments)")
            return .proceed
        },
        Application("Incomplete") { _, _ in .incomplete },
    ]

    /// Answers once, remembering when (for the CDR's answer time and billsec).
    static func answer(_ call: Call) {
        guard !call.channel.isAnswered else { return }
        call.channel.answer()
        call.answerTime = call.channel.clock.now
    }

    /// `Set(name=value)`: split at the first `=`; a name ending in `)` writes a function.
    static func set(_ assignment: String, in call: Call) {
        guard let equals = assignment.utf8.firstIndex(of: UInt8(ascii: "=")) else {
            call.warn("Set requires a variable name and a value: \(assignment)")
            return
        }
        let name = String(assignment[..<equals]).trimmingBlanksForApplication()
        let value = String(assignment[assignment.utf8.index(after: equals)...])
        guard !name.isEmpty else {
            call.warn("Set requires a variable name")
            return
        }
        if name.utf8.last == UInt8(ascii: ")"), name.utf8.contains(UInt8(ascii: "(")) {
            FunctionCall.write(name, value: value, in: call)
        } else {
            call.setVariable(name, to: value)
        }
    }

    private static func indicate(_ indication: Indication, cause: Int, _ arguments: String, _ call: Call) -> ApplicationResult {
        call.channel.indicate(indication)
        if !call.channel.isAnswered { call.hangupCause = cause }
        if let seconds = ApplicationArguments.timeLength(arguments), seconds > 0 {
            _ = call.channel.wait(until: call.channel.clock.now + seconds)
        }
        return .hangup
    }

    /// Cause names Hangup accepts (`ast_str2cause`), the common ones.
    static let hangupCauses: [String: Int] = [
        "UNALLOCATED": 1, "NO_ROUTE_DESTINATION": 3, "NORMAL_CLEARING": 16, "NORMAL": 16, "USER_BUSY": 17,
        "BUSY": 17, "NO_USER_RESPONSE": 18, "NO_ANSWER": 19, "CALL_REJECTED": 21, "NUMBER_CHANGED": 22,
        "DESTINATION_OUT_OF_ORDER": 27, "INVALID_NUMBER_FORMAT": 28, "NORMAL_UNSPECIFIED": 31,
        "NORMAL_CIRCUIT_CONGESTION": 34, "CONGESTION": 34, "NETWORK_OUT_OF_ORDER": 38, "TEMPORARY_FAILURE": 41,
        "SWITCH_CONGESTION": 42,
    ]
}
