import Dialplan

/// Jumps, conditions and running other applications: Goto, GotoIf, GotoIfTime, ExecIf, ExecIfTime, Exec,
/// TryExec (`main/pbx_builtins.c`, `apps/app_exec.c`).
enum FlowApplications {
    static let all: [Application] = [
        Application("Goto") { call, arguments in
            goTo(arguments, call: call, reason: "Goto")
        },
        Application("GotoIf") { call, arguments in
            guard let parts = ApplicationArguments.conditional(arguments) else {
                call.warn("GotoIf requires an argument (condition?label1:label2)")
                return .proceed
            }
            let branch = Condition.isTrue(parts.condition) ? parts.then : parts.otherwise
            guard let branch, !branch.isEmpty else { return .proceed }
            return goTo(branch, call: call, reason: "GotoIf")
        },
        Application("GotoIfTime") { call, arguments in
            guard let parts = ApplicationArguments.conditional(arguments) else {
                call.warn("GotoIfTime requires an argument (timespec?label1:label2)")
                return .proceed
            }
            let matches = call.timeSpecs.spec(parts.condition).matches(epoch: call.timeForConditions,
                                                                      defaultZone: call.timeZone)
            let branch = matches ? parts.then : parts.otherwise
            guard let branch, !branch.isEmpty else { return .proceed }
            return goTo(branch, call: call, reason: "GotoIfTime")
        },
        Application("ExecIf") { call, arguments in
            guard let question = arguments.firstIndex(of: "?") else {
                call.warn("ExecIf requires an argument (condition?App(args)[:App(args)])")
                return .hangup
            }
            let condition = String(arguments[..<question])
            let rest = String(arguments[arguments.index(after: question)...])
            let (first, second) = splitApplications(rest)
            let chosen = Condition.isTrue(condition) ? first : second
            guard let chosen, !chosen.isEmpty else { return .proceed }
            return run(chosen, call: call, substituteAgain: false) ?? .hangup
        },
        Application("ExecIfTime") { call, arguments in
            guard let question = arguments.firstIndex(of: "?") else {
                call.warn("ExecIfTime requires an argument (timespec?App(args))")
                return .proceed
            }
            let spec = call.timeSpecs.spec(String(arguments[..<question]))
            guard spec.matches(epoch: call.timeForConditions, defaultZone: call.timeZone) else { return .proceed }
            return run(String(arguments[arguments.index(after: question)...]), call: call, substituteAgain: false) ?? .hangup
        },
        Application("Exec") { call, arguments in
            run(arguments, call: call, substituteAgain: true) ?? .hangup
        },
        Application("TryExec") { call, arguments in
            guard let result = run(arguments, call: call, substituteAgain: true) else {
                call.setVariable("TRYSTATUS", to: "NOAPP")
                return .proceed
            }
            call.setVariable("TRYSTATUS", to: result == .proceed ? "SUCCESS" : "FAILED")
            return .proceed
        },
    ]

    /// Resolves and takes a goto; a bad label ends the call as in Asterisk.
    static func goTo(_ text: String, call: Call, reason: String) -> ApplicationResult {
        guard let target = GotoParser.target(text, call: call) else { return .hangup }
        call.jump(to: target, reason: reason)
        return .proceed
    }

    /// `App1(args):App2(args)` split at the first `:` outside parentheses.
    static func splitApplications(_ text: String) -> (String?, String?) {
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case ":" where depth == 0:
                return (String(text[..<index]), String(text[text.index(after: index)...]))
            default: break
            }
        }
        return (text, nil)
    }

    /// Runs `App(args)`; nil when there is no such application.
    static func run(_ text: String, call: Call, substituteAgain: Bool) -> ApplicationResult? {
        let trimmed = text.trimmingBlanksForApplication()
        var name = trimmed
        var arguments = ""
        if let open = trimmed.firstIndex(of: "(") {
            name = String(trimmed[..<open])
            let rest = trimmed[trimmed.index(after: open)...]
            arguments = String(rest[..<(rest.lastIndex(of: ")") ?? rest.endIndex)])
        }
        guard let application = call.configuration.applications[name] else {
            call.warn("could not find application '\(name)'")
            return nil
        }
        if substituteAgain { arguments = call.substituteArguments(arguments) }
        return application.run(call, arguments)
    }
}
