import Dialplan
import Foundation

/// Reading the edges of the call-flow graph out of each extension's priorities: menu options, jumps, Gosubs,
/// handlers and the targets they name.
extension CallFlowGraph {
    /// The edges leaving one extension.
    static func edgesOf(_ ext: Extension, in context: Context, dialplan: Dialplan) -> [Edge] {
        let here = NodeID(context: context.name, exten: ext.displayName)
        var edges: [Edge] = []
        var menuContexts: [String] = []
        for priority in ext.priorities {
            let application = priority.application.lowercased()
            let data = priority.data
            func jump(_ text: String, label: String, kind: EdgeKind) {
                if let target = resolve(text, from: here, dialplan: dialplan) {
                    edges.append(Edge(from: here, to: target, label: label, kind: kind))
                }
            }
            switch application {
            case "goto":
                jump(data, label: "", kind: .jump)
            case "gotoif", "gotoiftime", "gosubif":
                guard let (condition, branches) = conditional(data) else { continue }
                let shown = shorten(condition.trimmingCharacters(in: .whitespaces), 40)
                let kind: EdgeKind = application == "gosubif" ? .gosub : .jump
                if let whenTrue = branches.0 { jump(whenTrue, label: shown, kind: kind) }
                if let whenFalse = branches.1 { jump(whenFalse, label: "not " + shown, kind: kind) }
            case "gosub":
                jump(data, label: "Gosub", kind: .gosub)
            case "macro":
                let name = ArgumentSplitter.split(data, limit: 2).first ?? ""
                if !name.isEmpty { jump("macro-\(name),s,1", label: "Macro", kind: .gosub) }
            case "background", "waitexten":
                if application == "background" {
                    let parts = ArgumentSplitter.split(data, limit: 4)
                    let target = parts.count >= 4 ? parts[3].trimmingCharacters(in: .whitespaces) : ""
                    menuContexts.append(target.isEmpty ? context.name : target)
                } else {
                    menuContexts.append(context.name)
                }
            default:
                break
            }
        }
        var menuSeen: Set<String> = []
        for menuContext in menuContexts where menuSeen.insert(menuContext).inserted {
            if menuContext.contains("$") {
                edges.append(Edge(from: here, to: .dynamic(menuContext, context: nil), label: "digits", kind: .menu))
                continue
            }
            guard dialplan.hasContext(menuContext) else {
                edges.append(Edge(from: here, to: .missing("context \(menuContext)"), label: "digits", kind: .menu))
                continue
            }
            for option in dialableExtensions(of: menuContext, dialplan: dialplan) where option != here {
                edges.append(Edge(from: here, to: .node(option), label: option.exten, kind: .menu))
            }
            for (name, kind) in [("i", EdgeKind.invalid), ("t", .timeout)] {
                if let match = dialplan.findExtension(name, in: menuContext) {
                    edges.append(Edge(from: here, to: .node(NodeID(context: match.context,
                                                                   exten: match.extension.displayName)),
                                      label: kind == .invalid ? "invalid" : "timeout", kind: kind))
                }
            }
        }
        return edges
    }

    /// Extensions a caller can dial in a context: its own and those of the contexts it includes (recursively),
    /// whose names are DTMF digits or patterns.
    static func dialableExtensions(of contextName: String, dialplan: Dialplan) -> [NodeID] {
        var result: [NodeID] = []
        var visited: Set<String> = []
        var queue = [contextName]
        while let name = queue.first {
            queue.removeFirst()
            guard visited.insert(name.lowercased()).inserted, let context = dialplan[context: name] else { continue }
            for ext in context.extensions where isDialable(ext.name) {
                result.append(NodeID(context: context.name, exten: ext.displayName))
            }
            queue += context.includes.map(\.context)
        }
        return result
    }

    static func isDialable(_ name: String) -> Bool {
        if name.hasPrefix("_") { return name.count > 1 }
        return !name.isEmpty && name.allSatisfy { "0123456789*#ABCDabcd-".contains($0) }
            && !handlerNames.contains(name)
    }

