import Dialplan
import Testing
@testable import Engine

/// Playback and BackGround with missing files and options (reference §3.3, §7.2).
@Suite struct PlaybackScenarioTests {
    static let missing = UniformPrompts(missing: ["nosuch"])

    @Test func playbackSkipsAMissingFileAndReportsFailed() {
        let result = runCall("""
        [default]
        exten => s,1,Playback(first&nosuch&last)
         same => n,NoOp(${PLAYBACKSTATUS})
        """, prompts: Self.missing)
        #expect(result.prompts == ["first", "nosuch", "last"])
        #expect(result.events.contains { $0.kind == .promptMissing("nosuch") })
        #expect(result.arguments.last == "FAILED")
    }

    @Test func playbackSuccess() {
        let result = runCall("[default]\nexten => s,1,Playback(a&b)\n same => n,NoOp(${PLAYBACKSTATUS})")
        #expect(result.arguments.last == "SUCCESS")
        #expect(result.record.answer == testStart)
    }

    @Test func playbackSkipWhenNotAnswered() {
        let result = runCall("[default]\nexten => s,1,Playback(a,skip)\n same => n,NoOp(${PLAYBACKSTATUS})")
        #expect(result.prompts.isEmpty)
        #expect(result.arguments.last == "SUCCESS")
    }

    @Test func backgroundStopsAtAMissingFileAndGoesOn() {
        let result = runCall("""
        [default]
        exten => s,1,BackGround(first&nosuch&last)
         same => n,NoOp(${BACKGROUNDSTATUS})
        """, prompts: Self.missing)
        #expect(result.prompts == ["first", "nosuch"])
        #expect(result.arguments.last == "FAILED")
    }

    static let menu = """
    [default]
    exten => s,1,Answer()
     same => n,BackGround(menu,OPTIONS)
     same => n,WaitExten(2)
    exten => 1,1,Playback(one)
    exten => 55,1,Playback(fifty-five)
    exten => t,1,Playback(timeout)
    """

    @Test func optionMOnlyLetsOneDigitExtensionsInterrupt() {
        let five = runCall(Self.menu.replacingOccurrences(of: "OPTIONS", with: "m"), digits: "5@0.5s")
        #expect(five.prompts == ["menu", "timeout"])
        let one = runCall(Self.menu.replacingOccurrences(of: "OPTIONS", with: "m"), digits: "1@0.5s")
        #expect(one.prompts == ["menu", "one"])
        // Without m, 5 interrupts and starts 55.
        let plain = runCall(Self.menu.replacingOccurrences(of: ",OPTIONS", with: ""), digits: "5@0.5s 5@1s")
        #expect(plain.prompts == ["menu", "fifty-five"])
    }

    @Test func optionPIsNotInterruptible() {
        let result = runCall(Self.menu.replacingOccurrences(of: "OPTIONS", with: "p"), digits: "1@0.5s")
        #expect(result.prompts == ["menu", "timeout"])
        #expect(!result.events.contains { $0.kind == .promptInterrupted("menu", digit: "1") })
    }

    @Test func backgroundNoAnswerOption() {
        let result = runCall("[default]\nexten => s,1,BackGround(menu,n)\n same => n,NoOp()")
        #expect(result.prompts == ["menu"])
        #expect(result.record.answer == nil)
    }
}
