import Dialplan
import Foundation
import Testing
@testable import Engine

/// Dial, Transfer and Queue (reference §7.4): statuses, return values and trace events.
@Suite struct DeliveryApplicationsTests {
    static let dialplan = """
    [default]
    exten => s,1,Answer()
     same => n,Dial(PJSIP/100,20)
     same => n,NoOp(after ${DIALSTATUS})
    exten => h,1,NoOp(h ${DIALSTATUS})
    """

    func deliveries(_ result: CallResult) -> [(String, String, String)] {
        result.events.compactMap {
            if case .delivery(let kind, let destination, let status) = $0.kind { return (kind, destination, status) }
            return nil
        }
    }

    @Test func answeredDialEndsTheCallAndSetsTheVariables() {
        let result = runCall(Self.dialplan)
        #expect(result.variables["DIALSTATUS"] == "ANSWER")
        #expect(result.variables["ANSWEREDTIME"] == "30")
        #expect(result.variables["DIALEDTIME"] == "35")
        #expect(result.variables["DIALEDPEERNUMBER"] == "100")
        #expect(result.variables["DIALEDPEERNAME"]?.hasPrefix("PJSIP/100-") == true)
        #expect(result.path == ["s,1:Answer", "s,2:Dial", "h,1:NoOp"])
        #expect(result.arguments.last == "h ANSWER")
        #expect(deliveries(result).map(\.2) == ["ANSWER"])
        #expect(deliveries(result).first?.0 == "dial")
        #expect(result.duration >= 35)
    }

    @Test func unansweredDialGoesOn() {
        let result = runCall(Self.dialplan, outcomes: ["PJSIP/100": DeliveryOutcome(status: "BUSY", waitedSeconds: 2)])
        #expect(result.variables["DIALSTATUS"] == "BUSY")
        #expect(result.variables["DIALEDTIME"] == "2")
        #expect(result.variables["ANSWEREDTIME"] == "")
        #expect(result.path.contains("s,3:NoOp"))
        #expect(result.arguments.contains("after BUSY"))
    }

    @Test func busyThenFallingOffTheEndSignalsBusy() {
        let result = runCall(Self.dialplan, outcomes: ["PJSIP/100": DeliveryOutcome(status: "BUSY", waitedSeconds: 2)])
        #expect(result.events.contains { $0.kind == .hangup(cause: 17, byCaller: false) })
    }

    @Test func optionGContinuesAfterAnAnsweredCall() {
        let result = runCall("""
        [default]
        exten => s,1,Dial(PJSIP/100&SIP/200,,g)
         same => n,Playback(after-call)
        """)
        #expect(result.prompts == ["after-call"])
        #expect(deliveries(result).first?.1 == "PJSIP/100&SIP/200")
    }

    @Test func optionBigGJumpsOnAnswer() {
        let result = runCall("""
        [default]
        exten => s,1,Dial(PJSIP/100,,G(other^5^1))
        [other]
        exten => 5,1,Playback(went-on)
        """)
        #expect(result.prompts == ["went-on"])
    }

    @Test func invalidTargetsEndTheCall() {
        for line in ["Dial()", "Dial(,20)", "Dial(justtext)", "Dial(PJSIP/)"] {
            let result = runCall("""
            [default]
            exten => s,1,\(line)
             same => n,NoOp(not reached)
            """)
            #expect(result.variables["DIALSTATUS"] == "INVALIDARGS", "\(line)")
            #expect(result.path.count == 1, "\(line)")
        }
    }

    @Test func callerHangingUpWhileRingingIsCancel() {
        let result = runCall(Self.dialplan, hangupAt: 3,
                             outcomes: ["PJSIP/100": DeliveryOutcome(status: "NOANSWER", waitedSeconds: 20)])
        #expect(result.variables["DIALSTATUS"] == "CANCEL")
        #expect(!result.path.contains("s,3:NoOp"))
        #expect(result.path.last == "h,1:NoOp")
    }

