import Engine
import Foundation
import Testing
@testable import Replay

@Suite struct ReplayCommandTests {
    /// A folder with a dialplan and one passing and one failing scenario.
    static func suite(failing: Bool = true) throws -> String {
        let folder = Repo.temporaryFolder("command")
        try """
        [menu]
        exten => s,1,Answer()
         same => n,Background(welcome)
         same => n,WaitExten(3)
        exten => 1,1,Playback(sales)
         same => n,Hangup()
        exten => 2,1,Playback(support)
         same => n,Hangup()
        exten => i,1,Playback(invalid)
        exten => t,1,Hangup()
        exten => h,1,NoOp()
        """.write(toFile: folder + "/menu.conf", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/nested", withIntermediateDirectories: true)
        try """
        dialplan ../menu.conf
        context menu
        scenario "sales"
          expect prompt welcome
          press 1
          expect prompt sales
        scenario "support <&> \\"quoted\\""
          expect prompt welcome
          press 2
          expect prompt \(failing ? "sales" : "support")
        """.write(toFile: folder + "/nested/menu.scenario", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func exitCodes() throws {
        let passing = try Self.suite(failing: false)
        #expect(Repo.command([passing]).status == 0)
        let failing = try Self.suite()
        let result = Repo.command([failing, "--jobs", "2"])
        #expect(result.status == 1)
        #expect(result.out.hasPrefix("PASS  \(failing)/nested/menu.scenario:3  sales\nFAIL  \(failing)/nested/menu.scenario:7  support <&> \"quoted\"\n"))
        #expect(result.out.contains("\n2 scenarios (events): 1 passed, 1 failed in "))
        try "scenario x\n  dance\n".write(toFile: failing + "/broken.scenario", atomically: true, encoding: .utf8)
        let broken = Repo.command([failing])
        #expect(broken.status == 2)
        #expect(broken.err == "\(failing)/broken.scenario:2:3: error: unknown word 'dance' (expected a set-up line such as dialplan, context, caller, time, astdb, curl, variable, outcome, use, or a step: press, wait, hang up, expect)\n")
        #expect(Repo.command(["/nonexistent/folder"]).status == 2)
        #expect(Repo.command([failing, "--bogus"]).status == 2)
        #expect(Repo.command([]).status == 2)
        #expect(Repo.command([failing, "--jobs", "0"]).status == 2)
        let help = Repo.command(["--help"])
        #expect(help.status == 0 && help.out.hasPrefix("usage: ivr test PATH..."))
    }

    @Test func quietPrintsFailuresOnly() throws {
        let folder = try Self.suite()
        let result = Repo.command([folder, "--quiet"])
        #expect(!result.out.contains("PASS"))
        #expect(result.out.contains("FAIL"))
    }

    @Test func parallelRunsGiveTheSameVerdictsInTheSameOrder() throws {
        let environment = ReplayEnvironment(promptRoot: Repo.prompts)
        let one = SuiteRunner.run(paths: [Repo.scenarios], mode: .events, environment: environment, parallelism: 1)
        let many = SuiteRunner.run(paths: [Repo.scenarios, Repo.scenarios, Repo.scenarios], mode: .events,
                                   environment: environment, parallelism: 4)
        #expect(many.verdicts.count == 3 * one.verdicts.count)
        #expect(many.verdicts.map(\.name) == Array(repeating: one.verdicts.map(\.name), count: 3).flatMap { $0 })
        // Every call gets its own spool folder, so compare what the caller heard and where the call went.
        func shape(_ report: SuiteReport) -> [[String]] {
            report.verdicts.map { verdict in
                verdict.events.compactMap { event -> String? in
                    switch event.kind {
                    case .promptStart(let name): return "\(event.time) \(name)"
                    case .exec(let location, let application, _, _, _): return "\(event.time) \(location) \(application)"
                    default: return nil
                    }
                }
            }
        }
        #expect(many.passed == many.verdicts.count)
        #expect(shape(many) == Array(repeating: shape(one), count: 3).flatMap { $0 })
    }

    @Test func junitIsValidXMLForPython() throws {
        let folder = try Self.suite()
        try "scenario x\n  dance\n".write(toFile: folder + "/broken.scenario", atomically: true, encoding: .utf8)
        let junit = folder + "/out/junit.xml"
        #expect(Repo.command([folder, "--junit", junit]).status == 2)
        let checker = """
        import sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == 'testsuites', root.tag
        cases = root.findall('./testsuite/testcase')
        print(root.get('tests'), root.get('failures'), root.get('errors'), len(cases),
              len(root.findall('./testsuite/testcase/failure')), len(root.findall('./testsuite/testcase/error')))
        print(cases[1].get('name'))
        print(cases[1].find('failure').get('message'))
        """
        guard let output = Self.python(checker, junit) else { return }
        #expect(output == """
        3 1 1 3 1 1
        support <&> "quoted"
        expected prompt sales; actual: prompt sales never played after 1.100 s; heard support

        """)
    }

    @Test func coverageSummaryAndLcovThatGenhtmlRenders() throws {
        let folder = try Self.suite()
        let lcov = folder + "/coverage.info"
        let result = Repo.command([folder, "--coverage", "--lcov", lcov])
        #expect(result.out.contains("""
        Dialplan coverage (2 calls)
        \(folder)/nested/../menu.conf
          [menu]  8/10 priorities; options taken: 1 2; i NOT reached, t NOT reached, h reached
              not run: line 9  i,1  Playback(invalid)
              not run: line 10  t,1  Hangup()
        total: 8/10 priorities (80.0%)
        """))
        let text = try String(contentsOfFile: lcov, encoding: .utf8)
        #expect(text.contains("SF:\(folder)/menu.conf\n"))
        #expect(text.contains("DA:2,2\nDA:3,2\nDA:4,2\nDA:5,1\nDA:6,1\nDA:7,1\nDA:8,1\nDA:9,0\nDA:10,0\nDA:11,2\nLF:10\nLH:8\n"))
        #expect(text.contains("FN:5,1@menu\nFNDA:1,1@menu\n"))
        #expect(text.contains("BRDA:1,0,0,1\nBRDA:1,0,1,1\nBRDA:1,0,2,-\nBRDA:1,0,3,-\n"))
        let genhtml = "/usr/bin/genhtml"
        guard FileManager.default.isExecutableFile(atPath: genhtml) else { return }  // Debian package lcov
        let html = folder + "/html"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: genhtml)
        process.arguments = ["--quiet", "--branch-coverage", "--output-directory", html, lcov]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // The dialplan itself is rendered, line by line, with its hit counts.
        let pages = FileManager.default.enumerator(atPath: html)?.allObjects.compactMap { $0 as? String } ?? []
        let page = try #require(pages.first { $0.hasSuffix("menu.conf.gcov.html") })
        let source = try String(contentsOfFile: html + "/" + page, encoding: .utf8)
        #expect(source.contains("Background(welcome)"))
    }

    @Test func fromTraceWritesAScenarioThatReplaysTheCall() throws {
        let folder = try Self.suite()
        // A recorded call: the caller pressed 2 during the welcome and then hung up.
        let scenarioPath = folder + "/recorded.scenario"
        try """
        dialplan menu.conf
        context menu
        scenario original
          expect prompt welcome starts
          press 2 after 400ms
          expect prompt support
          wait 1s
          hang up
        """.write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        let scenario = try ScenarioParser.parse(path: scenarioPath).scenarios[0]
        let verdict = ScenarioRunner.run(scenario, mode: .events, environment: ReplayEnvironment())
        let trace = verdict.events.map { TraceJSON.line($0) }.joined(separator: "\n") + "\n"
        try trace.write(toFile: folder + "/call.jsonl", atomically: true, encoding: .utf8)
        let converted = Repo.command(["--from-trace", folder + "/call.jsonl", "--time", "2026-01-05T10:00:00Z"])
        #expect(converted.status == 0)
        #expect(converted.out == """
        # A replay of call.jsonl, made by: ivr test --from-trace
        # The caller presses at the times they pressed in the recorded call; the expectations say
        # what they heard and where the call went. Edit freely.
        dialplan \(folder)/menu.conf
        context menu
        language en
        time 2026-01-05T10:00:00Z

        scenario "replay of call.jsonl"
          expect prompt welcome
          press 2 at 400ms
          expect prompt support
          expect hangup by dialplan

        """)
        try converted.out.write(toFile: folder + "/replayed.scenario", atomically: true, encoding: .utf8)
        #expect(Repo.command([folder + "/replayed.scenario"]).status == 0)
        #expect(Repo.command(["--from-trace", folder + "/menu.conf"]).status == 2)
    }

    /// The trace's start event says when, where and in which language the call happened; the scenario keeps them.
    @Test func fromTraceKeepsTheCallsTimeZoneAndLanguage() throws {
        let folder = try Self.suite()
        let scenarioPath = folder + "/recorded-de.scenario"
        try """
        dialplan menu.conf
        context menu
        language de
        time 2026-07-04 18:30 Europe/Berlin
        scenario original
          expect prompt welcome
          press 3
          expect hangup
        """.write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        let scenario = try ScenarioParser.parse(path: scenarioPath).scenarios[0]
        let verdict = ScenarioRunner.run(scenario, mode: .events, environment: ReplayEnvironment())
        #expect(verdict.status == .passed, "\(verdict.report)")
        let trace = verdict.events.map { TraceJSON.line($0) }.joined(separator: "\n") + "\n"
        #expect(trace.contains(#""language":"de","epoch":1783182600,"tz":"Europe/Berlin""#))
        try trace.write(toFile: folder + "/call-de.jsonl", atomically: true, encoding: .utf8)
        let converted = Repo.command(["--from-trace", folder + "/call-de.jsonl"])
        #expect(converted.status == 0)
        #expect(converted.out.contains("language de\ntimezone Europe/Berlin\ntime 2026-07-04 18:30:00\n"), "\(converted.out)")
        try converted.out.write(toFile: folder + "/replayed-de.scenario", atomically: true, encoding: .utf8)
        let replayed = try ScenarioParser.parse(path: folder + "/replayed-de.scenario").scenarios[0]
        #expect(replayed.setup.startTime == scenario.setup.startTime)
        #expect(replayed.setup.language == "de")
        #expect(Repo.command([folder + "/replayed-de.scenario"]).status == 0)
    }

    static func python(_ script: String, _ argument: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return "python failed: \(process.terminationStatus)" }
        return String(decoding: data, as: UTF8.self)
    }
}
