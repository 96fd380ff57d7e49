import Dialplan
import Engine
import Foundation
import Testing

@testable import Insights

@Suite("KPI report")
struct KPIReportTests {
    @Test("menu node figures for valid, invalid, timeout, hangup and transfer calls")
    func menuNodeFigures() throws {
        let report = KPIReport.analyze(calls: try Support.menuCalls().map(\.events))
        #expect(report.nodes.count == 1)
        let node = try #require(report.node("menu", "s"))
        #expect(node.entered == 6)
        #expect(node.calls == 5)
        #expect(node.completed == 3)
        #expect(node.invalid == 1)
        #expect(node.timedOut == 1)
        #expect(node.hungUp == 1)
        #expect(node.other == 0)
        #expect(node.transferred == 1)
        #expect(node.entered == node.completed + node.invalid + node.timedOut + node.hungUp + node.other)
    }

    @Test("call-level figures: containment, abandonment, transfer, average time in the IVR")
    func callFigures() throws {
        let report = KPIReport.analyze(calls: try Support.menuCalls().map(\.events))
        let calls = try #require(report.traceCalls)
        #expect(calls.calls == 5)
        #expect(calls.transferred == 1)
        #expect(calls.abandoned == 1)
        #expect(calls.contained == 3)
        #expect(calls.reachedMenu == 5)
        #expect(calls.madeChoice == 3)
        #expect(calls.containmentRate == 0.6)
        #expect(calls.abandonmentRate == 0.2)
        // 1.5 s (info), 3 s (invalid, then info), 5 s (timeout, goodbye), 0.5 s (hangup), 0.5 s (Dial starts).
        let average = try #require(calls.averageSecondsInIVR)
        #expect(abs(average - 2.1) < 1e-9)
        #expect(report.cdrCalls == nil)
    }