    @Test func dialPassesTimeoutAndOptionsToTheChannel() {
        let loaded = DialplanLoader(linter: nil).load(text: """
        [default]
        exten => s,1,Dial(PJSIP/100&PJSIP/101,12.5^3,tTr)
        exten => s,2,Queue(support,c,,,45)
        exten => s,3,Transfer(PJSIP/300)
        """, path: "t.conf")
        let channel = ScriptedChannel(script: CallerScript(outcomes: ["PJSIP/100&PJSIP/101": DeliveryOutcome(status: "NOANSWER")]),
                                      start: testStart)
        var configuration = EngineConfiguration(timeZone: TimeZone(identifier: "UTC")!)
        configuration.stepLimit = 100
        _ = Engine(dialplan: loaded.dialplan, configuration: configuration)
            .run(CallRequest(startTime: testStart), on: channel)
        #expect(channel.deliveries == [
            .dial(targets: ["PJSIP/100", "PJSIP/101"], timeout: 12.5, options: "tTr"),
            .queue(name: "support", timeout: 45, options: "c"),
            .transfer(destination: "PJSIP/300"),
        ])
    }

    @Test func transferStatuses() {
        let text = """
        [default]
        exten => s,1,Transfer(${TARGET})
         same => n,NoOp(${TRANSFERSTATUS})
        """
        let ok = runCall("[globals]\nTARGET=PJSIP/200\n" + text)
        #expect(ok.variables["TRANSFERSTATUS"] == "SUCCESS")
        #expect(ok.variables["TRANSFERSTATUSPROTOCOL"] == "0")
        #expect(ok.path.contains("s,2:NoOp"))
        #expect(deliveries(ok).map(\.0) == ["transfer"])

        let unsupported = runCall("[globals]\nTARGET=PJSIP/200\n" + text,
                                  outcomes: ["PJSIP/200": DeliveryOutcome(status: "UNSUPPORTED")])
        #expect(unsupported.variables["TRANSFERSTATUS"] == "UNSUPPORTED")

        let failed = runCall("[globals]\nTARGET=PJSIP/200\n" + text, outcomes: ["PJSIP/200": DeliveryOutcome(status: "FAILURE")])
        #expect(failed.variables["TRANSFERSTATUS"] == "FAILURE")
        #expect(failed.path.contains("s,2:NoOp"))

        let empty = runCall(text)
        #expect(empty.variables["TRANSFERSTATUS"] == "FAILURE")
        #expect(deliveries(empty).isEmpty)
    }

    @Test func queueAnsweredEndsTheCallUnlessC() {
        let plain = runCall("""
        [default]
        exten => s,1,Queue(support)
         same => n,Playback(after)
        """)
        #expect(plain.prompts.isEmpty)
        #expect(plain.variables["QUEUESTATUS"] == nil)
        #expect(deliveries(plain).map(\.2) == ["ANSWER"])

        let goOn = runCall("""
        [default]
        exten => s,1,Queue(support,c)
         same => n,Playback(after)
        """)
        #expect(goOn.prompts == ["after"])
    }

    @Test func queueNotAnsweredSetsQueueStatus() {
        let result = runCall("""
        [default]
        exten => s,1,Queue(support,,,,30)
         same => n,Playback(sorry-${QUEUESTATUS})
        """, outcomes: ["support": DeliveryOutcome(status: "TIMEOUT", waitedSeconds: 30)])
        #expect(result.variables["QUEUESTATUS"] == "TIMEOUT")
        #expect(result.prompts == ["sorry-TIMEOUT"])
        #expect(result.events.first { $0.kind == .promptStart("sorry-TIMEOUT") }?.time == 30)
    }

    @Test func queueWithoutANameEndsTheCall() {
        let result = runCall("""
        [default]
        exten => s,1,Queue()
         same => n,Playback(after)
        """)
        #expect(result.prompts.isEmpty)
        #expect(result.warnings.contains { $0.contains("Queue requires an argument") })
    }
}
