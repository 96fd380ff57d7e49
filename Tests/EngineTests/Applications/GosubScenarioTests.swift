import Dialplan
import Testing
@testable import Engine

/// Gosub, GosubIf, Return, LOCAL (`apps/app_stack.c`, testsuite `tests/apps/stack` style).
@Suite struct GosubScenarioTests {
    @Test func argumentsAndArgc() {
        let result = runCall("""
        [default]
        exten => s,1,Gosub(sub,s,1(alpha,"quoted, kept",))
         same => n,NoOp(back ${ARGC}|${ARG1})
        [sub]
        exten => s,1,NoOp(${ARGC}|${ARG1}|${ARG2}|${ARG3})
         same => n,Return()
        """)
        #expect(result.arguments.contains("3|alpha|\"quoted, kept\"|"))
        #expect(result.arguments.last == "back |")
    }

    @Test func localIsRestoredOnReturn() {
        let result = runCall("""
        [default]
        exten => s,1,Set(x=outer)
         same => n,Gosub(sub,s,1)
         same => n,NoOp(after ${x}|${y})
        [sub]
        exten => s,1,Set(LOCAL(x)=inner)
         same => n,Set(LOCAL(y)=new)
         same => n,NoOp(inside ${x}|${y})
         same => n,Return()
        """)
        #expect(result.arguments.contains("inside inner|new"))
        #expect(result.arguments.last == "after outer|")
    }

    @Test func returnValue() {
        let result = runCall("""
        [default]
        exten => s,1,Gosub(sub,s,1(20,22))
         same => n,NoOp(${GOSUB_RETVAL})
        [sub]
        exten => s,1,Return($[${ARG1} + ${ARG2}])
        """)
        #expect(result.arguments.last == "42")
    }

    @Test func returnWithoutGosubEndsTheCall() {
        let result = runCall("""
        [default]
        exten => s,1,Return()
         same => n,NoOp(not reached)
        exten => h,1,NoOp(hangup)
        """)
        #expect(result.path == ["s,1:Return", "h,1:NoOp"])
        #expect(result.warnings.contains { $0.contains("Return without Gosub") })
    }

    @Test func hundredDeepRecursion() {
        let result = runCall("""
        [default]
        exten => s,1,Gosub(recurse,s,1(100))
         same => n,NoOp(result ${GOSUB_RETVAL} arg ${ARG1})
        [recurse]
        exten => s,1,GotoIf($[${ARG1} = 0]?bottom)
         same => n,Gosub(recurse,s,1($[${ARG1} - 1]))
         same => n,Return($[${GOSUB_RETVAL} + 1])
         same => n(bottom),Return(0)
        """)
        #expect(result.arguments.last == "result 100 arg ")
        #expect(result.path.filter { $0 == "s,3:Return" }.count == 100)
    }

    @Test func innerFrameMasksOuterArguments() {
        let result = runCall("""
        [default]
        exten => s,1,Gosub(a,s,1(1,2,3))
        [a]
        exten => s,1,Gosub(b,s,1(x))
         same => n,NoOp(a ${ARGC}|${ARG1}|${ARG2}|${ARG3})
         same => n,Return()
        [b]
        exten => s,1,NoOp(b ${ARGC}|${ARG1}|${ARG2}|${ARG3})
         same => n,Return()
        """)
        #expect(result.arguments.contains("b 1|x||"))
        #expect(result.arguments.contains("a 3|1|2|3"))
    }

    @Test func gosubToAMissingPlaceEndsTheCall() {
        let result = runCall("""
        [default]
        exten => s,1,Gosub(nowhere,s,1)
         same => n,NoOp(not reached)
        """)
        #expect(result.path == ["s,1:Gosub"])
    }

    @Test func gosubIfAndLabels() {
        let result = runCall("""
        [default]
        exten => s,1,GosubIf($[1 = 2]?yes(a):no(b))
         same => n,NoOp(${GOSUB_RETVAL})
        exten => s,10(yes),Return(yes ${ARG1})
        exten => s,20(no),Return(no ${ARG1})
        """)
        #expect(result.arguments.last == "no b")
    }
}
