import Foundation
import Testing
@testable import Engine

/// A PIN read as secret must appear in no output: trace, transcript, verbose/log, CDR, warnings, variables.
@Suite struct SecretsTests {
    static let plan = """
    [default]
    exten => s,1,Answer()
     same => n,Set(SECRET(PIN)=1)
     same => n,Read(PIN,enter-pin,4)
     same => n,Verbose(1,checking ${PIN} for ${CALLERID(num)})
     same => n,Log(NOTICE,pin=${PIN})
     same => n,Set(HASHED=${SHA1(${PIN})})
     same => n,GotoIf($["${PIN}" = "4711"]?ok)
     same => n,Hangup()
     same => n(ok),Playback(${PIN})
     same => n,Read(CARD,enter-card,16,S)
     same => n,NoOp(card ${CARD} pin ${PIN})
     same => n,Set(CDR_USERFIELD=${CARD})
    """

    @Test func noSecretReachesAnyOutput() throws {
        let result = runCall(Self.plan, digits: "4711@1.5s 4242424242424242@4s", prompts: UniformPrompts(missing: ["4711"]))
        // The call took the right path, so the PIN and card were really read.
        #expect(result.path.contains("s,9:Playback"))
        #expect(result.path.contains("s,11:NoOp"))
        let outputs = [
            result.events.map(TraceJSON.line).joined(separator: "\n"),
            CallTranscript.render(result.events),
            result.record.csvLine(timeZone: TimeZone(identifier: "UTC")!),
            result.variables.map { "\($0.key)=\($0.value)" }.joined(separator: "\n"),
        ]
        for output in outputs {
            #expect(!output.contains("4711"), "PIN leaked: \(output)")
            #expect(!output.contains("4242424242424242"), "card leaked: \(output)")
        }
        #expect(result.verbose == ["checking **** for 5551234"])
        #expect(result.variables["PIN"] == SecretMasker.mask)
        // Digits typed into a secret are traced as '*'.
        let typed = result.events.compactMap { if case .digit(let d) = $0.kind { return d } else { return nil } }
        #expect(typed.allSatisfy { $0 == "*" })
    }
}

@Suite struct SecretScopeTests {
    @Test func secrecyCanEndWhileHiddenValuesStayHidden() {
        let result = runCall("""
        [default]
        exten => s,1,Set(SECRET(CODE)=1)
         same => n,Set(CODE=98765)
         same => n,Set(SECRET(CODE)=0)
         same => n,Set(CODE=11111)
         same => n,Verbose(1,now ${CODE}, before 98765)
        """)
        #expect(result.verbose == ["now 11111, before ****"])
    }
}