    /// `cond?a:b` split into the condition and the branches that are present.
    static func conditional(_ data: String) -> (String, (String?, String?))? {
        guard let question = topLevelIndex(of: "?", in: data) else { return nil }
        let condition = String(data[..<question])
        let rest = String(data[data.index(after: question)...])
        let branches: (String?, String?)
        if let colon = topLevelIndex(of: ":", in: rest) {
            branches = (nonEmpty(String(rest[..<colon])), nonEmpty(String(rest[rest.index(after: colon)...])))
        } else {
            branches = (nonEmpty(rest), nil)
        }
        return (condition, branches)
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The first `character` outside `${...}`, `$[...]` and parentheses.
    static func topLevelIndex(of character: Character, in text: String) -> String.Index? {
        var depth = 0
        var previous: Character = " "
        for index in text.indices {
            let c = text[index]
            if (previous == "$" && (c == "{" || c == "[")) || c == "(" {
                depth += 1
            } else if depth > 0 && (c == "}" || c == "]" || c == ")") {
                depth -= 1
            } else if c == character && depth == 0 {
                return index
            }
            previous = c
        }
        return nil
    }

    /// A `[[context,]exten,]priority[(args)]` target resolved from `here`: the extension it lands on, a dynamic
    /// target, or a missing one. Nil for an empty target or a jump within the same extension.
    static func resolve(_ text: String, from here: NodeID, dialplan: Dialplan) -> Target? {
        var body = text.trimmingCharacters(in: .whitespaces)
        guard !body.isEmpty else { return nil }
        // The `(` that starts Gosub arguments: the first one outside `${...}`/`$[...]`.
        if let open = body.firstIndexOutsideSubstitutions(of: "(") { body = String(body[..<open]) }
        let fields = topLevelFields(body)
        if body.contains("$") {
            // Only the part that is written out is known: a static context may still be named.
            guard fields.count > 1 else { return nil }
            let contextField = fields.count >= 3 && !fields[0].isEmpty ? fields[0] : here.context
            let known = contextField.contains("$") ? nil : dialplan[context: contextField]?.name
            return .dynamic(text.trimmingCharacters(in: .whitespaces), context: known)
        }
        var context = here.context
        var exten = here.exten
        let priority: String
        switch fields.count {
        case 1:
            return nil
        case 2:
            if !fields[0].isEmpty { exten = fields[0] }
            priority = fields[1]
        default:
            if !fields[0].isEmpty { context = fields[0] }
            if !fields[1].isEmpty { exten = fields[1] }
            priority = fields[2]
        }
        if context == here.context && exten == here.exten { return nil }
        let request: PriorityRequest
        if let number = Int(priority), number >= 1 {
            request = .number(number)
        } else if priority.isEmpty || priority.hasPrefix("+") || priority.hasPrefix("-") || priority == "n" {
            request = .number(1)
        } else {
            request = .label(priority)
        }
        // A name that is a pattern as written (`_X.`) is looked up as an extension of that name.
        if exten.hasPrefix("_"), let found = dialplan[context: context]?.extension(named: exten) {
            return .node(NodeID(context: context, exten: found.displayName))
        }
        guard let match = dialplan.findExtension(exten, in: context, priority: request) else {
            return .missing("\(context),\(exten),\(priority)")
        }
        return .node(NodeID(context: match.context, exten: match.extension.displayName))
    }

    /// Splits at commas outside `${...}`, `$[...]` and parentheses; fields trimmed.
    static func topLevelFields(_ text: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var depth = 0
        var previous: Character = " "
        for c in text {
            if (previous == "$" && (c == "{" || c == "[")) || c == "(" {
                depth += 1
            } else if depth > 0 && (c == "}" || c == "]" || c == ")") {
                depth -= 1
            }
            if c == "," && depth == 0 {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
            previous = c
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
