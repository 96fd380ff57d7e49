import Dialplan
import Testing
@testable import Engine

/// ExecIf, Exec, TryExec (`apps/app_exec.c`, testsuite `tests/pbx/dialplan` style).
@Suite struct ExecScenarioTests {
    @Test func execIfBranches() {
        let text = """
        [default]
        exten => s,1,ExecIf($[${X} = 1]?Set(a=yes):Set(a=no))
         same => n,ExecIf($[${X} = 1]?Set(b=only-true))
         same => n,NoOp(${a}|${b})
        """
        #expect(runCall("[globals]\nX=1\n" + text).arguments.last == "yes|only-true")
        #expect(runCall("[globals]\nX=0\n" + text).arguments.last == "no|")
    }

    @Test func execIfArgumentsKeepCommasAndColonsInParentheses() {
        let result = runCall("""
        [default]
        exten => s,1,ExecIf(1?Verbose(1,a:b, c))
        """)
        #expect(result.verbose == ["a:b, c"])
    }

    @Test func execSubstitutesAgainExecIfDoesNot() {
        let result = runCall("""
        [default]
        exten => s,1,Set(x=hello)
         same => n,Set(d=$)
         same => n,Set(z=${d}{x})
         same => n,Exec(Verbose(${z}))
         same => n,ExecIf(1?Verbose(${z}))
        """)
        #expect(result.verbose == ["hello", "${x}"])
    }

    @Test func tryExecStatuses() {
        let result = runCall("""
        [default]
        exten => s,1,TryExec(NoOp(fine))
         same => n,Set(A=${TRYSTATUS})
         same => n,TryExec(Goto(nosuchlabel))
         same => n,Set(B=${TRYSTATUS})
         same => n,TryExec(NoSuchApplication(x))
         same => n,NoOp(${A}|${B}|${TRYSTATUS})
        """)
        #expect(result.arguments.last == "SUCCESS|FAILED|NOAPP")
    }

    @Test func unknownApplicationInExecIfEndsTheCall() {
        let result = runCall("""
        [default]
        exten => s,1,ExecIf(1?NoSuchApplication(x))
         same => n,NoOp(not reached)
        exten => h,1,NoOp(h)
        """)
        #expect(result.path == ["s,1:ExecIf", "h,1:NoOp"])
    }

    @Test func unknownApplicationInExecEndsTheCall() {
        let result = runCall("""
        [default]
        exten => s,1,Exec(NoSuchApplication(x))
         same => n,NoOp(not reached)
        """)
        #expect(result.path == ["s,1:Exec"])
    }

    @Test func execPassesTheApplicationsResultThrough() {
        let result = runCall("""
        [default]
        exten => s,1,Exec(Goto(other,1))
         same => n,NoOp(not reached)
        exten => other,1,NoOp(went)
        """)
        #expect(result.path == ["s,1:Exec", "other,1:NoOp"])
    }
}
