import Dialplan
import Foundation

/// Functions that read or change the call itself: CALLERID, CHANNEL, LANGUAGE, TIMEOUT, EXCEPTION, LOCAL,
/// LOCAL_PEEK, STACK_PEEK, SECRET, TESTTIME — plus the AstDB, CURL and SHELL ones in their own files.
enum ChannelFunctions {
    static let all: [DialplanFunction] = [
        callerID, channel, languageFunction, timeout, exception, local, localPeek, stackPeek, secret, testTime,
    ] + DatabaseFunctions.all + ExternalFunctions.all

    /// The call behind a context, or a failure when a function that needs a channel runs without one.
    static func call(_ context: any EvaluationContext, _ name: String) throws(FunctionError) -> Call {
        guard let call = context as? Call else { throw .failed(function: name, reason: "needs a channel") }
        return call
    }

    static let callerID = DialplanFunction(
        "CALLERID", synopsis: "CALLERID(num|name|all|ani|dnid|rdnis) — caller identification",
        read: { argument, context throws(FunctionError) in
            let call = try call(context, "CALLERID")
            let item = CallerIDItem.canonical(argument)
            if item == "all" {
                return CallerIDItem.all(name: call.callerID["name"] ?? "", number: call.callerID["num"] ?? "")
            }
            return call.callerID[item] ?? ""
        },
        write: { argument, value, context throws(FunctionError) in
            let call = try call(context, "CALLERID")
            let item = CallerIDItem.canonical(argument)
            if item == "all" {
                let parsed = CallerIDItem.parseAll(value)
                // A bare value sets the number and keeps the name, as before.
                if !parsed.name.isEmpty || value.contains("<") { call.callerID["name"] = parsed.name }
                call.callerID["num"] = parsed.number
            } else {
                call.callerID[item] = value
            }
        })

    static let channel = DialplanFunction(
        "CHANNEL", synopsis: "CHANNEL(language|name|uniqueid|state|musicclass) — channel properties",
        read: { argument, context throws(FunctionError) in
            let call = try call(context, "CHANNEL")
            switch argument.trimmingBlanksForApplication().lowercased() {
            case "language": return call.language
            case "name": return call.channel.name
            case "uniqueid": return call.uniqueID
            case "state": return call.channel.isHungUp ? "Down" : call.channel.isAnswered ? "Up" : "Ring"
            case "musicclass": return call.variables["__MUSICCLASS"] ?? "default"
            case "accountcode": return call.accountCode
            case "context": return call.location.context
            case "exten": return call.location.exten
            default: throw .badArguments(function: "CHANNEL", reason: "unknown item '\(argument)'")
            }
        },
        write: { argument, value, context throws(FunctionError) in
            let call = try call(context, "CHANNEL")
            switch argument.trimmingBlanksForApplication().lowercased() {
            case "language": call.language = value
            case "musicclass": call.variables["__MUSICCLASS"] = value
            default: throw .badArguments(function: "CHANNEL", reason: "'\(argument)' cannot be written")
            }
        })

    static let languageFunction = DialplanFunction(
        "LANGUAGE", synopsis: "LANGUAGE() — the channel's language (same as CHANNEL(language))",
        read: { _, context throws(FunctionError) in try call(context, "LANGUAGE").language },
        write: { _, value, context throws(FunctionError) in try call(context, "LANGUAGE").language = value })

    static let timeout = DialplanFunction(
        "TIMEOUT", synopsis: "TIMEOUT(digit|response|absolute) — call timeouts in seconds",
        read: { argument, context throws(FunctionError) in
            let call = try call(context, "TIMEOUT")
            switch argument.trimmingBlanksForApplication().lowercased().first {
            case "d": return String(format: "%.3f", call.digitTimeout)
            case "r": return String(format: "%.3f", call.responseTimeout)
            case "a":
                guard let deadline = call.absoluteDeadline else { return "0" }
                return String(format: "%.3f", max(0, deadline - call.channel.clock.now))
            default: throw .badArguments(function: "TIMEOUT", reason: "unknown timeout type '\(argument)'")
            }
        },
        write: { argument, value, context throws(FunctionError) in
            let call = try call(context, "TIMEOUT")
            let seconds = max(0, ApplicationArguments.leadingDouble(value) ?? 0)
            switch argument.trimmingBlanksForApplication().lowercased().first {
            case "d": call.digitTimeout = seconds
            case "r": call.responseTimeout = seconds
            case "a": call.absoluteDeadline = seconds > 0 ? call.channel.clock.now + seconds : nil
            default: throw .badArguments(function: "TIMEOUT", reason: "unknown timeout type '\(argument)'")
            }
        })

