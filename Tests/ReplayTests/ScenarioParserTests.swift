import Foundation
import Testing
@testable import Replay

@Suite struct ScenarioParserTests {
    func parse(_ text: String) throws(ScenarioError) -> ScenarioFile {
        try ScenarioParser.parse(text: text, path: "tests/menu.scenario")
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func readsSetupStepsAndExpectations() throws {
        let file = try parse("""
        # file-level defaults
        dialplan ../Dialplans/demo-menu.conf   // relative to the scenario file
        context incoming

        setup open
          time 2026-11-23 10:00 Europe/Berlin
          astdb blocked/5551234 = yes
          curl https://api.example.com/balance?acct=42 = "1,234.50"
          curl https://api.example.com/down fails
          outcome PJSIP/operator = NOANSWER after 30s

        scenario "sales":
          use open
          caller 5551234 "Alice Example"
          variable LANGPREF = de
          expect prompts example-welcome main-menu
          press 1234# every 300ms after 1s
          press # at 20s
          wait 2.5s
          expect prompt main-menu interrupted
          expect variable TRIES=1
          expect queue sales ANSWER
          expect extension 1@main-menu
          expect cdr disposition = ANSWERED
          expect never 1234
          hang up after 500ms
          expect hangup by caller
        """)
        #expect(file.scenarios.count == 1)
        let scenario = try #require(file.scenarios.first)
        #expect(scenario.name == "sales")
        #expect(scenario.line == 12)
        let setup = scenario.setup
        #expect(setup.dialplan == "tests/../Dialplans/demo-menu.conf")
        #expect(setup.context == "incoming")
        #expect(setup.callerNumber == "5551234")
        #expect(setup.callerName == "Alice Example")
        #expect(setup.timeZone.identifier == "Europe/Berlin")
        #expect(setup.startTime == 1_795_424_400)
        #expect(setup.astdb.count == 1 && setup.astdb[0].family == "blocked" && setup.astdb[0].key == "5551234")
        #expect(setup.curl == [CurlAnswer(url: "https://api.example.com/balance?acct=42", reply: .body("1,234.50", code: 200)),
                               CurlAnswer(url: "https://api.example.com/down", reply: .failure)])
        #expect(setup.outcomes["PJSIP/operator"] == OutcomeSpec(status: "NOANSWER", waited: 30))
        #expect(setup.variables == ["LANGPREF": "de"])
        let kinds = scenario.steps.map(\.kind)
        #expect(kinds == [
            .expect(.prompts(["example-welcome", "main-menu"])),
            .press(digits: "1234#", spacing: 0.3, after: 1, at: nil),
            .press(digits: "#", spacing: 0.25, after: nil, at: 20),
            .wait(2.5),
            .expect(.prompt("main-menu", .interrupted)),
            .expect(.variable(name: "TRIES", value: "1")),
            .expect(.delivery(kind: "queue", destination: "sales", status: "ANSWER")),
            .expect(.exten("1", context: "main-menu")),
            .expect(.cdr(field: "disposition", value: "ANSWERED")),
            .expect(.never("1234")),
            .hangup(after: 0.5, at: nil),
            .expect(.hangup(by: "caller")),
        ])
        #expect(scenario.steps[1].line == 17)
        #expect(scenario.steps[1].text == "press 1234# every 300ms after 1s")
    }

    @Test func laterSetupLinesOverrideAndFileDefaultsApplyToEveryScenario() throws {
        let file = try parse("""
        dialplan plan.conf
        language de
        scenario one
          expect hangup
        scenario two
          language fr
          dialplan other.conf
          expect hangup
        """)
        #expect(file.scenarios.map(\.setup.language) == ["de", "fr"])
        #expect(file.scenarios.map(\.setup.dialplan) == ["tests/plan.conf", "tests/other.conf"])
        #expect(file.scenarios.map(\.setup.startTime) == [1_767_607_200, 1_767_607_200])
    }

    @Test func errorsNameFileLineAndColumn() {
        #expect(error("dialplan a.conf\nscenario x\n  pres 1\n")
                == "tests/menu.scenario:3:3: error: unknown word 'pres' (expected a set-up line such as dialplan, context, caller, time, astdb, curl, variable, outcome, use, or a step: press, wait, hang up, expect)")
        #expect(error("dialplan a.conf\nscenario x\n  press 12x\n")
                == "tests/menu.scenario:3:9: error: '12x' are not DTMF digits (use 0-9, *, # and A-D)")
        #expect(error("dialplan a.conf\nscenario x\n  wait soon\n")
                == "tests/menu.scenario:3:8: error: 'soon' is not a time (write 2s, 500ms or 1.5m)")
        #expect(error("scenario x\n  expect hangup\n")
                == "tests/menu.scenario:1:1: error: scenario \"x\" names no dialplan (add: dialplan FILE, here or in a setup it uses)")
        #expect(error("dialplan a.conf\nscenario x\n  caller 555 \"Alice\n")
                == "tests/menu.scenario:3:14: error: this quoted text has no closing \"")
        #expect(error("setup s\n  press 1\n")
                == "tests/menu.scenario:2:3: error: 'press' is a step: steps belong in a scenario, not in setup \"s\"")
        #expect(error("dialplan a.conf\nscenario x\n  use nothing\n")
                == "tests/menu.scenario:3:7: error: no setup named \"nothing\" above this line")
        #expect(error("dialplan a.conf\nscenario x\nscenario x\n")
                == "tests/menu.scenario:3:1: error: a scenario named \"x\" already exists in this file")
        #expect(error("# nothing here\n") == "tests/menu.scenario:2:1: error: no scenarios in this file (start one with: scenario \"name\")")
        #expect(error("dialplan a.conf\nscenario x\n  expect prompt a b c\n")
                == "tests/menu.scenario:3:21: error: 'expect prompt' takes one name; use 'expect prompts A B C' for several")
        #expect(error("dialplan a.conf\nscenario x\n  expect cdr colour = red\n")
                == "tests/menu.scenario:3:14: error: unknown CDR field 'colour' (fields: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield)")
        #expect(error("dialplan a.conf\ntime tomorrow\nscenario x\n")
                == "tests/menu.scenario:2:6: error: 'tomorrow' is not a date and time (write 2026-11-23 10:00 or 2026-11-23T10:00:00Z)")
        #expect(error("press 1\n")
                == "tests/menu.scenario:1:1: error: 'press' belongs in a scenario (start one with: scenario \"name\")")
        #expect(error("dialplan a.conf\nscenario x\n  press 12 every 50ms\n")
                == "tests/menu.scenario:3:18: error: digits must be at least 150ms apart")
        #expect(error("dialplan a.conf\nscenario x\n  expect\n")
                == "tests/menu.scenario:3:10: error: 'expect' needs what to expect: prompt, prompts, silence, no prompt, variable, dial, queue, transfer, context, extension, hangup, cdr, never, verbose, transcript, heard")
    }

    @Test func agiFolderIsRelativeToTheScenarioFile() throws {
        let file = try parse("""
        dialplan bank.conf
        agi-bin ../Dialplans/agi-bin
        scenario one
          expect hangup
        scenario two
          agi-bin /opt/agi
          expect hangup
        """)
        #expect(file.scenarios[0].setup.agiDirectory == "tests/../Dialplans/agi-bin")
        #expect(file.scenarios[1].setup.agiDirectory == "/opt/agi")
        #expect(error("agi-bin\nscenario x\n  expect hangup").contains("'agi-bin' needs a folder of AGI programs"))
    }

    @Test func hashIsADigitExceptAtTheStartOfALine() throws {
        let file = try parse("dialplan a.conf\nscenario x\n  # a comment\n  press #\n  press 12# // pound ends it\n")
        #expect(file.scenarios[0].steps.map(\.kind) == [.press(digits: "#", spacing: 0.25, after: nil, at: nil),
                                                         .press(digits: "12#", spacing: 0.25, after: nil, at: nil)])
    }

    @Test func neverTrapsOnGarbage() {
        // Random bytes and odd lines give errors, never a crash.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc xyz\"=@#/\\:expect press wait hang up scenario setup dialplan 0123 \t\n")
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0..<120, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? " " })
            _ = error(text)
        }
    }

    @Test func unreadableFileIsAnError() {
        do {
            _ = try ScenarioParser.parse(path: "/nonexistent/x.scenario")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/x.scenario: error: cannot read the file")
        }
    }
}
