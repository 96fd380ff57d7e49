import Dialplan
import Foundation

/// Drawing the call-flow graph as Graphviz DOT.
extension CallFlowGraph {
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