    @Test("the same figures from the JSON Lines text as ivr run --trace writes it")
    func figuresFromTraceText() throws {
        let results = try Support.menuCalls()
        let parsed = TraceReader.parse(Support.traceText(results), source: "calls.jsonl")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.calls.count == 5)
        #expect(parsed.calls == results.map(\.events))
        #expect(KPIReport.analyze(calls: parsed.calls) == KPIReport.analyze(calls: results.map(\.events)))
    }

    @Test("a caller who waits in a queue and hangs up there has abandoned")
    func abandonedInQueue() throws {
        let plan = try Support.dialplan("""
        [q]
        exten => s,1,Answer()
         same => n,Background(menu)
         same => n,WaitExten(5)
        exten => 5,1,Queue(agents,,,,60)
         same => n,Playback(sorry)
        """)
        let engine = Engine(dialplan: plan)
        let result = try Support.run(engine, context: "q", digits: "5@0.5s", hangupAt: 10,
                                     outcomes: ["agents": DeliveryOutcome(status: "TIMEOUT", waitedSeconds: 60)])
        let report = KPIReport.analyze(calls: [result.events])
        let calls = try #require(report.traceCalls)
        #expect(calls.abandoned == 1)
        #expect(calls.transferred == 0)
        #expect(report.node("q", "s")?.completed == 1)
    }

    @Test("a Read node: short input sent to i counts as invalid, a re-prompt starts a new visit")
    func readNode() throws {
        let plan = try Support.dialplan("""
        [acct]
        exten => s,1,Answer()
         same => n(again),Read(ACCOUNT,enter-account,4,,1,10)
         same => n,GotoIf($[${LEN(${ACCOUNT})} = 4]?ok,1)
         same => n,Playback(try-again)
         same => n,Goto(again)
        exten => ok,1,Playback(thanks)
         same => n,Hangup()
        """)
        let engine = Engine(dialplan: plan)
        // "12" then a timeout: re-prompted (invalid); then 1234 is accepted (completed).
        let result = try Support.run(engine, context: "acct", digits: "12@0.5s 1234@14s")
        let report = KPIReport.analyze(calls: [result.events])
        let node = try #require(report.node("acct", "s"))
        #expect(node.entered == 2)
        #expect(node.calls == 1)
        #expect(node.invalid == 1)
        #expect(node.completed == 1)
        #expect(report.traceCalls?.contained == 1)
    }

    @Test("demo-menu: pressing 3 and a short account number counts an invalid visit of the Read node")
    func demoMenuRead() throws {
        let engine = Engine(dialplan: try Support.dialplan(file: "demo-menu.conf"))
        let result = try Support.run(engine, context: "main-menu", digits: "3@0.5s 12#@2s", hangupAt: 8)
        let report = KPIReport.analyze(calls: [result.events])
        let menu = try #require(report.node("main-menu", "s"))
        #expect(menu.completed == 1)
        #expect(menu.entered == 2)
        #expect(menu.hungUp == 1)
        let read = try #require(report.node("main-menu", "3"))
        #expect(read.entered == 1)
        #expect(read.invalid == 1)
        #expect(report.traceCalls?.abandoned == 1)
    }

    @Test("malformed lines are skipped and counted; calls split at their start events")
    func malformedLines() throws {
        let results = try Support.menuCalls()
        var lines = Support.traceText(Array(results.prefix(2))).split(separator: "\n").map(String.init)
        lines.insert("this is not json", at: 3)
        lines.insert("{\"event\":\"digit\"}", at: 5)
        lines.insert("{\"t\":1}", at: 6)
        lines.insert("{\"event\":\"teleport\",\"t\":1}", at: 7)
        lines.insert("{\"event\":\"exec\",\"t\":1,\"context\":\"menu\",\"exten\":\"s\",\"app\":\"Playback\"}", at: 8)
        lines.insert("[1,2,3]", at: 9)
        lines.insert("", at: 10)
        lines.insert("{\"event\":\"digit\",\"t\":\"soon\",\"digit\":\"1\"}", at: 11)
        let parsed = TraceReader.parse(lines.joined(separator: "\n"), source: "bad.jsonl")
        #expect(parsed.warnings.count == 7)
        #expect(parsed.calls.count == 2)
        #expect(parsed.warnings.map(\.line).sorted() == [4, 6, 7, 8, 9, 10, 12])
        #expect(parsed.warnings.contains { $0.message.contains("teleport") })
        let report = KPIReport.analyze(calls: parsed.calls)
        #expect(report.node("menu", "s")?.entered == 3)
    }

    @Test("events before the first start form a call of their own, with a warning")
    func eventsBeforeStart() throws {
        let text = """
        {"event":"exec","t":0,"context":"m","exten":"s","priority":1,"app":"Background","args":"x","file":"f","line":1}
        {"event":"hangup","t":2,"cause":16,"by":"caller"}
        """
        let parsed = TraceReader.parse(text, source: "x")
        #expect(parsed.calls.count == 1)
        #expect(parsed.warnings.count == 1)
        let report = KPIReport.analyze(calls: parsed.calls)
        #expect(report.node("m", "s")?.hungUp == 1)
        #expect(report.traceCalls?.abandoned == 1)
        #expect(report.traceCalls?.averageSecondsInIVR == 2)
    }

    @Test("CDR rows give call-level figures")
    func cdrFigures() throws {
        let results = try Support.menuCalls()
        let utc = try #require(TimeZone(identifier: "UTC"))
        let csv = results.map { $0.record.csvLine(timeZone: utc) }.joined(separator: "\n") + "\n\"broken\n"
        let parsed = CDRReader.parse(csv, source: "Master.csv")
        #expect(parsed.rows.count == 5)
        #expect(parsed.warnings.count == 1)
        let report = KPIReport.analyze(calls: [], cdrRows: parsed.rows)
        #expect(report.traceCalls == nil)
        let calls = try #require(report.cdrCalls)
        #expect(calls.calls == 5)
        #expect(calls.transferred == 1)
        #expect(calls.abandoned == 1)
        #expect(calls.contained == 3)
        #expect(report.nodes.isEmpty)
    }

    @Test("CSV records: quotes, doubled quotes, commas and CRLF")
    func csvRecords() {
        let records = CDRReader.records(in: "\"a,b\",\"say \"\"hi\"\"\",3\r\nx,,\"\"\n")
        #expect(records.count == 2)
        #expect(records.first?.fields == ["a,b", "say \"hi\"", "3"])
        #expect(records.last?.fields == ["x", "", ""])
    }

    @Test("text output: aligned columns with the numbers")
    func textOutput() throws {
        let report = KPIReport.analyze(calls: try Support.menuCalls().map(\.events))
        let text = KPIReport.text(report)
        #expect(text.contains("5 calls from traces"))
        #expect(text.contains("3 (60.0%)"))
        #expect(text.contains("1 (20.0%)"))
        #expect(text.contains("2.1 s"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headerIndex = try #require(lines.firstIndex { $0.hasPrefix("Menu node") })
        let header = lines[headerIndex]
        let row = lines[headerIndex + 1]
        #expect(row.hasPrefix("s@menu "))
        #expect(header.count == row.count)
        // Right-aligned: each header ends where its numbers end.
        let enteredEnd = try #require(header.range(of: "Entered")).upperBound
        let columnEnd = header.distance(from: header.startIndex, to: enteredEnd)
        let cell = row.prefix(columnEnd).split(separator: " ").last
        #expect(cell == "6")
        #expect(row.hasSuffix("50.0%"))
    }

    @Test("HTML: numbers, an inline SVG funnel, definitions, no scripts or external resources")
    func htmlOutput() throws {
        var report = KPIReport.analyze(calls: try Support.menuCalls().map(\.events))
        report.warnings = [InputWarning(source: "<evil>.jsonl", line: 3, message: "not a JSON object")]
        let html = KPIReport.html(report)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("class=\"funnel\""))
        #expect(html.contains("<td>3 (60.0%)</td>"))
        #expect(html.contains("<td class=\"num\">6</td>"))
        #expect(html.contains("Containment rate"))
        #expect(html.contains("&lt;evil&gt;.jsonl:3"))
        #expect(!html.contains("<script"))
        // The only URL is the SVG namespace: nothing is loaded from elsewhere.
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http"))
    }

    @Test("HTML is accepted by Python's html.parser with balanced tags",
          .enabled(if: Support.executable(named: "python3") != nil, "python3 is not installed"))
    func htmlParses() throws {
        let report = KPIReport.analyze(calls: try Support.menuCalls().map(\.events))
        let script = """
        import sys
        from html.parser import HTMLParser
        VOID = {"meta", "br", "img", "input", "link", "hr", "col", "area", "base", "source", "wbr"}
        class Checker(HTMLParser):
            def __init__(self):
                super().__init__()
                self.stack = []
                self.errors = []
            def handle_starttag(self, tag, attrs):
                if tag not in VOID: self.stack.append(tag)
            def handle_startendtag(self, tag, attrs):
                pass
            def handle_endtag(self, tag):
                if not self.stack or self.stack[-1] != tag:
                    self.errors.append("unexpected </%s>, open %s" % (tag, self.stack[-3:]))
                else:
                    self.stack.pop()
        checker = Checker()
        checker.feed(sys.stdin.read())
        checker.close()
        if checker.errors or checker.stack:
            print(checker.errors, checker.stack)
            sys.exit(1)
        print("ok")
        """
        let python = try #require(Support.executable(named: "python3"))
        let (status, output) = try Support.runProgram(python, arguments: ["-c", script], input: KPIReport.html(report))
        #expect(status == 0, "\(output)")
        #expect(output.contains("ok"))
    }

    @Test("load: traces and a CDR file from disk; a missing file is an error")
    func loadFiles() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let results = try Support.menuCalls()
        let first = directory.appendingPathComponent("a.jsonl")
        let second = directory.appendingPathComponent("b.jsonl")
        let cdr = directory.appendingPathComponent("Master.csv")
        try Support.write(Support.traceText(Array(results.prefix(3))) + "garbage\n", to: first)
        try Support.write(Support.traceText(Array(results.suffix(2))), to: second)
        let utc = try #require(TimeZone(identifier: "UTC"))
        try Support.write(results.map { $0.record.csvLine(timeZone: utc) }.joined(separator: "\n"), to: cdr)
        let report = try KPIReport.load(paths: [first.path, second.path, cdr.path])
        #expect(report.traceCalls?.calls == 5)
        #expect(report.cdrCalls?.calls == 5)
        #expect(report.warnings.count == 1)
        #expect(report.node("menu", "s")?.entered == 6)
        #expect(throws: KPIReport.LoadError.self) {
            try KPIReport.load(paths: [directory.appendingPathComponent("nope.jsonl").path])
        }
    }
}
