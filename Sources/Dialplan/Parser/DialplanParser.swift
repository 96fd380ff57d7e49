import Foundation

/// Builds the dialplan model from config items, as `pbx/pbx_config.c` does, and reports what it had to reject.
public struct DialplanParser {
    private var dialplan = Dialplan()
    private var diagnostics: [Diagnostic] = []
    /// Global values so far, for load-time substitution of extension names and includes.
    private var globalValues: [String: String] = [:]

    /// Parses the items of a config read; the dialplan keeps the files it came from.
    public static func parse(_ config: ConfigReader.Output) -> (dialplan: Dialplan, diagnostics: [Diagnostic]) {
        var parser = DialplanParser()
        parser.dialplan.sources = config.sources
        parser.diagnostics = config.diagnostics
        let sections = parser.group(config.items)
        for section in sections where !section.header.isTemplate {
            parser.load(section)
        }
        return (parser.dialplan, parser.diagnostics)
    }

    /// A section with its entries, templates already expanded.
    struct Section {
        var header: SectionHeader
        var entries: [ConfigEntry]
    }

    private mutating func group(_ items: [ConfigItem]) -> [Section] {
        var sections: [Section] = []
        var templates: [String: [ConfigEntry]] = [:]
        var reportedOutside = false
        func closeTemplate(_ sections: [Section], into templates: inout [String: [ConfigEntry]]) {
            if let last = sections.last, last.header.isTemplate { templates[last.header.name] = last.entries }
        }
        for item in items {
            switch item {
            case .section(let header):
                closeTemplate(sections, into: &templates)
                var inherited: [ConfigEntry] = []
                for (name, location) in zip(header.templates, header.templateLocations) {
                    if let entries = templates[name] {
                        inherited += entries
                    } else if let entries = sections.last(where: { $0.header.name == name })?.entries {
                        // Asterisk lets any earlier category serve as a template.
                        inherited += entries
                    } else {
                        diagnostics.append(.error(.unknownTemplate, "template '\(name)' is not defined before this section",
                                                  at: location))
                    }
                }
                sections.append(Section(header: header, entries: inherited))
            case .entry(let entry):
                guard !sections.isEmpty else {
                    if !reportedOutside {
                        diagnostics.append(.error(.lineOutsideSection, "line appears before any [section]",
                                                  at: entry.location))
                        reportedOutside = true
                    }
                    continue
                }
                sections[sections.count - 1].entries.append(entry)
            }
        }
        return sections
    }

    private mutating func load(_ section: Section) {
        switch section.header.name {
        case "general":
            for entry in section.entries { dialplan.general[entry.key.lowercased()] = entry.value }
        case "globals":
            for entry in section.entries { loadGlobal(entry) }
        default:
            loadContext(section)
        }
    }

    private mutating func loadGlobal(_ entry: ConfigEntry) {
        var value = substituteAtLoad(entry.value)
        if entry.appends, let index = dialplan.globals.lastIndex(where: { $0.name == entry.key }) {
            value = dialplan.globals[index].value + value
        }
        dialplan.globals.append(GlobalAssignment(name: entry.key, value: value, location: entry.location))
        globalValues[entry.key] = value
    }

    /// Load-time substitution: globals only, no channel.
    private func substituteAtLoad(_ text: String) -> String {
        guard text.containsSubstitution else { return text }
        return Substituter.substitute(text, in: StandaloneContext(globals: globalValues))
    }

    // MARK: - Contexts

    /// Per-section state: the `n` counter and the extension `same =>` continues.
    private struct Cursor {
        var lastPriority = -2
        var lastExtension: (name: String, callerID: String?)?
    }

