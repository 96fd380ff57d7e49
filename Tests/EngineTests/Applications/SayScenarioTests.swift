import Dialplan
import Testing
@testable import Engine

/// Say scenarios after `tests/apps/say_interrupt`: file lists for numbers, money and dates, and DTMF that
/// interrupts only when SAY_DTMF_INTERRUPT is true.
@Suite struct SayScenarioTests {
    static func menu(interrupt: String?, application: String) -> String {
        """
        [default]
        exten => s,1,Answer()
        \(interrupt.map { " same => n,Set(SAY_DTMF_INTERRUPT=\($0))" } ?? "")
         same => n,\(application)
         same => n,WaitExten(3)
        exten => 1,1,Playback(one)
        exten => 12,1,Playback(twelve)
        exten => t,1,Playback(timeout)
        """
    }

    @Test func withoutTheVariableDigitsDuringSayAreLost() {
        let result = runCall(Self.menu(interrupt: nil, application: "SayDigits(9876)"), digits: "1@1.5s")
        #expect(result.prompts == ["digits/9", "digits/8", "digits/7", "digits/6", "timeout"])
        #expect(!result.events.contains { $0.kind == .promptInterrupted("digits/8", digit: "1") })
    }

    @Test func falseIsLikeUnset() {
        let result = runCall(Self.menu(interrupt: "no", application: "SayNumber(42)"), digits: "1@0.5s")
        #expect(result.prompts == ["digits/40", "digits/2", "timeout"])
    }

    @Test func withTheVariableADigitInterruptsAndGoesToItsExtension() {
        let result = runCall(Self.menu(interrupt: "true", application: "SayDigits(9876)"), digits: "1@1.5s")
        #expect(result.prompts == ["digits/9", "digits/8", "one"])
        #expect(result.events.contains { $0.kind == .promptInterrupted("digits/8", digit: "1") })
        #expect(!result.path.contains { $0.hasSuffix("WaitExten") })
    }

    @Test func anInterruptingDigitStartsACollectionLikeBackGround() {
        // 1 could become 12: the PBX waits for the next digit.
        let result = runCall(Self.menu(interrupt: "yes", application: "SayNumber(747)"), digits: "1@0.5s 2@1s")
        #expect(result.prompts == ["digits/7", "twelve"])
    }

    @Test func globalVariableCountsToo() {
        let result = runCall("""
        [globals]
        SAY_DTMF_INTERRUPT=1
        \(Self.menu(interrupt: nil, application: "SayMoney(3.25)"))
        """, digits: "1@1.5s")
        #expect(result.prompts == ["digits/3", "dollars", "one"])
    }

    @Test func sayUnixTimeJOptionInterrupts() {
        let result = runCall(Self.menu(interrupt: nil, application: "SayUnixTime(\(Int(testStart)),UTC,,j)"),
                             digits: "1@2.5s")
        #expect(result.prompts == ["digits/day-1", "digits/mon-10", "digits/20", "one"])
    }

    @Test func numberAndDateFileListsInAFlow() {
        let result = runCall("""
        [default]
        exten => s,1,Set(AMOUNT=1042)
         same => n,SayNumber(${AMOUNT})
         same => n,SayMoney(${AMOUNT}.05)
         same => n,SayUnixTime(${EPOCH},UTC,dB)
        """)
        #expect(result.prompts == [
            "digits/1", "digits/thousand", "digits/40", "digits/2",
            "digits/1", "digits/thousand", "digits/40", "digits/2", "dollars", "and", "digits/5", "cents",
            "digits/20", "digits/h-3", "digits/mon-10",
        ])
    }

    @Test func promptTimingFollowsThePromptTable() {
        let table = PromptTable(["digits/1": 0.5, "digits/2": 0.7, "digits/thousand": 0.6])
        let result = runCall("""
        [default]
        exten => s,1,SayDigits(12)
         same => n,NoOp(at ${EPOCH})
        """, prompts: table)
        let last = result.events.first { $0.kind == .promptEnd("digits/2") }
        #expect(abs((last?.time ?? 0) - 1.2) < 0.001)
    }
}