    static let exception = DialplanFunction(
        "EXCEPTION", synopsis: "EXCEPTION(reason|context|exten|priority) — why and where the call went to 'e'",
        read: { argument, context throws(FunctionError) in
            let call = try call(context, "EXCEPTION")
            guard let info = call.exception else { return "" }
            switch argument.trimmingBlanksForApplication().lowercased() {
            case "reason": return info.reason
            case "context": return info.location.context
            case "exten": return info.location.exten
            case "priority": return String(info.location.priority)
            default: throw .badArguments(function: "EXCEPTION", reason: "unknown field '\(argument)'")
            }
        })

    static let local = DialplanFunction(
        "LOCAL", synopsis: "LOCAL(name) — a variable local to the current Gosub",
        read: { argument, context throws(FunctionError) in try call(context, "LOCAL").variables[argument] ?? "" },
        write: { argument, value, context throws(FunctionError) in
            StackApplications.setLocal(argument, value, call: try call(context, "LOCAL"))
        })

    static let localPeek = DialplanFunction(
        "LOCAL_PEEK", synopsis: "LOCAL_PEEK(n,name) — a local variable n Gosub levels up",
        read: { argument, context throws(FunctionError) in
            let call = try call(context, "LOCAL_PEEK")
            let parts = ApplicationArguments.split(argument, count: 2)
            guard let level = Int(parts[0].trimmingBlanksForApplication()), level >= 0 else {
                throw .badArguments(function: "LOCAL_PEEK", reason: "level must be a number")
            }
            let name = parts[1]
            // Walk frames from the innermost: a frame's saved value is what the next outer level saw.
            var value: String? = call.variables[name]
            var remaining = level
            for frame in call.gosubStack.reversed() where remaining > 0 {
                if let saved = frame.savedLocals[name] { value = saved }
                remaining -= 1
            }
            return value ?? ""
        })

    static let stackPeek = DialplanFunction(
        "STACK_PEEK", synopsis: "STACK_PEEK(n,c|e|p|l[,suppress]) — a Gosub return address n levels up",
        read: { argument, context throws(FunctionError) in
            let call = try call(context, "STACK_PEEK")
            let parts = ApplicationArguments.split(argument, count: 3)
            guard let level = Int(parts[0].trimmingBlanksForApplication()), level >= 0 else {
                throw .badArguments(function: "STACK_PEEK", reason: "level must be a number")
            }
            guard level < call.gosubStack.count else {
                if ConfigBoolean.isTrue(parts[2]) { return "" }
                throw .badArguments(function: "STACK_PEEK", reason: "stack is only \(call.gosubStack.count) deep")
            }
            let address = call.gosubStack[call.gosubStack.count - 1 - level].returnTo
            switch parts[1].lowercased().first {
            case "c": return address.context
            case "e": return address.exten
            case "p": return String(address.priority - 1)
            case "l": return "\(address.context),\(address.exten),\(address.priority - 1)"
            default: throw .badArguments(function: "STACK_PEEK", reason: "which must be c, e, p or l")
            }
        })

    /// `Set(SECRET(PIN)=1)`: from now on the variable's values never reach any output (`=last4`: only their last
    /// four characters do). Reading gives 1 or 0.
    static let secret = DialplanFunction(
        "SECRET", synopsis: "SECRET(variable) — mark a variable secret (=1, or =last4 to show the last 4 characters) or stop (=0); read: 1 if it is",
        read: { argument, context throws(FunctionError) in
            try call(context, "SECRET").secrets.isSecret(VariableName.stripInheritance(argument)) ? "1" : "0"
        },
        write: { argument, value, context throws(FunctionError) in
            let call = try call(context, "SECRET")
            let name = argument.trimmingBlanksForApplication()
            if let exposure = SecretMasker.Exposure(setting: value) {
                call.markSecret(name, exposure: exposure)
            } else {
                // =0 ends the secrecy of later values; what was already hidden stays hidden.
                call.secrets.unmarkSecret(VariableName.stripInheritance(name))
            }
        })

    /// `Set(TESTTIME()=2026/11/23 10:00:00 [zone])`: the time GotoIfTime and ExecIfTime test against.
    static let testTime = DialplanFunction(
        "TESTTIME", synopsis: "TESTTIME()=YYYY/MM/DD HH:MM:SS [zone] — pin the time for GotoIfTime",
        write: { _, value, context throws(FunctionError) in
            let call = try call(context, "TESTTIME")
            let parts = value.split(separator: " ").map(String.init)
            guard parts.count >= 2 else { throw .badArguments(function: "TESTTIME", reason: "expected YYYY/MM/DD HH:MM:SS") }
            let zone = parts.count >= 3 ? TimeZone(identifier: parts[2]) : call.timeZone
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone ?? call.timeZone
            formatter.dateFormat = "yyyy/MM/dd HH:mm:ss"
            guard let date = formatter.date(from: parts[0] + " " + parts[1]) else {
                throw .badArguments(function: "TESTTIME", reason: "expected YYYY/MM/DD HH:MM:SS, not '\(value)'")
            }
            call.variables["TESTTIME"] = String(Int(date.timeIntervalSince1970))
        })
}
