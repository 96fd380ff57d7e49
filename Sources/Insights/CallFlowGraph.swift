import Dialplan
import Foundation

/// A picture of a dialplan's call flow as Graphviz DOT (and SVG through Graphviz's `dot`).
///
/// - Contexts are clusters, extensions are nodes labelled with their name, the prompts they play and the
///   deliveries they make (Dial, Queue, Transfer, VoiceMail).
/// - Edges: menu options (from an extension running Background/WaitExten to the dialable extensions of its
///   context — or of Background's context argument — and of the contexts it includes, labelled with the
///   extension), `i`/`t` handlers of such menus ("invalid", "timeout"), Goto/GotoIf/GotoIfTime/Gosub/GosubIf
///   jumps (labelled with the condition, or "Gosub"), Macro calls, `include =>` (dashed, cluster to cluster)
///   and the `h` handler ("hangup", dotted, from the context's entry extension).
/// - Targets written with `${...}`/`$[...]` are dynamic: a dashed edge to one "dynamic target" node, labelled
///   with the target text. Targets that do not exist get a red "missing" node.
/// - Reachability: from the start — `s` of the given context (every extension when it has no `s`; or
///   `exten@context`) — or, without one, every extension of each entry context: a context that no other
///   context includes and no jump of another context targets (every non-included context when that leaves
///   none). A reached extension reaches its edges' targets; a reached context (one with a reached extension)
///   also reaches its `h`, `e` and `T` handlers and the contexts it includes (their own handlers; their other
///   extensions only through menu options or jumps). Dynamic targets are not followed. Extensions and contexts
///   not reached are drawn grey with a dashed border.
public enum CallFlowGraph {
    /// Why a graph could not be made.
    public enum GraphError: Error, Sendable, Equatable, CustomStringConvertible {
        /// `--start` names a context (or extension) the dialplan does not have.
        case unknownStart(String)
        /// Graphviz's `dot` is not installed (not on PATH).
        case graphvizMissing
        /// `dot` ran and failed.
        case graphvizFailed(status: Int32, message: String)

        public var description: String {
            switch self {
            case .unknownStart(let start): "no context or extension '\(start)' to start from"
            case .graphvizMissing:
                "Graphviz 'dot' was not found on PATH; install Graphviz (Debian/Ubuntu: apt-get install graphviz) or use --format dot"
            case .graphvizFailed(let status, let message):
                "dot -Tsvg failed (exit \(status))" + (message.isEmpty ? "" : ": \(message)")
            }
        }
    }

    /// An extension in a context: the graph's node.
    public struct NodeID: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var context: String
        public var exten: String

        public init(context: String, exten: String) {
            self.context = context
            self.exten = exten
        }

