import Dialplan
import Testing
@testable import Engine

/// The PBX loop (reference §3): menus, digit collection, special extensions, failures.
@Suite struct PBXLoopTests {
    static let menu = """
    [default]
    exten => s,1,Answer()
     same => n(menu),Background(main-menu)
     same => n,WaitExten(5)
    exten => 1,1,Playback(sales)
     same => n,Hangup()
    exten => 2,1,Playback(support)
     same => n,Hangup()
    exten => i,1,Playback(invalid)
     same => n,Goto(s,menu)
    exten => t,1,Playback(goodbye)
     same => n,Hangup()
    exten => h,1,NoOp(bye ${EXTEN})
    """

    @Test func validChoiceDuringThePromptJumpsAtOnce() {
        let result = runCall(Self.menu, digits: "1@0.5s")
        #expect(result.prompts == ["main-menu", "sales"])
        #expect(result.path == ["s,1:Answer", "s,2:Background", "1,1:Playback", "1,2:Hangup", "h,1:NoOp"])
        #expect(result.arguments.last == "bye h")
    }

    @Test func choiceDuringWaitExten() {
        let result = runCall(Self.menu, digits: "2@3s")
        #expect(result.prompts == ["main-menu", "support"])
        #expect(result.path.contains("s,3:WaitExten"))
    }

    @Test func invalidChoiceGoesToIAndSetsInvalidExten() {
        let result = runCall(Self.menu, digits: "9@3s 1@5s")
        #expect(result.prompts == ["main-menu", "invalid", "main-menu", "sales"])
        #expect(result.variables["INVALID_EXTEN"] == "9")
    }

    @Test func noInputGoesToTAfterTheWait() {
        let result = runCall(Self.menu)
        #expect(result.prompts == ["main-menu", "goodbye"])
        // 1 s prompt + 5 s WaitExten + 1 s goodbye.
        let goodbye = result.events.first { $0.kind == .promptStart("goodbye") }
        #expect(goodbye?.time == 6)
    }

    @Test func digitsDuringPlaybackAreLost() {
        let result = runCall("""
        [default]
        exten => s,1,Playback(long)
         same => n,WaitExten(2)
        exten => 1,1,Playback(one)
        exten => t,1,Playback(nothing)
        """, digits: "1@0.5s")
        #expect(result.prompts == ["long", "nothing"])
    }

    @Test func aLongerExtensionMakesTheCollectorWaitForTheDigitTimeout() {
        let text = """
        [default]
        exten => s,1,Set(TIMEOUT(digit)=3)
         same => n,Background(menu)
         same => n,WaitExten(10)
        exten => 1,1,Playback(one)
        exten => 12,1,Playback(twelve)
        """
        let one = runCall(text, digits: "1@2s")
        #expect(one.prompts == ["menu", "one"])
        // Pressed at 2 s, then the 3 s digit timeout: extension 1 starts at 5 s.
        #expect(one.events.first { $0.kind == .promptStart("one") }?.time == 5)
        let twelve = runCall(text, digits: "1@2s 2@3s")
        #expect(twelve.prompts == ["menu", "twelve"])
    }

    @Test func patternsAndLiteralsAsAsterisk() {
        let result = runCall("""
        [default]
        exten => s,1,WaitExten(5)
        exten => _1X.,1,Playback(long-number)
        exten => _1XX,1,Playback(three-digits)
        exten => 123,1,Playback(literal)
        """, digits: "123@1s")
        // `_1X.` can match more, so after 123 the collector waits; 123 exists as a literal and wins.
        #expect(result.prompts == ["literal"])
    }

    @Test func runningOffTheEndHangsUpWithAutofallthrough() {
        let result = runCall("[default]\nexten => s,1,NoOp()\nexten => h,1,NoOp(h ran)\n")
        #expect(result.path == ["s,1:NoOp", "h,1:NoOp"])
    }

    @Test func gotoFailures() {
        // Bad label: the call ends (no 'i').
        let badLabel = runCall("[default]\nexten => s,1,Goto(s,nolabel)\n same => n,Playback(never)\nexten => i,1,Playback(i)\n")
        #expect(badLabel.prompts == [])
        #expect(badLabel.warnings.contains { $0.contains("nolabel") })
        // Bad extension: 'i'.
        let badExten = runCall("[default]\nexten => s,1,Goto(nosuch,1)\nexten => i,1,Playback(invalid)\n")
        #expect(badExten.prompts == ["invalid"])
        #expect(badExten.variables["INVALID_EXTEN"] == "nosuch")
        // Bad priority of an existing extension: autofallthrough hangup, not 'i'.
        let badPriority = runCall("[default]\nexten => s,1,Goto(s,9)\nexten => i,1,Playback(invalid)\n")
        #expect(badPriority.prompts == [])
    }

    @Test func exceptionExtension() {
        let result = runCall("""
        [default]
        exten => s,1,RaiseException(BADTHING)
        exten => e,1,Verbose(1,${EXCEPTION(reason)} at ${EXCEPTION(exten)}/${EXCEPTION(priority)})
        """)
        #expect(result.verbose == ["BADTHING at s/1"])
    }

    @Test func timeoutWithoutTGoesToEWithResponseTimeout() {
        let result = runCall("""
        [default]
        exten => s,1,WaitExten(1)
        exten => e,1,Verbose(${EXCEPTION(reason)})
        """)
        #expect(result.verbose == ["RESPONSETIMEOUT"])
    }

    @Test func absoluteTimeoutGoesToT() {
        let result = runCall("""
        [default]
        exten => s,1,Set(TIMEOUT(absolute)=3)
         same => n(loop),Playback(beep)
         same => n,Goto(loop)
        exten => T,1,Playback(time-up)
        """)
        #expect(result.prompts.last == "time-up")
        #expect(result.prompts.filter { $0 == "beep" }.count == 3)
    }

    @Test func unknownApplicationEndsTheCallWithAnErrorAndARecord() {
        let result = runCall("[default]\nexten => s,1,Answer()\n same => n,MixMonitor(x)\n same => n,Playback(never)\n")
        #expect(result.failure?.contains("no application 'MixMonitor'") == true)
        #expect(result.prompts == [])
        #expect(result.record.lastApplication == "MixMonitor")
        #expect(result.record.disposition == "ANSWERED")
    }

    @Test func runawayLoopsStopAtTheStepLimit() {
        var config = EngineConfiguration()
        config.stepLimit = 500
        let result = runCall("[default]\nexten => s,1,Goto(1)\n", configuration: config)
        #expect(result.failure?.contains("runaway") == true)
        #expect(result.path.count == 500)
    }

    @Test func callerHangupRunsH() {
        let result = runCall(Self.menu, hangupAt: 0.5)
        #expect(result.path.last == "h,1:NoOp")
        #expect(result.events.contains { $0.kind == .hangup(cause: 16, byCaller: true) })
    }

    @Test func includesAreSearchedAndContextStaysOuter() {
        let result = runCall("""
        [default]
        include => shared
        exten => s,1,WaitExten(3)
        [shared]
        exten => 0,1,Verbose(operator in ${CONTEXT})
        """, digits: "0@1s")
        #expect(result.verbose == ["operator in default"])
    }
}
