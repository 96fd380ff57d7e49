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
}
