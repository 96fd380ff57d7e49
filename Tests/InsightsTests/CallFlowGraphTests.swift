import Dialplan
import Foundation
import Testing

@testable import Insights

@Suite("Call-flow graph")
struct CallFlowGraphTests {
    @Test("demo-menu: clusters, nodes with prompts, menu, jump, Gosub, include and handler edges")
    func demoMenuDOT() throws {
        let dot = try CallFlowGraph.dot(try Support.dialplan(file: "demo-menu.conf"))
        #expect(dot.hasPrefix("digraph callflow {"))
        for context in ["incoming", "main-menu", "staff-extensions", "after-hours", "sub-open-now"] {
            #expect(dot.contains("label=\"\(context)\""), "cluster \(context)")
        }
        #expect(dot.contains("\"main-menu|s\" [label=\"s\\n♪ ${COMPANY}-welcome, main-menu\""))
        #expect(dot.contains("\"main-menu|3\" [label=\"3\\n♪ enter-account-number\""))
        // Menu options, labelled with the digit, and the included dial-by-extension pattern.
        for digit in ["1", "2", "3", "0", "*"] {
            #expect(dot.contains("\"main-menu|s\" -> \"main-menu|\(digit)\" [label=\"\(digit)\""), "option \(digit)")
        }
        #expect(dot.contains("\"main-menu|s\" -> \"staff-extensions|_[4-8]XXX\" [label=\"_[4-8]XXX\""))
        // Handlers.
        #expect(dot.contains("\"main-menu|s\" -> \"main-menu|i\" [label=\"invalid\""))
        #expect(dot.contains("\"main-menu|s\" -> \"main-menu|t\" [label=\"timeout\""))
        #expect(dot.contains("\"main-menu|s\" -> \"main-menu|h\" [label=\"hangup\", style=dotted"))
        // Jumps with their conditions, Gosub, Goto.
        #expect(dot.contains("\"incoming|s\" -> \"main-menu|s\" [label=\"$[\\\"${GOSUB_RETVAL}\\\" = \\\"open\\\"]\""))
        #expect(dot.contains("\"incoming|s\" -> \"after-hours|s\" [label=\"not $["))
        #expect(dot.contains("\"incoming|s\" -> \"sub-open-now|s\" [label=\"Gosub\""))
        #expect(dot.contains("\"main-menu|i\" -> \"main-menu|0\" [label=\"$[${TRIES} >= ${MENU_TRIES}]\""))
        #expect(dot.contains("\"main-menu|1\" -> \"after-hours|voicemail\""))
        // include => is dashed, cluster to cluster.
        #expect(dot.contains("label=\"include\", style=dashed"))
        #expect(dot.contains("lhead=\"cluster_2_staff-extensions\""))
        // Everything is reachable from the only entry context, incoming.
        #expect(!dot.contains("unreachable"))
        let model = try CallFlowGraph.model(try Support.dialplan(file: "demo-menu.conf"))
        #expect(model.starts == [CallFlowGraph.NodeID(context: "incoming", exten: "s")])
        #expect(model.unreachable.isEmpty)
    }

    @Test("a context nothing reaches from the start is drawn unreachable")
    func unreachableContext() throws {
        let text = try Support.text(file: "demo-menu.conf") + """

        [orphan]
        exten => s,1,Playback(never-heard)
         same => n,Goto(main-menu,s,1)

        [main-menu-extra]
        exten => 9,1,Playback(lost)

        """
        let plan = try Support.dialplan(text)
        let dot = try CallFlowGraph.dot(plan, start: "incoming")
        #expect(dot.contains("label=\"orphan (unreachable)\"; style=\"dashed,filled\""))
        #expect(dot.contains("\"orphan|s\" [label=\"s\\n♪ never-heard\", style=\"rounded,dashed,filled\""))
        #expect(dot.contains("// unreachable contexts: orphan, main-menu-extra"))
        #expect(!dot.contains("label=\"main-menu (unreachable)\""))
        // Its edges are drawn grey.
        #expect(dot.contains("\"orphan|s\" -> \"main-menu|s\" [color=\"#bdbdbd\""))
        let model = try CallFlowGraph.model(plan, start: "incoming")
        #expect(Set(model.unreachable.map(\.context)) == ["orphan", "main-menu-extra"])
        #expect(!model.reachableContexts.contains("orphan"))
        // Without a start, contexts nobody includes or jumps to are entries: orphan is one.
        let defaultModel = try CallFlowGraph.model(plan)
        #expect(defaultModel.reachable.contains(CallFlowGraph.NodeID(context: "orphan", exten: "s")))
    }

    @Test("an unreachable extension in a reachable context; contexts that only reach each other")
    func unreachableExtensionAndCycle() throws {
        let plan = try Support.dialplan("""
        [start]
        exten => s,1,Background(hello)
         same => n,WaitExten(3)
        exten => 1,1,Playback(one)
        exten => vip,1,Playback(secret)
        [ping]
        exten => s,1,Goto(pong,s,1)
        [pong]
        exten => s,1,Goto(ping,s,1)
        """)
        let model = try CallFlowGraph.model(plan)
        #expect(model.starts.contains(CallFlowGraph.NodeID(context: "start", exten: "s")))
        #expect(!model.reachableContexts.contains("ping"))
        #expect(!model.reachableContexts.contains("pong"))
        let fromS = try CallFlowGraph.model(plan, start: "start")
        #expect(fromS.reachable.contains(CallFlowGraph.NodeID(context: "start", exten: "1")))
        #expect(fromS.unreachable.contains(CallFlowGraph.NodeID(context: "start", exten: "vip")))
        let dot = try CallFlowGraph.dot(plan, start: "start")
        #expect(dot.contains("\"start|vip\" [label=\"vip\\n♪ secret\", style=\"rounded,dashed,filled\""))
    }

