import Testing
@testable import Dialplan

@Suite struct DialplanParserTests {
    @Test func contextsExtensionsPrioritiesAndLabels() throws {
        let result = load("""
        [menu]
        exten => s,1,Answer()
         same => n(loop),Background(main-menu)
         same => n,WaitExten(5)
        exten => 1,1,Goto(sales,s,1)
        """)
        #expect(result.diagnostics.isEmpty)
        let menu = try #require(result.dialplan[context: "menu"])
        let s = try #require(menu.extension(named: "s"))
        #expect(s.priorities.map(\.number) == [1, 2, 3])
        #expect(s.priorities.map(\.application) == ["Answer", "Background", "WaitExten"])
        #expect(s.priority(labeled: "loop")?.number == 2)
        #expect(s.priority(2)?.data == "main-menu")
        #expect(s.priority(2)?.location == SourceLocation(file: "test.conf", line: 3, column: 2))
        #expect(s.priority(2)?.applicationLocation == SourceLocation(file: "test.conf", line: 3, column: 18))
        #expect(s.priority(2)?.dataLocation == SourceLocation(file: "test.conf", line: 3, column: 29))
    }

    @Test func nextPriorityCountsAcrossExtensionsInAContext() throws {
        // Reference §11.1: `n` is the previous line's priority + 1, whatever the extension.
        let result = load("""
        [c]
        exten => 100,1,NoOp(a)
        exten => 200,n,NoOp(b)
        exten => 100,n,NoOp(c)
        [d]
        exten => 5,1,NoOp()
        """)
        let c = try #require(result.dialplan[context: "c"])
        #expect(c.extension(named: "200")?.priorities.map(\.number) == [2])
        #expect(c.extension(named: "100")?.priorities.map(\.number) == [1, 3])
    }

    @Test func samePriorityLabelsAndOffsets() throws {
        let result = load("""
        [c]
        exten => 1,1(start),NoOp(a)
        exten => 1,s+2,NoOp(b)
        exten => 1,start+1,NoOp(c)
        exten => 1,hint,PJSIP/100
        """)
        let one = try #require(result.dialplan[context: "c"]?.extension(named: "1"))
        #expect(one.priorities.map(\.number) == [1, 2, 3])
        #expect(one.priority(3)?.data == "b")
        #expect(one.priority(2)?.data == "c")
        #expect(one.hint == "PJSIP/100")
    }

    @Test func applicationSplittingFollowsPbxConfig() throws {
        let result = load("""
        [c]
        exten => 1,1,Hangup
        exten => 1,2,NoOp (x)
        exten => 1,3,Set(A=f(x)) trailing
        exten => 1,4,${APP}(arg)
        exten => 1,5,  Verbose(1,a,b)
        """)
        let one = try #require(result.dialplan[context: "c"]?.extension(named: "1"))
        #expect(one.priorities.map(\.application) == ["Hangup", "NoOp ", "Set", "${APP}(arg)", "Verbose"])
        #expect(one.priorities.map(\.data) == ["", "x", "A=f(x)", "", "1,a,b"])
    }

    @Test func callerIDExtensionsAndSpacesInNames() throws {
        let result = load("""
        [c]
        exten => 123/555-1234,1,NoOp(vip)
        exten => 123,1,NoOp(anyone)
        exten => 5 5 5,1,NoOp()
        exten => x/,1,NoOp(anonymous)
        """)
        let c = try #require(result.dialplan[context: "c"])
        #expect(c.extension(named: "123", callerID: "555-1234")?.priority(1)?.data == "vip")
        #expect(c.extension(named: "123")?.priority(1)?.data == "anyone")
        #expect(c.extension(named: "555") != nil)
        #expect(c.extension(named: "x", callerID: "")?.callerID == "")
    }

    @Test func globalsAreMergedSubstitutedAndUsedInNames() throws {
        let result = load("""
        [globals]
        OPERATOR=0
        GREETING=hello-${OPERATOR}
        [general]
        autofallthrough=no
        [globals]
        MORE=1
        [c]
        exten => ${OPERATOR},1,NoOp()
        """)
        #expect(result.dialplan.globals.map(\.name) == ["OPERATOR", "GREETING", "MORE"])
        #expect(result.dialplan.globals[1].value == "hello-0")
        #expect(!result.dialplan.autoFallthrough)
        #expect(result.dialplan[context: "c"]?.extension(named: "0") != nil)
    }

    @Test func templatesAreInheritedAndNotLoaded() throws {
        let result = load("""
        [common](!)
        exten => i,1,Playback(invalid)
        [menu](common)
        exten => s,1,NoOp()
        [menu](+)
        exten => 1,1,NoOp()
        """)
        #expect(result.dialplan.contextOrder == ["menu"])
        let menu = try #require(result.dialplan[context: "menu"])
        #expect(Set(menu.extensions.map(\.name)) == ["i", "s", "1"])
    }

