import Audio
import Engine
import Foundation
import Testing
@testable import Replay

/// Scenarios against small dialplans written into a temporary folder; prompts play for one second.
@Suite struct ScenarioRunnerTests {
    static let plan = """
    [menu]
    exten => s,1,Answer()
     same => n,Set(PIN=${DB(pins/${CALLERID(num)})})
     same => n,Set(BALANCE=${CURL(https://bank.example/balance?caller=${CALLERID(num)})})
     same => n,Background(welcome)
     same => n,WaitExten(3)
    exten => 1,1,Playback(sales)
     same => n,Queue(sales)
    exten => 2,1,Playback(support)
     same => n,Transfer(PJSIP/support)
     same => n,Hangup()
    exten => 3,1,Verbose(1,balance ${BALANCE} status ${CURLSTATUS})
     same => n,Set(CDR_USERFIELD=checked)
     same => n,Hangup()
    exten => t,1,Playback(goodbye)
     same => n,Hangup()
    exten => i,1,Playback(invalid)
     same => n,Goto(s,4)
    exten => h,1,NoOp(bye)
    """

    let folder: String

    init() throws {
        folder = Repo.temporaryFolder("runner")
        try Self.plan.write(toFile: folder + "/menu.conf", atomically: true, encoding: .utf8)
    }