        public var description: String { "\(exten)@\(context)" }
        public static func < (a: NodeID, b: NodeID) -> Bool { (a.context, a.exten) < (b.context, b.exten) }
    }

    /// Where an edge goes.
    public enum Target: Sendable, Hashable {
        case node(NodeID)
        /// A jump whose target is computed at run time: the text as written, and the context when that part is
        /// static (any of its extensions may be the target).
        case dynamic(String, context: String?)
        /// A static target that does not exist (the text as written, with the context it was looked up in).
        case missing(String)
    }

    public enum EdgeKind: String, Sendable, Hashable {
        case menu, invalid, timeout, hangup, jump, gosub, include
    }

    public struct Edge: Sendable, Hashable {
        public var from: NodeID
        public var to: Target
        public var label: String
        public var kind: EdgeKind
    }

    /// What the DOT text is drawn from; useful on its own for checks.
    public struct Model: Sendable {
        public var edges: [Edge] = []
        /// Extensions the start reaches.
        public var reachable: Set<NodeID> = []
        /// Contexts the start reaches.
        public var reachableContexts: Set<String> = []
        /// The start extensions.
        public var starts: Set<NodeID> = []
        /// Every extension, in context file order then lookup order.
        public var nodes: [NodeID] = []

        public var unreachable: [NodeID] { nodes.filter { !reachable.contains($0) } }
        /// (extension, target text) of jumps only known at run time.
        public var dynamicTargets: [(NodeID, String)] {
            edges.compactMap { edge in
                if case .dynamic(let text, _) = edge.to { return (edge.from, text) }
                return nil
            }
        }
    }

    // MARK: - Public entry points

    /// The graph as DOT text. `start` is a context name or `exten@context`; nil picks the entry contexts.
    public static func dot(_ dialplan: Dialplan, start: String? = nil) throws(GraphError) -> String {
        render(dialplan, model: try model(dialplan, start: start))
    }

    /// The graph as SVG, drawn by Graphviz's `dot -Tsvg`.
    public static func svg(_ dialplan: Dialplan, start: String? = nil) throws(GraphError) -> String {
        try svg(dot: dot(dialplan, start: start))
    }

    /// Runs `dot -Tsvg` on DOT text.
    public static func svg(dot text: String) throws(GraphError) -> String {
        guard let executable = Graphviz.executable() else { throw .graphvizMissing }
        return try Graphviz.run(executable, dot: text)
    }

    /// Whether Graphviz's `dot` is on PATH.
    public static var isGraphvizInstalled: Bool { Graphviz.executable() != nil }

    // MARK: - Model

    public static func model(_ dialplan: Dialplan, start: String? = nil) throws(GraphError) -> Model {
        let plan = dialplan.ignoringIncludeTimes()
        var model = Model()
        for context in plan.orderedContexts {
            for ext in context.extensions { model.nodes.append(NodeID(context: context.name, exten: ext.displayName)) }
        }
        var edges: [Edge] = []
        var seen: Set<Edge> = []
        func add(_ edge: Edge) {
            if case .node(let target) = edge.to, target == edge.from { return }
            if seen.insert(edge).inserted { edges.append(edge) }
        }
        for context in plan.orderedContexts {
            for ext in context.extensions {
                for edge in edgesOf(ext, in: context, dialplan: plan) { add(edge) }
            }
            if let entry = anchor(of: context) {
                if let handler = context.extension(named: "h") {
                    add(Edge(from: entry, to: .node(NodeID(context: context.name, exten: handler.displayName)),
                             label: "hangup", kind: .hangup))
                }
                for include in context.includes {
                    guard let included = plan[context: include.context], let target = anchor(of: included) else {
                        if !plan.hasContext(include.context) {
                            add(Edge(from: entry, to: .missing("context \(include.context)"), label: "include",
                                     kind: .include))
                        }
                        continue
                    }
                    add(Edge(from: entry, to: .node(target),
                             label: include.timeSpecText.map { "include (\($0))" } ?? "include", kind: .include))
                }
            }
        }
        model.edges = edges
        model.starts = try startNodes(plan, start: start, edges: edges)
        (model.reachable, model.reachableContexts) = reach(plan, from: model.starts, edges: edges)
        return model
    }

    /// Where drawn context-level edges (include, hangup) attach: `s`, else the first extension that is not a
    /// handler, else the first extension.
    static func anchor(of context: Context) -> NodeID? {
        let chosen = context.extension(named: "s")
            ?? context.extensions.first { !handlerNames.contains($0.name) }
            ?? context.extensions.first
        return chosen.map { NodeID(context: context.name, exten: $0.displayName) }
    }

    static let handlerNames: Set<String> = ["i", "t", "h", "e", "T", "a", "o"]
    static let menuApplications: Set<String> = ["background", "waitexten"]

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
        if let open = topLevelParenthesis(in: body) { body = String(body[..<open]) }
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

    /// The `(` that starts Gosub arguments: the first one outside `${...}`/`$[...]`.
    private static func topLevelParenthesis(in text: String) -> String.Index? {
        var depth = 0
        var previous: Character = " "
        for index in text.indices {
            let c = text[index]
            if previous == "$" && (c == "{" || c == "[") {
                depth += 1
            } else if depth > 0 && (c == "}" || c == "]") {
                depth -= 1
            } else if c == "(" && depth == 0 {
                return index
            }
            previous = c
        }
        return nil
    }

    // MARK: - Reachability

    static func startNodes(_ dialplan: Dialplan, start: String?, edges: [Edge]) throws(GraphError) -> Set<NodeID> {
        func all(_ context: Context) -> [NodeID] {
            context.extensions.map { NodeID(context: context.name, exten: $0.displayName) }
        }
        if let start {
            if let at = start.lastIndex(of: "@") {
                let exten = String(start[..<at])
                let contextName = String(start[start.index(after: at)...])
                guard dialplan.hasContext(contextName), let match = dialplan.findExtension(exten, in: contextName) else {
                    throw .unknownStart(start)
                }
                return [NodeID(context: match.context, exten: match.extension.displayName)]
            }
            guard let context = dialplan[context: start] else { throw .unknownStart(start) }
            if let s = context.extension(named: "s") { return [NodeID(context: context.name, exten: s.displayName)] }
            return Set(all(context))
        }
        var included: Set<String> = []
        for context in dialplan.orderedContexts {
            for include in context.includes { included.insert(include.context) }
        }
        var targeted: Set<String> = []
        for edge in edges where edge.kind != .include {
            if case .node(let target) = edge.to, target.context != edge.from.context { targeted.insert(target.context) }
        }
        var entries = dialplan.orderedContexts.filter { !included.contains($0.name) && !targeted.contains($0.name) }
        if entries.isEmpty { entries = dialplan.orderedContexts.filter { !included.contains($0.name) } }
        return Set(entries.flatMap(all))
    }

    static func reach(_ dialplan: Dialplan, from starts: Set<NodeID>,
                      edges: [Edge]) -> (Set<NodeID>, Set<String>) {
        var outgoing: [NodeID: [NodeID]] = [:]
        for edge in edges where edge.kind != .include && edge.kind != .hangup {
            switch edge.to {
            case .node(let target):
                outgoing[edge.from, default: []].append(target)
            case .dynamic(_, let contextName?):
                // Any extension of the named context may be the target.
                for ext in dialplan[context: contextName]?.extensions ?? [] {
                    outgoing[edge.from, default: []].append(NodeID(context: contextName, exten: ext.displayName))
                }
            default:
                break
            }
        }
        var reached: Set<NodeID> = []
        var contexts: Set<String> = []
        var queue = Array(starts)
        func reachContext(_ name: String) {
            var pending = [name]
            while let next = pending.popLast() {
                guard contexts.insert(next).inserted, let context = dialplan[context: next] else { continue }
                for handler in ["h", "e", "T"] {
                    if let ext = context.extension(named: handler) {
                        queue.append(NodeID(context: context.name, exten: ext.displayName))
                    }
                }
                pending += context.includes.map(\.context)
            }
        }
        while let node = queue.popLast() {
            guard reached.insert(node).inserted else { continue }
            reachContext(node.context)
            queue += outgoing[node] ?? []
        }
        return (reached, contexts)
    }

    // MARK: - DOT

    static func render(_ dialplan: Dialplan, model: Model) -> String {
        let plan = dialplan
        var out = """
        digraph callflow {
          graph [rankdir=LR, compound=true, fontname="Helvetica", fontsize=12, nodesep=0.3, ranksep=0.6];
          node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica", fontsize=10];
          edge [fontname="Helvetica", fontsize=9, color="#444444"];

        """
        let unreachable = model.unreachable
        let unreachableContexts = plan.contextOrder.filter { !model.reachableContexts.contains($0) }
        if !unreachableContexts.isEmpty { out += "  // unreachable contexts: \(unreachableContexts.joined(separator: ", "))\n" }
        if !unreachable.isEmpty {
            out += "  // unreachable extensions: \(unreachable.map(\.description).joined(separator: ", "))\n"
        }
        let dynamic = model.dynamicTargets
        if !dynamic.isEmpty {
            out += "  // dynamic targets: " + dynamic.map { "\($0.0) -> \($0.1)" }.joined(separator: "; ") + "\n"
        }
        for (index, context) in plan.orderedContexts.enumerated() {
            let reached = model.reachableContexts.contains(context.name)
            out += "  subgraph \(quote("cluster_\(index)_\(context.name)")) {\n"
            if reached {
                out += "    label=\(quote(context.name)); style=\"rounded\"; color=\"#7a8ca5\"; fontcolor=\"#1a2a40\";\n"
            } else {
                out += "    label=\(quote(context.name + " (unreachable)")); style=\"dashed,filled\"; color=\"#9e9e9e\"; fillcolor=\"#f7f7f7\"; fontcolor=\"#9e9e9e\";\n"
            }
            if context.extensions.isEmpty {
                out += "    \(quote(placeholder(context.name))) [label=\"(no extensions)\", shape=plaintext, style=\"\", fontcolor=\"#9e9e9e\"];\n"
            }
            for ext in context.extensions {
                let id = NodeID(context: context.name, exten: ext.displayName)
                out += "    \(quote(nodeName(id))) [\(nodeAttributes(ext, id: id, model: model))];\n"
            }
            out += "  }\n"
        }
        var extraNodes: [String: String] = [:]
        var edgeLines: [String] = []
        for edge in model.edges {
            var attributes: [String] = []
            let targetName: String
            switch edge.to {
            case .node(let target): targetName = nodeName(target)
            case .dynamic(_, let contextName?) where contextName != edge.from.context
                && plan[context: contextName].flatMap(anchor(of:)) != nil:
                let target = plan[context: contextName].flatMap(anchor(of:))
                targetName = target.map(nodeName) ?? "dynamic"
                if let index = plan.contextOrder.firstIndex(of: contextName) {
                    attributes.append("lhead=\(quote("cluster_\(index)_\(contextName)"))")
                }
            case .dynamic:
                targetName = "dynamic"
                extraNodes[targetName] = "label=\"dynamic target\\n(computed at run time)\", shape=note, style=\"dashed,filled\", fillcolor=\"#fff8e1\", color=\"#b08800\""
            case .missing(let text):
                targetName = "missing:" + text
                extraNodes[targetName] = "label=\(quote("missing\n" + text)), shape=box, style=\"dashed,filled\", fillcolor=\"#fdecea\", color=\"#c0392b\", fontcolor=\"#c0392b\""
            }
            var label = edge.label
            if case .dynamic(let text, _) = edge.to { label = label.isEmpty ? shorten(text, 40) : label + ": " + shorten(text, 30) }
            if !label.isEmpty { attributes.append("label=\(quote(label))") }
            switch edge.kind {
            case .menu: attributes.append("color=\"#1f5fa8\", fontcolor=\"#1f5fa8\", penwidth=1.4")
            case .invalid: attributes.append("color=\"#c0392b\", fontcolor=\"#c0392b\"")
            case .timeout: attributes.append("color=\"#d68910\", fontcolor=\"#d68910\"")
            case .hangup: attributes.append("style=dotted, color=\"#7f8c8d\", fontcolor=\"#7f8c8d\"")
            case .jump: break
            case .gosub: attributes.append("color=\"#6a1b9a\", fontcolor=\"#6a1b9a\", arrowhead=vee")
            case .include:
                attributes.append("style=dashed, color=\"#5d6d7e\", fontcolor=\"#5d6d7e\"")
                if case .node(let target) = edge.to, let fromIndex = plan.contextOrder.firstIndex(of: edge.from.context),
                   let toIndex = plan.contextOrder.firstIndex(of: target.context) {
                    attributes.append("ltail=\(quote("cluster_\(fromIndex)_\(edge.from.context)"))")
                    attributes.append("lhead=\(quote("cluster_\(toIndex)_\(target.context)"))")
                }
            }
            if case .dynamic = edge.to { attributes.append("style=dashed") }
            if !model.reachable.contains(edge.from) { attributes.append("color=\"#bdbdbd\", fontcolor=\"#9e9e9e\"") }
            edgeLines.append("  \(quote(nodeName(edge.from))) -> \(quote(targetName)) [\(attributes.joined(separator: ", "))];\n")
        }
        for (name, attributes) in extraNodes.sorted(by: { $0.key < $1.key }) {
            out += "  \(quote(name)) [\(attributes)];\n"
        }
        out += edgeLines.joined()
        return out + "}\n"
    }

    static func nodeName(_ id: NodeID) -> String { "\(id.context)|\(id.exten)" }
    static func placeholder(_ context: String) -> String { "\(context)|" }

    static func nodeAttributes(_ ext: Extension, id: NodeID, model: Model) -> String {
        var lines = [ext.displayName]
        let prompts = promptsOf(ext)
        if !prompts.isEmpty {
            let shown = prompts.prefix(4).joined(separator: ", ") + (prompts.count > 4 ? ", …" : "")
            lines.append("♪ " + shorten(shown, 48))
        }
        for delivery in deliveriesOf(ext).prefix(3) { lines.append("☎ " + shorten(delivery, 40)) }
        var attributes = ["label=\(quote(lines.joined(separator: "\n")))"]
        let isMenu = ext.priorities.contains { menuApplications.contains($0.application.lowercased()) }
        let isInput = ext.priorities.contains { KPIReport.inputApplications.contains($0.application.lowercased()) }
        if !model.reachable.contains(id) {
            attributes.append("style=\"rounded,dashed,filled\", fillcolor=\"#f2f2f2\", color=\"#9e9e9e\", fontcolor=\"#9e9e9e\"")
            attributes.append("tooltip=\(quote("unreachable: \(id)"))")
        } else if isMenu {
            attributes.append("fillcolor=\"#dbe9f8\", color=\"#1f5fa8\", penwidth=1.5")
        } else if isInput {
            attributes.append("fillcolor=\"#e8f4ea\", color=\"#2e7d32\"")
        } else if handlerNames.contains(ext.name) {
            attributes.append("fillcolor=\"#fdf2d0\", color=\"#b08800\"")
        }
        if model.starts.contains(id) { attributes.append("penwidth=2.5, peripheries=2") }
        return attributes.joined(separator: ", ")
    }

    /// Prompts an extension plays, in priority order, as written.
    static func promptsOf(_ ext: Extension) -> [String] {
        var prompts: [String] = []
        for priority in ext.priorities {
            let arguments = ArgumentSplitter.split(priority.data)
            let field: Int?
            switch priority.application.lowercased() {
            case "background", "playback", "controlplayback", "backgrounddetect", "waitforsilence": field = 0
            case "read", "readexten": field = 1
            default: field = nil
            }
            guard let field, field < arguments.count else { continue }
            for prompt in arguments[field].split(separator: "&") {
                let name = prompt.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty && !prompts.contains(name) { prompts.append(name) }
            }
        }
        return prompts
    }

    static func deliveriesOf(_ ext: Extension) -> [String] {
        ext.priorities.compactMap { priority in
            switch priority.application.lowercased() {
            case "dial", "queue", "transfer", "voicemail":
                let first = ArgumentSplitter.split(priority.data, limit: 2).first ?? ""
                return "\(priority.application)(\(first))"
            default: return nil
            }
        }
    }

    static func shorten(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A DOT quoted string: `"` and `\` escaped, newlines as `\n`.
    static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }
}

/// Finding and running Graphviz's `dot`.
enum Graphviz {
    static func executable() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/dot"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    static func run(_ executable: String, dot text: String) throws(CallFlowGraph.GraphError) -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ivr-graph-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .graphvizFailed(status: -1, message: "cannot create a temporary directory: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("graph.dot")
        let output = directory.appendingPathComponent("graph.svg")
        let errors = directory.appendingPathComponent("stderr.txt")
        do {
            try Data(text.utf8).write(to: input)
            try Data().write(to: errors)
        } catch {
            throw .graphvizFailed(status: -1, message: "cannot write a temporary file: \(error)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-Tsvg", input.path, "-o", output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle: FileHandle
        do {
            errorHandle = try FileHandle(forWritingTo: errors)
        } catch {
            throw .graphvizFailed(status: -1, message: "cannot open a temporary file: \(error)")
        }
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            try? errorHandle.close()
            throw .graphvizFailed(status: -1, message: "cannot run \(executable): \(error)")
        }
        process.waitUntilExit()
        try? errorHandle.close()
        let message = (try? String(contentsOf: errors, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard process.terminationStatus == 0 else {
            throw .graphvizFailed(status: process.terminationStatus, message: message)
        }
        guard let data = try? Data(contentsOf: output) else {
            throw .graphvizFailed(status: 0, message: "no SVG was written" + (message.isEmpty ? "" : ": \(message)"))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