    @Test func includesSwitchesAndIgnorePatterns() throws {
        let result = load("""
        [a]
        include => b
        include => c,09:00-17:00,mon-fri,*,*
        include => d|*,sat-sun
        switch => IAX2/box/ctx
        ignorepat => 9
        [b]
        [c]
        [d]
        """)
        let a = try #require(result.dialplan[context: "a"])
        #expect(a.includes.map(\.context) == ["b", "c", "d"])
        #expect(a.includes[1].timeSpecText == "09:00-17:00,mon-fri,*,*")
        #expect(a.includes[1].timeSpec != nil)
        #expect(a.includes[2].timeSpecText == "*,sat-sun")
        #expect(a.switches.map(\.target) == ["IAX2/box/ctx"])
        #expect(a.ignorePatterns == ["9"])
    }

    // Parser errors with exact locations.
    @Test func sameWithoutExtension() {
        #expect(findings("[c]\n  same => n,NoOp()\n") == [
            "test.conf:2:3: error: 'same =>' with no 'exten =>' before it in context 'c'",
        ])
    }

    @Test func duplicatePriorityKeepsTheFirst() throws {
        let result = load("[c]\nexten => 1,1,NoOp(first)\nexten => 1,1,NoOp(second)\n")
        #expect(result.diagnostics.map(\.description) == [
            "test.conf:3:12: error: priority 1 of extension '1' in context 'c' is already defined",
        ])
        #expect(result.diagnostics.first?.notes.first?.location == SourceLocation(file: "test.conf", line: 2, column: 1))
        #expect(result.dialplan[context: "c"]?.extension(named: "1")?.priority(1)?.data == "first")
    }

    @Test func duplicateLabel() {
        #expect(findings("[c]\nexten => 1,1(a),NoOp()\nexten => 1,2(a),NoOp()\n") == [
            "test.conf:3:12: error: label 'a' is already used by priority 1 of '1'",
        ])
    }

    @Test func badPriorities() {
        #expect(findings("[c]\nexten => 1,n,NoOp()\nexten => 1,0,NoOp()\nexten => 1,nolabel,NoOp()\nexten => 1,1(x,NoOp()\n") == [
            "test.conf:2:12: error: priority 'n' needs an earlier line in this context to count from",
            "test.conf:3:12: error: priority must be 1 or more, not 0",
            "test.conf:4:12: error: priority 'nolabel' is not a number, 'n', 's', 'hint' or an earlier label of this extension",
            "test.conf:5:12: error: label is missing its closing ')'",
        ])
    }

    @Test func malformedExtenLines() {
        #expect(findings("[c]\nexten => 1\nexten => ,1,NoOp()\nexten => 2,1\nexten => 3,1,NoOp(\n") == [
            "test.conf:2:10: error: malformed line: expected 'exten => name,priority,Application(args)'",
            "test.conf:3:10: error: extension name is empty",
            "test.conf:4:13: error: priority 1 of '2' names no application",
            "test.conf:5:14: error: 'NoOp(' is missing its closing ')'",
        ])
    }

    @Test func linesBeforeAnySectionAndUnknownKeys() {
        #expect(findings("exten => 1,1,NoOp()\n[c]\nfoo => bar\n") == [
            "test.conf:1:1: error: line appears before any [section]",
            "test.conf:3:1: warning: unknown directive 'foo' in context 'c' (expected exten, same, include, switch or ignorepat)",
        ])
    }

    @Test func unknownTemplate() {
        #expect(findings("[c](nosuch)\nexten => 1,1,NoOp()\n") == [
            "test.conf:1:5: error: template 'nosuch' is not defined before this section",
        ])
    }

    @Test func blockCommentInsideDataKeepsColumns() throws {
        let result = load("[c]\nexten => 1,1,NoOp(a;-- hidden --;b)\n")
        let priority = try #require(result.dialplan[context: "c"]?.extension(named: "1")?.priority(1))
        #expect(priority.data == "ab")
    }
}

@Suite struct ExtensionAliasTests {
    @Test func dashedAndPlainNamesAreOneExtension() throws {
        let result = load("[c]\nexten => 555-1234,1,NoOp(first)\nexten => 5551234,1,NoOp(second)\nexten => 5551234,2,NoOp(third)\n")
        #expect(result.diagnostics.map(\.description) == [
            "test.conf:3:18: error: priority 1 of extension '555-1234' in context 'c' is already defined",
        ])
        let c = try #require(result.dialplan[context: "c"])
        #expect(c.extensions.count == 1)
        #expect(c.extension(named: "5551234")?.priorities.map(\.data) == ["first", "third"])
    }

    @Test func equivalentPatternsAreOneExtension() throws {
        let result = load("[c]\nexten => _X,1,NoOp(a)\nexten => _[0-9],2,NoOp(b)\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.dialplan[context: "c"]?.extensions.map(\.name) == ["_X"])
        #expect(result.dialplan[context: "c"]?.extension(named: "_[0-9]")?.priorities.count == 2)
    }
}
