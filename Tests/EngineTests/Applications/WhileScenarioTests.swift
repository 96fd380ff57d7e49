import Dialplan
import Testing
@testable import Engine

/// While, EndWhile, ExitWhile, ContinueWhile (`apps/app_while.c`, testsuite While tests).
@Suite struct WhileScenarioTests {
    func noOps(_ result: CallResult) -> [String] {
        zip(result.path, result.arguments).filter { $0.0.hasSuffix(":NoOp") }.map(\.1)
    }

    @Test func countsToThree() {
        let result = runCall("""
        [default]
        exten => s,1,Set(i=0)
         same => n,While($[${i} < 3])
         same => n,Set(i=$[${i} + 1])
         same => n,NoOp(loop ${i})
         same => n,EndWhile()
         same => n,NoOp(done ${i})
        """)
        #expect(noOps(result) == ["loop 1", "loop 2", "loop 3", "done 3"])
    }

    @Test func nestedLoops() {
        let result = runCall("""
        [default]
        exten => s,1,Set(i=0)
         same => n,While($[${i} < 2])
         same => n,Set(j=0)
         same => n,While($[${j} < 2])
         same => n,NoOp(${i}${j})
         same => n,Set(j=$[${j} + 1])
         same => n,EndWhile()
         same => n,Set(i=$[${i} + 1])
         same => n,EndWhile()
         same => n,NoOp(end)
        """)
        #expect(noOps(result) == ["00", "01", "10", "11", "end"])
    }

    @Test func exitWhileLeavesTheLoop() {
        let result = runCall("""
        [default]
        exten => s,1,Set(i=0)
         same => n,While(1)
         same => n,Set(i=$[${i} + 1])
         same => n,ExecIf($[${i} = 3]?ExitWhile())
         same => n,NoOp(loop ${i})
         same => n,EndWhile()
         same => n,NoOp(out ${i})
        """)
        #expect(noOps(result) == ["loop 1", "loop 2", "out 3"])
    }

    @Test func continueWhileSkipsTheRest() {
        let result = runCall("""
        [default]
        exten => s,1,Set(i=0)
         same => n,While($[${i} < 4])
         same => n,Set(i=$[${i} + 1])
         same => n,GotoIf($[${i} = 2]?skip)
         same => n,NoOp(loop ${i})
         same => n,EndWhile()
         same => n,NoOp(out)
         same => n(skip),ContinueWhile()
        """)
        #expect(noOps(result) == ["loop 1", "loop 3", "loop 4", "out"])
    }

    @Test func falseOnEntrySkipsPastEndWhile() {
        let result = runCall("""
        [default]
        exten => s,1,While(0)
         same => n,NoOp(body)
         same => n,While(1)
         same => n,NoOp(inner)
         same => n,EndWhile()
         same => n,EndWhile()
         same => n,NoOp(after)
        """)
        #expect(noOps(result) == ["after"])
        #expect(result.path.first == "s,1:While")
    }

    @Test func loopStateLivesInChannelVariables() {
        let result = runCall("""
        [default]
        exten => s,1,While(${DONE})
         same => n,EndWhile()
         same => n,Set(i=0)
         same => n,While($[${i} < 1])
         same => n,NoOp(${WHILE_0})
         same => n,Set(i=1)
         same => n,EndWhile()
        """)
        #expect(noOps(result) == ["default,s,4"])
        #expect(result.variables["WHILE_0"] == nil)
    }
}
