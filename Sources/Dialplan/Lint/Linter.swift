/// Checks a parsed dialplan for what Asterisk would reject or trip over at run time.
///
/// Reports includes of unknown contexts, extensions no call can enter, unknown applications and functions,
/// unbalanced `${`/`$[`/parentheses/quotes, and Goto/Gosub targets that cannot exist.
public struct Linter: Sendable {
    /// Lower-cased application names the engine runs.
    public var knownApplications: Set<String>
    /// Function names (case-sensitive) that substitution can call.
    public var knownFunctions: Set<String>
    /// Contexts that Asterisk modules create at run time rather than in files (`parkedcalls`).
    public var externalContexts: Set<String> = ["parkedcalls"]

    public init(knownApplications: Set<String> = SupportedApplications.names,
                knownFunctions: Set<String> = Set(FunctionRegistry.standard.names).union(ChannelFunctionNames.names)) {
        self.knownApplications = knownApplications
        self.knownFunctions = knownFunctions
    }

    public func lint(_ dialplan: Dialplan) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let reachable = dialplan.ignoringIncludeTimes()
        let includers = Self.includers(of: dialplan)
        let lowercasedContexts = Dictionary(dialplan.contextOrder.map { ($0.lowercased(), $0) },
                                            uniquingKeysWith: { first, _ in first })
        for context in dialplan.orderedContexts {
            for include in context.includes where !dialplan.hasContext(include.context)
                && !externalContexts.contains(include.context) {
                var notes: [Diagnostic.Note] = []
                if let similar = lowercasedContexts[include.context.lowercased()] {
                    notes.append(.init("context names are case-sensitive; did you mean '\(similar)'?"))
                }
                findings.append(.error(.unknownIncludedContext,
                                       "context '\(context.name)' includes '\(include.context)', which is not defined",
                                       at: include.location, notes: notes))
            }
            let outer = includers[context.name] ?? []
            // Indexing, not iterating: each iteration would copy an Extension or a Priority.
            for extIndex in context.extensions.indices {
                if let finding = missingFirstPriority(context.extensions[extIndex], in: context) { findings.append(finding) }
                for index in context.extensions[extIndex].priorities.indices {
                    lintPriority(context.extensions[extIndex].priorities[index], extension: context.extensions[extIndex],
                                 context: context, dialplan: reachable, includers: outer, into: &findings)
                }
            }
        }
        return findings
    }

    /// An extension without priority 1 is entered by no call, unless it adds priorities to another that matches.
    private func missingFirstPriority(_ ext: Extension, in context: Context) -> Diagnostic? {
        guard !ext.priorities.isEmpty, ext.priority(1) == nil else { return nil }
        let sharesDigits = context.extensions.contains { other in
            guard other.priority(1) != nil, other.name != ext.name || other.callerID != ext.callerID else { return false }
            if ext.pattern.isPattern { return other.pattern.isPattern || ext.pattern.match(other.name, mode: .match) > 0 }
            return other.pattern.match(ext.name, mode: .match) > 0
        }
        guard !sharesDigits else { return nil }
        return .warning(.missingPriorityOne,
                        "extension '\(ext.displayName)' in context '\(context.name)' has no priority 1: a call dialing it goes to 'i'; only a jump to one of its priorities enters it",
                        at: ext.location)
    }

    private func lintPriority(_ priority: Priority, extension ext: Extension, context: Context, dialplan: Dialplan,
                              includers: [String], into findings: inout [Diagnostic]) {
        let app = priority.application
        let appKey = app.lowercased()
        if app != app.trimmingBlanks() {
            findings.append(.error(.applicationWhitespace,
                                   "application name '\(app)' has blanks around it, so Asterisk looks up '\(app)' and fails",
                                   at: priority.applicationLocation))
        } else if !app.utf8.contains(UInt8(ascii: "$")) && !app.isEmpty && !knownApplications.contains(appKey) {
            let message = appKey == "macro"
                ? "Macro was removed from Asterisk; use Gosub"
                : "application '\(app)' is not supported by this engine; a call reaching it ends here"
            findings.append(.warning(.unknownApplication, message, at: priority.applicationLocation))
        }
        for problem in BalanceChecker.check(priority.data) {
            let location = priority.dataLocation.advanced(by: problem.offset)
            findings.append(problem.isSubstitution
                            ? .error(.unbalanced, problem.message, at: location)
                            : .warning(.unbalanced, problem.message, at: location))
        }
        for use in FunctionUse.find(in: priority.data, application: appKey) where !knownFunctions.contains(use.name) {
            var notes: [Diagnostic.Note] = []
            if let match = knownFunctions.first(where: { $0.lowercased() == use.name.lowercased() }) {
                notes.append(.init("function names are case-sensitive; did you mean '\(match)'?"))
            }
            findings.append(.warning(.unknownFunction, "function '\(use.name)' is not known to this engine",
                                     at: priority.dataLocation.advanced(by: use.offset), notes: notes))
        }
        var targets: [(text: String, offset: Int)] = []
        if SupportedApplications.jumps.contains(appKey) {
            targets = [(priority.data, 0)]
        } else if SupportedApplications.conditionalJumps.contains(appKey) {
            targets = JumpTarget.branches(of: priority.data)
        }
        for (text, offset) in targets {
            guard let target = JumpTarget(text), !target.isDynamic, !target.isRelative else { continue }
            guard var finding = check(target, from: ext, in: context, dialplan: dialplan,
                                      location: priority.dataLocation.advanced(by: offset), application: app) else { continue }
            // Without a context the jump stays in the channel's context, which may be one that includes this one.
            if target.context == nil, includers.contains(where: { outer in
                dialplan[context: outer].map { check(target, from: ext, in: $0, dialplan: dialplan,
                                                     location: finding.location, application: app) == nil } ?? false
            }) {
                continue
            }
            if text.utf8.contains(UInt8(ascii: "|")) {
                finding.notes.append(.init("'|' no longer separates arguments in Asterisk; write ',' instead"))
            }
            findings.append(finding)
        }
    }

    /// Whether a jump can land: the context exists, the extension matches, the priority or label is there.
    private func check(_ target: JumpTarget, from ext: Extension, in context: Context, dialplan: Dialplan,
                       location: SourceLocation, application: String) -> Diagnostic? {
        let contextName = target.context ?? context.name
        guard dialplan.hasContext(contextName) else {
            if externalContexts.contains(contextName) { return nil }
            return .error(.gotoUnknownContext, "\(application) target context '\(contextName)' does not exist", at: location)
        }
        let request: PriorityRequest
        if let number = Condition.leadingInteger(target.priority), target.priority.first?.isNumber == true {
            request = .number(number)
        } else {
            request = .label(target.priority)
        }
        let exten: String
        if let named = target.exten {
            exten = named
        } else {
            // Same extension: the one the jump is written in, or (through includes) another that matches its digits.
            switch request {
            case .number(let number) where ext.priority(number) != nil: return nil
            case .label(let label) where ext.priority(labeled: label) != nil: return nil
            default: break
            }
            if dialplan.findExtension(ext.name, in: contextName, priority: request, callerID: nil) != nil { return nil }
            switch request {
            case .number(let number):
                return .error(.gotoUnknownPriority,
                              "\(application) target priority \(number) does not exist in extension '\(ext.displayName)'",
                              at: location)
            case .label(let label):
                return .error(.gotoUnknownLabel,
                              "\(application) target label '\(label)' does not exist in extension '\(ext.displayName)'",
                              at: location)
            }
        }
        if dialplan.findExtension(exten, in: contextName, priority: request, callerID: nil) != nil { return nil }
        // Extensions that match only some callers are still valid targets for them.
        if let candidates = dialplan[context: contextName]?.extensions.filter({ $0.name == exten && $0.callerID != nil }),
           candidates.contains(where: { candidate in
               switch request {
               case .number(let number): candidate.priority(number) != nil
               case .label(let label): candidate.priority(labeled: label) != nil
               }
           }) {
            return nil
        }
        let exists = dialplan.findExtension(exten, in: contextName, priority: .number(1), callerID: nil) != nil
        switch (exists, request) {
        case (false, _):
            return .error(.gotoUnknownExtension,
                          "\(application) target extension '\(exten)' does not exist in context '\(contextName)'",
                          at: location)
        case (true, .number(let number)):
            return .error(.gotoUnknownPriority,
                          "\(application) target '\(exten)' in context '\(contextName)' has no priority \(number)",
                          at: location)
        case (true, .label(let label)):
            return .error(.gotoUnknownLabel,
                          "\(application) target '\(exten)' in context '\(contextName)' has no label '\(label)'",
                          at: location)
        }
    }

    /// For each context, every context that reaches it through includes (directly or not).
    static func includers(of dialplan: Dialplan) -> [String: [String]] {
        var direct: [String: [String]] = [:]
        for context in dialplan.orderedContexts {
            for include in context.includes { direct[include.context, default: []].append(context.name) }
        }
        var result: [String: [String]] = [:]
        for name in dialplan.contextOrder {
            var seen: Set<String> = [name]
            var queue = direct[name] ?? []
            var found: [String] = []
            while let next = queue.popLast() {
                guard seen.insert(next).inserted else { continue }
                found.append(next)
                queue += direct[next] ?? []
            }
            result[name] = found
        }
        return result
    }
}