    @Test("dynamic and missing targets, GotoIfTime and GosubIf conditions, Gosub arguments")
    func dynamicAndMissing() throws {
        let plan = try Support.dialplan("""
        [in]
        exten => s,1,Goto(${DEST},s,1)
         same => n,Gosub(sub,s,1(a,b))
         same => n,GotoIfTime(08:00-17:00,mon-fri,*,*?open,1:closed,1)
         same => n,GosubIf($[${X} = 1]?sub,s,1(x):sub,s,2)
         same => n,Goto(nowhere,s,1)
         same => n,Goto(menu,${CHOICE},1)
        exten => open,1,Playback(open)
        exten => closed,1,Playback(closed)
        [sub]
        exten => s,1,Return()
         same => n,Return()
        [menu]
        exten => 1,1,Playback(one)
        exten => 2,1,Playback(two)
        """)
        let model = try CallFlowGraph.model(plan, start: "in")
        let dot = try CallFlowGraph.dot(plan, start: "in")
        #expect(model.dynamicTargets.map(\.1) == ["${DEST},s,1", "menu,${CHOICE},1"])
        #expect(dot.contains("\"in|s\" -> \"dynamic\" [label=\"${DEST},s,1\", style=dashed]"))
        #expect(dot.contains("dynamic target"))
        // A dynamic extension in a named context may reach any extension of it.
        #expect(model.reachable.contains(CallFlowGraph.NodeID(context: "menu", exten: "2")))
        #expect(dot.contains("lhead=\"cluster_2_menu\""))
        #expect(dot.contains("\"in|s\" -> \"in|open\" [label=\"08:00-17:00,mon-fri,*,*\"]"))
        #expect(dot.contains("\"in|s\" -> \"in|closed\" [label=\"not 08:00-17:00,mon-fri,*,*\"]"))
        #expect(dot.contains("\"in|s\" -> \"sub|s\" [label=\"Gosub\""))
        #expect(dot.contains("\"in|s\" -> \"sub|s\" [label=\"$[${X} = 1]\""))
        #expect(dot.contains("\"in|s\" -> \"missing:nowhere,s,1\""))
        #expect(model.unreachable.isEmpty)
    }

    @Test("target parsing: fields, conditions, Gosub arguments")
    func targetParsing() throws {
        #expect(CallFlowGraph.topLevelFields("a,${IF($[1]?x,y:z)},3") == ["a", "${IF($[1]?x,y:z)}", "3"])
        let split = try #require(CallFlowGraph.conditional("$[${A} ? 1 : 2]?s,1:t,1"))
        #expect(split.0 == "$[${A} ? 1 : 2]")
        #expect(split.1.0 == "s,1")
        #expect(split.1.1 == "t,1")
        let onlyFalse = try #require(CallFlowGraph.conditional("${X}?:done"))
        #expect(onlyFalse.1.0 == nil)
        #expect(onlyFalse.1.1 == "done")
        #expect(CallFlowGraph.conditional("no question mark") == nil)
    }

    @Test("an unknown start is an error")
    func unknownStart() throws {
        let plan = try Support.dialplan(file: "demo-menu.conf")
        #expect(throws: CallFlowGraph.GraphError.unknownStart("nope")) { try CallFlowGraph.dot(plan, start: "nope") }
        #expect(throws: CallFlowGraph.GraphError.unknownStart("99@incoming")) {
            try CallFlowGraph.dot(plan, start: "99@incoming")
        }
        let model = try CallFlowGraph.model(plan, start: "1@main-menu")
        #expect(model.reachable.contains(CallFlowGraph.NodeID(context: "after-hours", exten: "voicemail")))
        #expect(!model.reachable.contains(CallFlowGraph.NodeID(context: "incoming", exten: "s")))
    }

    @Test("DOT strings are escaped")
    func quoting() {
        #expect(CallFlowGraph.quote("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
    }

    @Test("SVG through Graphviz", .enabled(if: CallFlowGraph.isGraphvizInstalled, "Graphviz 'dot' is not installed"))
    func svgRenders() throws {
        let svg = try CallFlowGraph.svg(try Support.dialplan(file: "bank.conf"))
        #expect(svg.contains("<svg"))
        // Graphviz writes "-" as &#45;.
        #expect(svg.contains("bank-menu") || svg.contains("bank&#45;menu"))
        #expect(svg.contains("</svg>"))
    }

    @Test("without Graphviz, svg says so", .enabled(if: !CallFlowGraph.isGraphvizInstalled, "Graphviz is installed"))
    func svgMissing() throws {
        #expect(throws: CallFlowGraph.GraphError.graphvizMissing) {
            try CallFlowGraph.svg(try Support.dialplan(file: "demo-menu.conf"))
        }
    }
}
