import Dialplan
import Foundation

/// Which parts of the call-flow graph a call can reach from the start.
extension CallFlowGraph {
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
}
