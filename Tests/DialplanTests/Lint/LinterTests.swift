import Testing
@testable import Dialplan

@Suite struct LinterTests {
    @Test func cleanMenuHasNoFindings() {
        #expect(findings("""
        [globals]
        SALES=sales
        [main-menu]
        exten => s,1,Answer()
         same => n(menu),Background(main-menu)
         same => n,WaitExten(5)
        exten => 1,1,Goto(${SALES},s,1)
        exten => 2,1,Gosub(sub-hours,s,1(weekday))
         same => n,Goto(s,menu)
        exten => i,1,Playback(invalid)
         same => n,Goto(s,menu)
        exten => t,1,Goto(s,menu)
        [sales]
        exten => s,1,Dial(PJSIP/sales,30)
        [sub-hours]
        exten => s,1,GotoIfTime(09:00-17:00,mon-fri,*,*?open)
         same => n,Return(closed)
         same => n(open),Return(open)
        """, lint: true) == [])
    }

    @Test func includeOfUnknownContextSuggestsCase() throws {
        let result = load("[a]\ninclude => Sales\nexten => s,1,NoOp()\n[sales]\nexten => s,1,NoOp()\n", lint: true)
        #expect(result.diagnostics.map(\.description) == [
            "test.conf:2:12: error: context 'a' includes 'Sales', which is not defined",
        ])
        #expect(result.diagnostics.first?.notes.first?.message == "context names are case-sensitive; did you mean 'sales'?")
    }

    @Test func jumpTargetsThatCannotExist() {
        #expect(findings("""
        [a]
        exten => s,1,Goto(nowhere,s,1)
         same => n,Goto(b,9,1)
         same => n,Goto(b,s,nolabel)
         same => n,Goto(b,s,7)
         same => n,GotoIf($[1 = 1]?missing:b,s,1)
         same => n,Gosub(b,s,1(arg1,arg2))
         same => n,Goto(s,3)
         same => n,Goto(99)
         same => n,Goto(old|s|1)
        [b]
        exten => s,1,NoOp()
        """, lint: true) == [
            "test.conf:2:19: error: Goto target context 'nowhere' does not exist",
            "test.conf:3:17: error: Goto target extension '9' does not exist in context 'b'",
            "test.conf:4:17: error: Goto target 's' in context 'b' has no label 'nolabel'",
            "test.conf:5:17: error: Goto target 's' in context 'b' has no priority 7",
            "test.conf:6:28: error: GotoIf target label 'missing' does not exist in extension 's'",
            "test.conf:9:17: error: Goto target priority 99 does not exist in extension 's'",
            "test.conf:10:17: error: Goto target label 'old|s|1' does not exist in extension 's'",
        ])
    }

    @Test func dynamicRelativeAndPatternTargetsAreNotJudged() {
        #expect(findings("""
        [a]
        exten => s,1,Goto(${DEST},s,1)
         same => n,Goto(+2)
         same => n,GotoIf($[${X} = 1]?${EXTEN:1},1:i,1)
         same => n,Goto(b,5551234,1)
        exten => i,1,Hangup()
        [b]
        exten => _555XXXX,1,NoOp()
        """, lint: true) == [])
    }

    @Test func jumpsFromAnIncludedContextSeeTheIncludingContext() {
        // Goto(operator,1) in [features] runs with ${CONTEXT} = the context that included it.
        #expect(findings("""
        [incoming]
        include => features
        exten => operator,1,NoOp()
        [features]
        exten => 0,1,Goto(operator,1)
        """, lint: true) == [])
    }

    @Test func unknownApplicationsAndFunctionsAreWarnings() throws {
        let result = load("""
        [a]
        exten => s,1,MixMonitor(x.wav)
         same => n,Macro(old)
         same => n,Set(x=${len(abc)})
         same => n,Set(NOSUCH(a)=1)
         same => n,NoOp(${LEN(abc)} ${CALLERID(num)})
        """, lint: true)
        #expect(result.diagnostics.map(\.description) == [
            "test.conf:2:14: warning: application 'MixMonitor' is not supported by this engine; a call reaching it ends here",
            "test.conf:3:12: warning: Macro was removed from Asterisk; use Gosub",
            "test.conf:4:20: warning: function 'len' is not known to this engine",
            "test.conf:5:16: warning: function 'NOSUCH' is not known to this engine",
        ])
        #expect(!result.hasErrors)
        #expect(result.diagnostics[2].notes.first?.message == "function names are case-sensitive; did you mean 'LEN'?")
    }

    @Test func unbalancedData() {
        #expect(findings("""
        [a]
        exten => s,1,Set(x=${ABC)
         same => n,NoOp($[1 + 2)
         same => n,NoOp(say "hi)
         same => n,NoOp(a (b)
        """, lint: true) == [
            "test.conf:2:20: error: '${' is never closed with '}'",
            "test.conf:3:17: error: '$[' is never closed with ']'",
            "test.conf:4:21: warning: '\"' is never closed",
            "test.conf:5:19: warning: '(' is never closed with ')'",
        ])
    }

    @Test func applicationNameWithBlanks() {
        #expect(findings("[a]\nexten => s,1,NoOp (x)\n", lint: true) == [
            "test.conf:2:14: error: application name 'NoOp ' has blanks around it, so Asterisk looks up 'NoOp ' and fails",
        ])
    }

    @Test func extensionWithoutPriorityOne() {
        #expect(findings("[a]\nexten => 5,2,NoOp()\n", lint: true) == [
            "test.conf:2:1: warning: extension '5' in context 'a' has no priority 1: a call dialing it goes to 'i'; only a jump to one of its priorities enters it",
        ])
        // Documented fall-through: `6410,1` then `_641X,2` is fine.
        #expect(findings("[a]\nexten => 6410,1,NoOp()\nexten => _641X,2,NoOp()\n", lint: true) == [])
    }

    @Test func discouragedPatterns() {
        #expect(findings("[a]\nexten => _.,1,NoOp()\n", lint: true).first?.contains("use '_X.' instead") == true)
    }
}

@Suite struct MSetFunctionTests {
    @Test func everyMSetTargetIsCheckedAtItsOwnColumn() {
        #expect(findings("[a]\nexten => s,1,MSet(SECRET(A)=1,NOPE(B)=2,C=3)\n", lint: true) == [
            "test.conf:2:31: warning: function 'NOPE' is not known to this engine",
        ])
    }
}