    func verdicts(_ body: String, mode: ReplayMode = .events, environment: ReplayEnvironment = ReplayEnvironment())
        throws -> [ScenarioVerdict] {
        let path = folder + "/menu.scenario"
        try ("dialplan menu.conf\ncontext menu\ncaller 5551234\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        let file = try ScenarioParser.parse(path: path)
        return file.scenarios.map { ScenarioRunner.run($0, mode: mode, environment: environment) }
    }

    func report(_ body: String) throws -> String {
        try verdicts(body).map(\.report).joined().replacingOccurrences(of: folder, with: "DIR")
    }

    @Test func passingScenario() throws {
        let verdict = try #require(try verdicts("""
        scenario "sales"
          expect prompt welcome
          press 1
          expect prompt sales
          expect queue sales
          expect hangup by dialplan
          expect extension h
        """).first)
        #expect(verdict.status == .passed)
        #expect(verdict.report.hasSuffix("PASS  \(folder)/menu.scenario:4  sales\n"))
        // One call: the caller decides to press 1 as welcome ends, while the call runs.
        #expect(verdict.calls == 1)
    }

    /// A press fixed at a time already past when the caller could decide it: the call runs again with it.
    @Test func aPressDecidedTooLateRunsTheCallAgain() throws {
        let verdict = try #require(try verdicts("""
        scenario "early press"
          expect prompt welcome
          press 2 at 0.5s
          expect prompt support
        """).first)
        #expect(verdict.status == .passed, "\(verdict.report)")
        #expect(verdict.calls == 2)
    }

    /// Deciding during the call gives the same calls as working the presses out one run at a time.
    @Test func decidingDuringTheCallMatchesRunByRun() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repo.scenarios).filter { $0.hasSuffix(".scenario") }
        let reactive = ReplayEnvironment(promptRoot: Repo.prompts)
        let runByRun = ReplayEnvironment(promptRoot: Repo.prompts, decidesDuringCall: false)
        var compared = 0
        for file in files.sorted() {
            let scenarios = try ScenarioParser.parse(path: Repo.scenarios + "/" + file).scenarios
            for scenario in scenarios {
                let fast = ScenarioRunner.run(scenario, mode: .events, environment: reactive)
                let slow = ScenarioRunner.run(scenario, mode: .events, environment: runByRun)
                #expect(fast.status == slow.status, "\(scenario.name)")
                // Each call has its own spool folder; everything else is the same, event for event.
                func lines(_ verdict: ScenarioVerdict) -> [String] {
                    verdict.events.map(TraceJSON.line).map {
                        $0.replacingOccurrences(of: #"ivr-replay-[0-9]+/[0-9]+/"#, with: "SPOOL/", options: .regularExpression)
                    }
                }
                let (left, right) = (lines(fast), lines(slow))
                let firstDifference = zip(left, right).first { $0 != $1 }
                #expect(left.count == right.count && firstDifference == nil,
                        "\(scenario.name): \(firstDifference.map { "\($0.0) vs \($0.1)" } ?? "lengths differ")")
                #expect(fast.calls <= slow.calls, "\(scenario.name)")
                compared += 1
            }
        }
        #expect(compared >= 100)
    }

    @Test func failureReportShowsTheFirstDivergenceExactly() throws {
        let text = try report("""
        scenario "wrong department"
          expect prompt welcome
          press 1
          expect prompt support
          expect hangup
        """)
        #expect(text == """
        FAIL  DIR/menu.scenario:4  wrong department
            step:     DIR/menu.scenario:7: expect prompt support
            expected: prompt support
            actual:   prompt support never played after 1.100 s; heard sales
            dialplan: DIR/menu.conf:7 (menu,1,1) Playback(sales)
            trace:
                   1.000      BACKGROUNDSTATUS=SUCCESS
                   1.000  menu,s,5  WaitExten(3)
                   1.100      ☎ caller pressed 1
                   1.100      → menu,1,1 (dialled)
                   1.100  menu,1,1  Playback(sales)
              >    1.100      ▶ sales
                   2.100      PLAYBACKSTATUS=SUCCESS
                   2.100  menu,1,2  Queue(sales)
                  37.100      ⇒ queue sales: ANSWER

        """)
    }

    @Test func variableAndDeliveryFailuresSayWhatHappenedInstead() throws {
        let text = try report("""
        scenario "no transfer"
          outcome PJSIP/support = FAILURE
          expect prompt welcome
          press 2
          expect transfer PJSIP/support SUCCESS
        scenario "tries"
          expect variable BACKGROUNDSTATUS = FAILED
        """)
        #expect(text.contains("""
            expected: transfer PJSIP/support (SUCCESS)
            actual:   transfer PJSIP/support (FAILURE) at 22.100 s
        """))
        #expect(text.contains("""
            expected: BACKGROUNDSTATUS set to 'FAILED'
            actual:   BACKGROUNDSTATUS was set to 'SUCCESS' in the call
        """))
    }

    @Test func cannedCurlAndAstDB() throws {
        let all = try verdicts("""
        scenario "balance"
          astdb pins/5551234 = 4321
          curl https://bank.example/balance?caller=5551234 = "12.50"
          expect variable PIN = 4321
          expect variable BALANCE = 12.50
          expect prompt welcome
          press 3
          expect verbose balance 12.50 status SUCCESS
          expect cdr userfield = checked
        scenario "bank down"
          curl https://bank.example/* fails
          expect prompt welcome
          press 3
          expect verbose status FAILURE
        scenario "no canned answer: no network either"
          expect prompt welcome
          press 3
          expect verbose status FAILURE
        """)
        for verdict in all { #expect(verdict.passed, "\(verdict.report)") }
    }

    @Test func secretsMustNeverAppear() throws {
        let text = try report("""
        scenario "pin leaks"
          astdb pins/5551234 = 987654
          expect never 987654
        """)
        #expect(text.contains("expected: '987654' never in any output"))
        #expect(text.contains(#"actual:   it appears in the trace at 0.000 s: {"event":"set","t":0,"name":"DB_RESULT","value":"987654"}"#))
    }

    @Test func silenceNoPromptAndTimeouts() throws {
        let all = try verdicts("""
        scenario "timeout"
          expect prompt welcome
          expect silence 3s
          expect extension t
          expect prompt goodbye
          expect no prompt
          expect hangup by dialplan
        scenario "silence fails"
          expect prompt welcome
          expect silence 4s
        """)
        #expect(all[0].passed, "\(all[0].report)")
        #expect(all[1].divergence?.actual == "prompt goodbye plays from 4.000 s to 5.000 s")
    }

    @Test func bargeInAndPromptMoments() throws {
        let all = try verdicts("""
        scenario "barge in"
          expect prompt welcome starts
          press 2 after 500ms
          expect prompt welcome interrupted
          expect prompt support finished
        scenario "not interrupted"
          expect prompt welcome interrupted
        """)
        #expect(all[0].passed, "\(all[0].report)")
        #expect(all[1].divergence?.actual == "prompt welcome finished at 1.000 s")
    }

    @Test func hangupByTheCaller() throws {
        let verdict = try #require(try verdicts("""
        scenario "gone"
          expect prompt welcome
          wait 1s
          hang up
          expect hangup by caller
          expect cdr duration = 2
          expect extension h@menu
        """).first)
        #expect(verdict.passed, "\(verdict.report)")
        #expect(abs((verdict.events.last?.time ?? 0) - 2.1) < 0.001)
    }

    @Test func goldenTranscriptIsWrittenComparedAndDiffed() throws {
        let body = """
        scenario "pinned"
          expect prompt welcome
          press 9
          expect prompt invalid
          press 1
          expect queue sales
          expect transcript menu.transcript
        """
        let update = ReplayEnvironment(updateGolden: true)
        let written = try verdicts(body, environment: update)
        #expect(written.allSatisfy { $0.passed }, "\(written.map(\.report))")
        let golden = try String(contentsOfFile: folder + "/menu.transcript", encoding: .utf8)
        #expect(golden == """
        \(GoldenTranscript.header)
            0.00     1.00  welcome  finished
            1.10     2.10  invalid  finished
            2.10     2.20  welcome  interrupted by 1
            2.20     3.20  sales    finished

        """)
        #expect(try verdicts(body).allSatisfy(\.passed))
        // The call changes: the golden file says where it first differs.
        try golden.replacingOccurrences(of: "invalid ", with: "oops    ").write(toFile: folder + "/menu.transcript", atomically: true, encoding: .utf8)
        let verdict = try #require(try verdicts(body).first)
        #expect(verdict.divergence?.actual == "prompt 2: expected oops from 1.10 s to 2.10 s, finished; heard invalid from 1.10 s to 2.10 s, finished")
        try FileManager.default.removeItem(atPath: folder + "/menu.transcript")
        #expect(try verdicts(body).first?.divergence?.actual == "no golden file \(folder)/menu.transcript (write it with --update-golden)")
    }

    @Test func missingDialplanIsAnError() throws {
        let path = folder + "/bad.scenario"
        try "dialplan nowhere.conf\nscenario x\n  expect hangup\n".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try ScenarioParser.parse(path: path)
        let verdict = ScenarioRunner.run(file.scenarios[0], mode: .events, environment: ReplayEnvironment())
        #expect(verdict.status == .error)
        #expect(verdict.report.hasPrefix("ERROR \(path):2  x\n    the dialplan \(folder)/nowhere.conf does not load"))
    }
}
