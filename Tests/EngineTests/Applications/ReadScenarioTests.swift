import Dialplan
import Testing
@testable import Engine

/// The `tests/apps/read` cases of the Asterisk testsuite, plus Read's attempts, timeouts and prompt failures.
@Suite struct ReadScenarioTests {
    /// Like `[read-dtmf]`: answer, TIMEOUT(response)=3, then `Read(...)`.
    static func read(_ arguments: String) -> String {
        """
        [default]
        exten => s,1,Answer()
         same => n,Set(TIMEOUT(response)=3)
         same => n,Read(\(arguments))
         same => n,NoOp(${digits}|${READSTATUS})
        """
    }

    func outcome(_ arguments: String, _ digits: String, prompts: any PromptLibrary = UniformPrompts()) -> CallResult {
        runCall(Self.read(arguments), digits: digits, prompts: prompts)
    }

    @Test func customTerminatorD() {
        // senddtmf1..4 with t(D): everything before the D, including #, is kept.
        #expect(outcome("digits,,,t(D)", "*123#DB@0.5s").variables["digits"] == "*123#")
        #expect(outcome("digits,,,t(D)", "*123A#2#DB@0.5s").variables["digits"] == "*123A#2#")
        #expect(outcome("digits,,,t(D)", "**123#DC@0.5s").variables["digits"] == "**123#")
        let four = outcome("digits,,,t(D)", "*1254*123#DD@0.5s")
        #expect(four.variables["digits"] == "*1254*123#")
        #expect(four.variables["READSTATUS"] == "OK")
    }

    @Test func normalReadEndedByTimeoutKeepsTheDigits() {
        // senddtmf5 = *009 with no terminator: the digit timeout ends input; the digits are kept, status TIMEOUT.
        let result = outcome("digits", "*009@0.5s")
        #expect(result.variables["digits"] == "*009")
        #expect(result.variables["READSTATUS"] == "TIMEOUT")
        // Last digit at 1.25 s, then TIMEOUT(digit) = 5 s.
        let status = result.events.first { $0.kind == .variableSet(name: "READSTATUS", value: "TIMEOUT") }
        #expect(status?.time == 6.25)
    }

    @Test func tAloneMeansNoTerminator() {
        // senddtmf6 = *009#### with Read(digits,,8,t): the # are digits; 8 digits complete the read.
        let result = outcome("digits,,8,t", "*009####@0.5s")
        #expect(result.variables["digits"] == "*009####")
        #expect(result.variables["READSTATUS"] == "OK")
    }

    @Test func indicationPromptWithTerminator() {
        #expect(outcome("digits,dial,,it(#)", "1234#56@0.5s").variables["digits"] == "1234")
        #expect(outcome("digits,dial,7,it", "1234#56@0.5s").variables["digits"] == "1234#56")
        #expect(outcome("digits,dial,,i", "9876#56@0.5s").variables["digits"] == "9876")
    }

    @Test func terminatorAloneIsEmptyOrTheTerminatorWithE() {
        let plain = outcome("digits", "#@0.5s")
        #expect(plain.variables["digits"] == "")
        #expect(plain.variables["READSTATUS"] == "OK")
        #expect(outcome("digits,,,e", "#@0.5s").variables["digits"] == "#")
    }

    @Test func maxDigitsCompletesWithoutTerminator() {
        let result = outcome("digits,enter-code,3", "12345@1.5s")
        #expect(result.variables["digits"] == "123")
        #expect(result.variables["READSTATUS"] == "OK")
        #expect(result.prompts == ["enter-code"])
    }

    @Test func aDigitDuringThePromptIsTheFirstDigit() {
        let result = outcome("digits,enter-code", "4@0.5s 2#@1.5s")
        #expect(result.events.contains { $0.kind == .promptInterrupted("enter-code", digit: "4") })
        #expect(result.variables["digits"] == "42")
    }

    @Test func attemptsRepromptOnlyWhenNothingWasEntered() {
        let none = outcome("digits,enter-code,,,3,2", "")
        #expect(none.prompts == ["enter-code", "enter-code", "enter-code"])
        #expect(none.variables["READSTATUS"] == "TIMEOUT")

        let partial = outcome("digits,enter-code,,,3,2", "5@1.5s")
        #expect(partial.prompts == ["enter-code"])
        #expect(partial.variables["digits"] == "5")
        #expect(partial.variables["READSTATUS"] == "TIMEOUT")

        // First attempt: prompt 1 s + 2 s; the second prompt plays from 3 s.
        let second = outcome("digits,enter-code,,,3,2", "7#@4.5s")
        #expect(second.prompts == ["enter-code", "enter-code"])
        #expect(second.variables["digits"] == "7")
        #expect(second.variables["READSTATUS"] == "OK")
    }

    @Test func missingLastPromptIsAnErrorAndReadsNothing() {
        let result = outcome("digits,intro&nosuch", "1#@3s", prompts: UniformPrompts(missing: ["nosuch"]))
        #expect(result.prompts == ["intro", "nosuch"])
        #expect(result.variables["READSTATUS"] == "ERROR")
        #expect(result.variables["digits"] == "")
    }

    @Test func missingEarlierPromptIsSkipped() {
        let result = outcome("digits,nosuch&enter-code", "9#@1.5s", prompts: UniformPrompts(missing: ["nosuch"]))
        #expect(result.variables["digits"] == "9")
        #expect(result.variables["READSTATUS"] == "OK")
    }

    @Test func skipOptionWhenNotAnswered() {
        let text = """
        [default]
        exten => s,1,Read(digits,enter-code,,s)
         same => n,NoOp(${READSTATUS})
        """
        let result = runCall(text, digits: "1#@0.5s")
        #expect(result.variables["READSTATUS"] == "SKIPPED")
        #expect(result.prompts.isEmpty)
        let noAnswer = runCall(text.replacingOccurrences(of: ",,s)", with: ",,n)"), digits: "1#@0.5s")
        #expect(noAnswer.variables["digits"] == "1")
        #expect(noAnswer.record.answer == nil)
    }

    @Test func callerHangingUpIsHangup() {
        let result = runCall(Self.read("digits,enter-code"), digits: "1@1.5s", hangupAt: 2)
        #expect(result.variables["READSTATUS"] == "HANGUP")
        #expect(!result.path.contains("s,4:NoOp"))
    }

    @Test func timeoutArgumentSetsBothWaits() {
        let result = outcome("digits,,,,,1.5", "")
        #expect(result.events.first { $0.kind == .variableSet(name: "READSTATUS", value: "TIMEOUT") }?.time == 1.5)
    }
}
