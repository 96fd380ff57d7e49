import Foundation
import Testing

@testable import Insights

/// Output collected from a command.
final class Captured: @unchecked Sendable {
    var out = ""
    var err = ""
}

@Suite("ivr report / ivr graph")
struct InsightsCommandsTests {
    func report(_ arguments: [String]) -> (Int32, Captured) {
        let captured = Captured()
        let status = InsightsCommands.report(arguments: arguments, out: { captured.out += $0 }, err: { captured.err += $0 })
        return (status, captured)
    }

    func graph(_ arguments: [String]) -> (Int32, Captured) {
        let captured = Captured()
        let status = InsightsCommands.graph(arguments: arguments, out: { captured.out += $0 }, err: { captured.err += $0 })
        return (status, captured)
    }

    @Test("report: text on stdout, HTML file, warnings on stderr")
    func reportRuns() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.appendingPathComponent("calls.jsonl")
        try Support.write(Support.traceText(try Support.menuCalls()) + "{broken\n", to: trace)
        let html = directory.appendingPathComponent("report.html")
        let (status, captured) = report([trace.path, "--html", html.path])
        #expect(status == 0)
        #expect(captured.out.contains("s@menu"))
        #expect(captured.out.contains("3 (60.0%)"))
        #expect(captured.err.contains("1 input line skipped"))
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<svg"))
        #expect(page.contains("3 (60.0%)"))
    }

    @Test("report: usage errors exit 2, unreadable files exit 1, --help exits 0")
    func reportExitCodes() {
        #expect(report([]).0 == 2)
        #expect(report(["--bogus", "x"]).0 == 2)
        #expect(report(["x.jsonl", "--html"]).0 == 2)
        let missing = report(["/nonexistent/trace.jsonl"])
        #expect(missing.0 == 1)
        #expect(missing.1.err.contains("no such file"))
        let help = report(["--help"])
        #expect(help.0 == 0)
        #expect(help.1.out.hasPrefix("usage: ivr report"))
    }

    @Test("graph: DOT to stdout, to a file, SVG when Graphviz is there")
    func graphRuns() throws {
        let file = Support.repositoryRoot.appendingPathComponent("Dialplans/demo-menu.conf").path
        let (status, captured) = graph([file, "--start", "incoming"])
        #expect(status == 0)
        #expect(captured.out.hasPrefix("digraph callflow {"))
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("flow.svg")
        let svg = graph([file, "--format", "svg", "--output", output.path])
        if CallFlowGraph.isGraphvizInstalled {
            #expect(svg.0 == 0)
            #expect(try String(contentsOf: output, encoding: .utf8).contains("<svg"))
        } else {
            #expect(svg.0 == 1)
            #expect(svg.1.err.contains("Graphviz"))
        }
    }

    @Test("graph: exit codes for usage, bad files, dialplan errors and unknown starts")
    func graphExitCodes() throws {
        let file = Support.repositoryRoot.appendingPathComponent("Dialplans/demo-menu.conf").path
        #expect(graph([]).0 == 2)
        #expect(graph([file, "--format", "png"]).0 == 2)
        #expect(graph([file, file]).0 == 2)
        #expect(graph(["/nonexistent.conf"]).0 == 1)
        let unknown = graph([file, "--start", "nowhere"])
        #expect(unknown.0 == 1)
        #expect(unknown.1.err.contains("nowhere"))
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.conf")
        try Support.write("[ctx]\nexten => s,1,Playback(x\nexten => s,1,Hangup()\nthis is not a line\n", to: broken)
        let bad = graph([broken.path])
        #expect(bad.0 == 1)
        #expect(bad.1.err.contains("error"))
        #expect(graph(["--help"]).1.out.hasPrefix("usage: ivr graph"))
    }
}
