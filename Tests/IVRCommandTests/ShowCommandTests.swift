import Testing
@testable import IVRCommand

@Suite struct ShowCommandTests {
    let plan = temporaryFile("""
    [local]
    include => extra
    include => daytime,09:00-17:00,mon-fri,*,*
    exten => _NXXXXXX,1,Dial(PJSIP/trunk/${EXTEN})
     same => n(fail),Playback(cannot-complete)
    exten => 5551234,1,NoOp(literal)
    exten => 100/555,1,NoOp(vip)
    exten => 100,1,NoOp(anyone)
    [extra]
    exten => _9.,1,NoOp(outside)
    [daytime]
    exten => 42,1,NoOp(open)
    """)

    @Test func patternMatchPrintsNameContextAndPriorities() {
        let run = ivr("show", plan, "5550000@local")
        #expect(run.status == 0)
        #expect(run.out == """
        _NXXXXXX\tlocal
          1. Dial(PJSIP/trunk/${EXTEN})  [extensions.conf:4]
          2. [fail] Playback(cannot-complete)  [extensions.conf:5]

        """)
    }

    @Test func literalBeatsPatternAndIncludesAreSearched() {
        #expect(ivr("show", plan, "5551234@local").out.hasPrefix("5551234\tlocal\n"))
        #expect(ivr("show", plan, "9123@local").out.hasPrefix("_9.\textra\n"))
    }

    @Test func callerIDAndTimedIncludes() {
        #expect(ivr("show", "--callerid", "555", plan, "100@local").out.hasPrefix("100/555\tlocal\n"))
        #expect(ivr("show", plan, "100@local").out.hasPrefix("100\tlocal\n"))
        #expect(ivr("show", "--at", "2026-11-23T10:00:00Z", "--tz", "UTC", plan, "42@local").out.hasPrefix("42\tdaytime\n"))
        #expect(ivr("show", "--at", "2026-11-22T10:00:00Z", "--tz", "UTC", plan, "42@local").status == 1)
    }

    @Test func noMatchAndBadArguments() {
        let none = ivr("show", plan, "1@local")
        #expect(none.status == 1)
        #expect(none.err == "ivr show: no extension matches '1' in context 'local'\n")
        #expect(ivr("show", plan, "1@nosuch").status == 1)
        #expect(ivr("show", plan, "local").status == 2)
        #expect(ivr("show", "--at", "yesterday", plan, "1@local").status == 2)
    }
}
