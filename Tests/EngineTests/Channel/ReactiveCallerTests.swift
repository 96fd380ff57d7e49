import Dialplan
import Foundation
import Testing
@testable import Engine

/// A caller who presses 2 half a second after the menu prompt starts, and hangs up after hearing `thanks`.
private final class MenuCaller: ReactiveCaller {
    var presses: [CallerScript.Press] = []
    var hangupAt: Double?
    var questions = 0
    var sawPlaying: [String] = []

    func react(events: [CallEvent], now: Double, playing: (name: String, length: Double)?)
        -> (presses: [CallerScript.Press], hangupAt: Double?) {
        questions += 1
        if let playing { sawPlaying.append(playing.name) }
        for event in events {
            if case .promptStart("menu") = event.kind, presses.isEmpty {
                presses.append(CallerScript.Press(digit: "2", time: event.time + 0.5))
            }
            if case .promptEnd("thanks") = event.kind, hangupAt == nil { hangupAt = event.time + 0.25 }
        }
        return (presses, hangupAt)
    }
}

@Suite struct ReactiveCallerTests {
    static let plan = """
    [default]
    exten => s,1,Answer()
     same => n,Background(menu)
     same => n,WaitExten(5)
    exten => 2,1,Playback(thanks)
     same => n,Wait(10)
     same => n,Playback(never-heard)
    """

    @Test func pressesAndHangupDecidedDuringTheCall() throws {
        let loaded = DialplanLoader(linter: nil).load(text: Self.plan, path: "test.conf")
        let caller = MenuCaller()
        let channel = ScriptedChannel(script: CallerScript(), prompts: UniformPrompts(seconds: 2), start: testStart,
                                      caller: caller)
        let engine = Engine(dialplan: loaded.dialplan, configuration: EngineConfiguration(timeZone: try #require(TimeZone(identifier: "UTC"))))
        let result = engine.run(CallRequest(context: "default", exten: "s", callerNumber: "100", startTime: testStart),
                                on: channel)
        // The menu prompt is cut by the 2 pressed 0.5 s into it; thanks plays in full; the caller leaves in the Wait.
        #expect(result.events.contains(CallEvent(time: 0.5, kind: .promptInterrupted("menu", digit: "2"))))
        #expect(result.events.contains(CallEvent(time: 2.5, kind: .promptEnd("thanks"))))
        #expect(!result.events.contains { if case .promptStart("never-heard") = $0.kind { true } else { false } })
        #expect(result.events.contains { if case .hangup(_, true) = $0.kind { $0.time == 2.75 } else { false } })
        #expect(caller.sawPlaying == ["menu", "thanks"])
        #expect(caller.questions >= 3)
    }

    @Test func aFixedScriptNeedsNoCaller() {
        let result = runCall(Self.plan, digits: "2@0.5s", hangupAt: 2.75, prompts: UniformPrompts(seconds: 2))
        #expect(result.events.contains(CallEvent(time: 0.5, kind: .promptInterrupted("menu", digit: "2"))))
        #expect(result.events.contains { if case .hangup(_, true) = $0.kind { $0.time == 2.75 } else { false } })
    }
}
