import Testing
@testable import IVRCommand

@Suite struct EvalCommandTests {
    @Test func expressionsAndVariables() {
        #expect(ivr("eval", "--set", "A=4", "$[${A} + 1 > 5]").out == "0\n")
        #expect(ivr("eval", "--set", "A=5", "$[${A} + 1 > 5]").out == "1\n")
        #expect(ivr("eval", "$[1 + 2 * 3]").out == "7\n")
        #expect(ivr("eval", "--global", "G=x", "--set", "V=y", "${G}${V}").out == "xy\n")
    }

    @Test func functionWritesThroughSet() {
        #expect(ivr("eval", "--set", "CALLERID(num)=5551234", "${CALLERID(num):0:3}").out == "555\n")
    }

    @Test func locationBuiltins() {
        #expect(ivr("eval", "--context", "menu", "--exten", "42", "--priority", "3", "${CONTEXT}/${EXTEN}/${PRIORITY}").out
                == "menu/42/3\n")
    }

    @Test func pinnedClockAndZone() {
        let open = ivr("eval", "--now", "2026-11-23T10:00:00", "--tz", "Europe/Berlin",
                       "${IFTIME(09:00-17:00,mon-fri,*,*?open:closed)}")
        #expect(open.out == "open\n")
        #expect(ivr("eval", "--now", "2026-11-23T10:00:00Z", "${EPOCH}").out == "1795428000\n")
    }

    @Test func syntaxErrorsWarnButStillPrint() {
        let run = ivr("eval", "$[1 +]")
        #expect(run.status == 0)
        #expect(run.out == "0\n")
        #expect(run.err.hasPrefix("warning:"))
    }

    @Test func usageErrors() {
        #expect(ivr("eval").status == 2)
        #expect(ivr("eval", "--set", "novalue", "x").status == 2)
        #expect(ivr("eval", "--tz", "Nowhere/City", "x").status == 2)
        #expect(ivr("eval", "--priority", "0", "x").status == 2)
    }
}
