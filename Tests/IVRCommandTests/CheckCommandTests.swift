import Testing
@testable import IVRCommand

@Suite struct CheckCommandTests {
    @Test func exampleDialplansAreClean() {
        let run = ivr("check", repositoryRoot + "/Dialplans")
        #expect(run.status == 0)
        #expect(run.out.hasSuffix("0 errors, 0 warnings\n") || run.out.contains("0 errors, 0 warnings in"))
    }

    @Test func errorsPrintWithExcerptAndExitOne() {
        let path = temporaryFile("[a]\nexten => s,1,Goto(nowhere,s,1)\n")
        let run = ivr("check", path)
        #expect(run.status == 1)
        #expect(run.out == """
        \(path):2:19: error: Goto target context 'nowhere' does not exist [goto-unknown-context]
        exten => s,1,Goto(nowhere,s,1)
                          ^
        1 error, 0 warnings

        """)
    }

    @Test func warningsKeepExitZeroUnlessWerror() {
        let path = temporaryFile("[a]\nexten => s,1,MixMonitor(x)\n")
        #expect(ivr("check", path).status == 0)
        #expect(ivr("check", "--werror", path).status == 1)
        let quiet = ivr("check", "--quiet", path)
        #expect(quiet.out == "0 errors, 1 warning\n")
    }

    @Test func summaryAndUsage() {
        let path = temporaryFile("[a]\nexten => s,1,NoOp()\n")
        #expect(ivr("check", "--summary", path).out == "\(path): 0 errors, 0 warnings\n")
        let usage = ivr("check")
        #expect(usage.status == 2)
        #expect(usage.err.contains("usage: ivr check"))
        #expect(ivr("check", "--bogus", path).status == 2)
        #expect(ivr("check", "--help").out.hasPrefix("usage: ivr check"))
    }

    @Test func missingFileIsAnErrorNotACrash() {
        let run = ivr("check", "/nonexistent/x.conf")
        #expect(run.status == 1)
        #expect(run.out.hasPrefix("/nonexistent/x.conf: error: cannot read file"))
    }
}