    private mutating func loadContext(_ section: Section) {
        let name = section.header.name
        var context = dialplan.takeContext(named: name, location: section.header.location)
        defer { dialplan.putContext(context) }
        var cursor = Cursor()
        for entry in section.entries {
            let key = entry.key.lowercased()
            if key == "exten" {
                loadPriority(entry, hasName: true, context: &context, cursor: &cursor)
            } else if key.hasPrefix("same") {
                loadPriority(entry, hasName: false, context: &context, cursor: &cursor)
            } else if key == "include" {
                loadInclude(entry, context: &context)
            } else if key == "switch" || key == "lswitch" || key == "eswitch" {
                let kind = ContextSwitch.Kind(rawValue: key) ?? .switch
                let target = kind == .switch ? substituteAtLoad(entry.value) : entry.value
                context.switches.append(ContextSwitch(kind: kind, target: target, location: entry.location))
            } else if key == "ignorepat" {
                context.ignorePatterns.append(entry.value)
            } else if key == "autohints" {
                continue
            } else {
                diagnostics.append(.warning(.unknownDirective,
                                            "unknown directive '\(entry.key)' in context '\(name)' (expected exten, same, include, switch or ignorepat)",
                                            at: entry.location))
            }
        }
    }

    private mutating func loadInclude(_ entry: ConfigEntry, context ctx: inout Context) {
        let value = substituteAtLoad(entry.value)
        let separator = value.firstIndex { $0 == "," || $0 == "|" }
        let target = separator.map { String(value[..<$0]) } ?? value
        let specText = separator.map { String(value[value.index(after: $0)...]) }
        let trimmedTarget = target.trimmingBlanks()
        guard !trimmedTarget.isEmpty else {
            diagnostics.append(.error(.malformedLine, "include names no context", at: entry.location))
            return
        }
        var spec: TimeSpec?
        if let specText {
            let parsed = TimeSpec(specText)
            for problem in parsed.problems {
                diagnostics.append(.warning(.badTimeSpec, "time spec '\(specText)': \(problem)",
                                            at: entry.location(inValue: target.utf8.count + 1)))
            }
            spec = parsed
        }
        if let previous = ctx.includes.first(where: { $0.context.lowercased() == trimmedTarget.lowercased() }) {
            diagnostics.append(.warning(.duplicateInclude, "context '\(trimmedTarget)' is already included in '\(ctx.name)'",
                                        at: entry.location(inValue: 0),
                                        notes: [.init("first included here", at: previous.location)]))
            return
        }
        ctx.includes.append(ContextInclude(context: trimmedTarget, timeSpecText: specText, timeSpec: spec,
                                           location: entry.location(inValue: 0)))
    }

