import Dialplan

/// Subroutines and loops: Gosub, GosubIf, Return, StackPop (`apps/app_stack.c`) and While, EndWhile, ExitWhile,
/// ContinueWhile (`apps/app_while.c`, whose state lives in `WHILE_n` channel variables as in Asterisk).
enum StackApplications {
    static let all: [Application] = [
        Application("Gosub") { call, arguments in gosub(arguments, call: call) },
        Application("GosubIf") { call, arguments in
            guard let question = arguments.firstIndex(of: "?") else {
                call.warn("GosubIf requires an argument: cond?label1(args):label2(args)")
                return .proceed
            }
            let condition = String(arguments[..<question])
            let (first, second) = FlowApplications.splitApplications(String(arguments[arguments.index(after: question)...]))
            let chosen = Condition.isTrue(condition) ? first : second
            guard let chosen, !chosen.isEmpty else { return .proceed }
            return gosub(chosen, call: call)
        },
        Application("Return") { call, arguments in
            guard let frame = call.gosubStack.popLast() else {
                call.warn("Return without Gosub: stack is empty")
                return .hangup
            }
            restore(frame, in: call)
            call.setVariable("GOSUB_RETVAL", to: arguments)
            call.jump(to: frame.returnTo, reason: "Return")
            return .proceed
        },
        Application("StackPop") { call, _ in
            guard let frame = call.gosubStack.popLast() else {
                call.warn("StackPop: stack is empty")
                return .proceed
            }
            restore(frame, in: call)
            return .proceed
        },
        Application("While") { call, arguments in whileLoop(call, condition: arguments, end: .none) },
        Application("EndWhile") { call, _ in whileLoop(call, condition: "", end: .end) },
        Application("ExitWhile") { call, _ in whileLoop(call, condition: "", end: .exit) },
        Application("ContinueWhile") { call, _ in
            var target: String?
            var index = 0
            while let value = call.variables["WHILE_\(index)"] { target = value; index += 1 }
            if let target { return FlowApplications.goTo(target, call: call, reason: "ContinueWhile") }
            return .proceed
        },
    ]

    // MARK: - Gosub

    /// `Gosub([[context,]exten,]priority[(arg1,...)])`: the target must exist, else the call ends.
    static func gosub(_ text: String, call: Call) -> ApplicationResult {
        var label = text
        var arguments: [String] = []
        if let open = text.firstIndex(of: "(") {
            label = String(text[..<open])
            let rest = text[text.index(after: open)...]
            let inside = String(rest[..<(rest.lastIndex(of: ")") ?? rest.endIndex)])
            arguments = ArgumentSplitter.splitRaw(inside)
        }
        guard call.gosubStack.count < call.configuration.gosubDepthLimit else {
            call.warn("Gosub nested deeper than \(call.configuration.gosubDepthLimit) levels")
            return .hangup
        }
        guard let target = GotoParser.target(label, call: call) else {
            call.warn("Gosub address is invalid: '\(text)'")
            return .hangup
        }
        guard target.priority >= 1, call.exists(target.exten, in: target.context, priority: target.priority) else {
            call.warn("Gosub attempted to reach non-existent destination '\(target)'")
            return .hangup
        }
        let returnTo = CallLocation(context: call.location.context, exten: call.location.exten,
                                    priority: call.location.priority + 1)
        let frame = GosubFrame(returnTo: returnTo, argumentCount: arguments.count)
        // ARGn of this frame; higher ARGn visible from outer frames are masked to "".
        let outerCount = call.gosubStack.last?.argumentCount ?? 0
        call.gosubStack.append(frame)
        setLocal("ARGC", String(arguments.count), call: call)
        for (index, value) in arguments.enumerated() { setLocal("ARG\(index + 1)", value, call: call) }
        if outerCount > arguments.count {
            for index in (arguments.count + 1)...outerCount { setLocal("ARG\(index)", "", call: call) }
        }
        call.jump(to: target, reason: "Gosub")
        return .proceed
    }

    /// `Set(LOCAL(name)=value)`: the old value is saved in the innermost frame and restored by Return.
    static func setLocal(_ name: String, _ value: String, call: Call) {
        guard !call.gosubStack.isEmpty else {
            call.setVariable(name, to: value)
            return
        }
        let top = call.gosubStack.count - 1
        if call.gosubStack[top].savedLocals.index(forKey: name) == nil {
            call.gosubStack[top].savedLocals[name] = .some(call.variables[name])
        }
        call.setVariable(name, to: value)
    }

    private static func restore(_ frame: GosubFrame, in call: Call) {
        for (name, saved) in frame.savedLocals {
            if let saved { call.variables[name] = saved } else { call.variables[name] = nil }
        }
    }

    // MARK: - While

    enum LoopEnd { case none, end, exit }

    /// `_while_exec`: the loop's place is kept in `WHILE_n` and `END_WHILE_n` channel variables.
    static func whileLoop(_ call: Call, condition: String, end: LoopEnd) -> ApplicationResult {
        var usedIndex = -1
        while call.variables["WHILE_\(usedIndex + 1)"] != nil { usedIndex += 1 }
        let myName = "\(call.location.context)_\(call.location.exten)_\(call.location.priority)"
        let label: String
        if end != .none {
            label = String(usedIndex)
        } else if let existing = call.variables[myName] {
            label = existing
        } else {
            label = String(usedIndex + 1)
            call.setVariable(myName, to: label)
        }
        let variable = "WHILE_\(label)"
        let endVariable = "END_\(variable)"
        let whilePriority = call.variables[variable]
        if (end == .none && !Condition.isTrue(condition)) || end == .exit {
            call.variables[variable] = nil
            call.variables[myName] = nil
            if let goto = call.variables[endVariable] {
                call.variables[endVariable] = nil
                return FlowApplications.goTo(goto, call: call, reason: "While done")
            }
            if let endWhile = matchingEndWhile(call) {
                call.jump(to: CallLocation(context: call.location.context, exten: call.location.exten,
                                           priority: endWhile + 1), reason: "While done")
            } else {
                call.warn("couldn't find matching EndWhile (While at \(call.location))")
            }
            return .proceed
        }
        if end == .none && whilePriority == nil {
            call.setVariable(variable, to: "\(call.location.context),\(call.location.exten),\(call.location.priority)")
        } else if end == .end, let whilePriority {
            if call.variables[endVariable] == nil {
                call.setVariable(endVariable,
                                 to: "\(call.location.context),\(call.location.exten),\(call.location.priority + 1)")
            }
            return FlowApplications.goTo(whilePriority, call: call, reason: "EndWhile")
        }
        return .proceed
    }

    /// `find_matching_endwhile`: the next EndWhile in this extension, skipping nested While/EndWhile pairs.
    static func matchingEndWhile(_ call: Call) -> Int? {
        var depth = 1
        var index = call.location.priority + 1
        while let priority = call.dialplan.findExtension(call.location.exten, in: call.location.context,
                                                         priority: .number(index), callerID: call.callerID["num"],
                                                         now: call.now, timeZone: call.timeZone)?.priority {
            switch priority.application.lowercased() {
            case "while": depth += 1
            case "endwhile":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }
}
