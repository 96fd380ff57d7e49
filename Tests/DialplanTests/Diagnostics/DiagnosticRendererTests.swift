import Testing
@testable import Dialplan

@Suite struct DiagnosticRendererTests {
    @Test func rendersLineCaretAndNotes() {
        let text = "[c]\nexten => 1,1,NoOp()\n\texten => 1,1,NoOp()\n"
        let result = load(text)
        #expect(result.renderer.render(result.diagnostics) == """
        test.conf:3:13: error: priority 1 of extension '1' in context 'c' is already defined [priority-duplicate]
        \texten => 1,1,NoOp()
        \t           ^
        test.conf:2:1: note: first defined here
        exten => 1,1,NoOp()
        ^

        """)
    }

    @Test func wholeFileDiagnosticsHaveNoExcerpt() {
        let diagnostic = Diagnostic.error(.unreadableFile, "cannot read", at: .wholeFile("x.conf"))
        #expect(DiagnosticRenderer().render(diagnostic) == "x.conf: error: cannot read [file-unreadable]\n")
    }
}