    private mutating func loadPriority(_ entry: ConfigEntry, hasName: Bool, context ctx: inout Context,
                                       cursor: inout Cursor) {
        let context = ctx.name
        guard let line = PriorityLine(value: entry.value, hasName: hasName) else {
            let form = hasName ? "exten => name,priority,Application(args)" : "same => priority,Application(args)"
            diagnostics.append(.error(.malformedLine, "malformed line: expected '\(form)'", at: entry.location(inValue: 0)))
            return
        }
        var extensionName: String
        var callerID: String?
        if hasName {
            extensionName = ExtensionPattern.removingSpaces(substituteAtLoad(line.name ?? ""))
            callerID = line.callerID.map { substituteAtLoad($0) }
            if extensionName.isEmpty {
                diagnostics.append(.error(.badExtensionName, "extension name is empty", at: entry.location(inValue: 0)))
                return
            }
            if extensionName == "_." || extensionName == "_!" {
                diagnostics.append(.warning(.discouragedPattern,
                                            "pattern '\(extensionName)' also matches 'h', 'i', 't' and the like; use '_X.' instead",
                                            at: entry.location(inValue: 0)))
            }
            cursor.lastExtension = (extensionName, callerID)
        } else {
            guard let last = cursor.lastExtension else {
                diagnostics.append(.error(.sameWithoutExtension, "'same =>' with no 'exten =>' before it in context '\(context)'",
                                          at: entry.location))
                return
            }
            (extensionName, callerID) = last
        }
        if line.labelUnclosed {
            diagnostics.append(.error(.badPriority, "label is missing its closing ')'",
                                      at: entry.location(inValue: line.priorityOffset)))
            return
        }
        let priorityLocation = entry.location(inValue: line.priorityOffset)
        guard let number = resolvePriority(line.priority, cursor: cursor, location: priorityLocation,
                                           labelLookup: { [ctx] label in
            ctx.extension(named: extensionName, callerID: callerID)?.priority(labeled: label)?.number
        }) else { return }
        cursor.lastPriority = number
        let lineLocation = entry.location
        if number == Self.hintPriority {
            ctx.updateExtension(named: extensionName, callerID: callerID, location: lineLocation) {
                $0.hint = line.applicationField.trimmingBlanks()
            }
            return
        }
        let call = ApplicationCall(field: line.applicationField)
        let applicationLocation = entry.location(inValue: line.applicationOffset + call.nameOffset)
        let dataLocation = entry.location(inValue: line.applicationOffset + call.dataOffset)
        if call.name.trimmingBlanks().isEmpty {
            diagnostics.append(.error(.missingApplication, "priority \(number) of '\(extensionName)' names no application",
                                      at: applicationLocation))
        }
        if call.missingCloseParen {
            diagnostics.append(.error(.unbalanced, "'\(call.name)(' is missing its closing ')'", at: applicationLocation))
        }
        var priority = Priority(number: number, label: line.label, application: call.name, data: call.data,
                                location: lineLocation, applicationLocation: applicationLocation,
                                dataLocation: dataLocation)
        ctx.updateExtension(named: extensionName, callerID: callerID, location: lineLocation) { ext in
            if let taken = ext.index(ofPriority: number) {
                diagnostics.append(.error(.duplicatePriority,
                                          "priority \(number) of extension '\(ext.displayName)' in context '\(context)' is already defined",
                                          at: priorityLocation,
                                          notes: [.init("first defined here", at: ext.priorities[taken].location)]))
                return
            }
            if let label = priority.label, let other = ext.priority(labeled: label) {
                diagnostics.append(.error(.duplicateLabel,
                                          "label '\(label)' is already used by priority \(other.number) of '\(ext.displayName)'",
                                          at: priorityLocation,
                                          notes: [.init("first used here", at: other.location)]))
                priority.label = nil
            }
            ext.insert(priority)
        }
    }

    static let hintPriority = -1

    /// `n`, `s`, a number, a label of the same extension, each with an optional `+N`; nil (and a finding) if invalid.
    private mutating func resolvePriority(_ text: String, cursor: Cursor, location: SourceLocation,
                                          labelLookup: (String) -> Int?) -> Int? {
        var base = text
        var addend = 0
        if let plus = text.firstIndex(of: "+") {
            base = String(text[..<plus]).trimmingBlanks()
            addend = Condition.leadingInteger(String(text[text.index(after: plus)...])) ?? 0
        }
        var number: Int?
        switch base {
        case "hint":
            return Self.hintPriority
        case "n", "next", "s", "same":
            guard cursor.lastPriority > -2 else {
                diagnostics.append(.error(.badPriority,
                                          "priority '\(base)' needs an earlier line in this context to count from",
                                          at: location))
                return nil
            }
            number = base.hasPrefix("n") ? cursor.lastPriority + 1 : cursor.lastPriority
        default:
            if let value = Condition.leadingInteger(base), base.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == " " }) == true {
                number = value
            } else if let labeled = labelLookup(base) {
                number = labeled
            } else {
                diagnostics.append(.error(.badPriority, base.isEmpty ? "priority is missing"
                                          : "priority '\(base)' is not a number, 'n', 's', 'hint' or an earlier label of this extension",
                                          at: location))
                return nil
            }
        }
        let total = (number ?? 0) + addend
        guard total >= 1 else {
            diagnostics.append(.error(.badPriority, "priority must be 1 or more, not \(total)", at: location))
            return nil
        }
        return total
    }
}
