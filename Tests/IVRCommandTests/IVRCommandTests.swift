import Testing
@testable import IVRCommand

@Suite struct IVRCommandTests {
    @Test func overviewHelpAndUnknownCommands() {
        #expect(ivr().status == 2)
        let help = ivr("--help")
        #expect(help.status == 0)
        #expect(help.out.contains("check") && help.out.contains("show") && help.out.contains("eval"))
        #expect(ivr("help", "eval").out.hasPrefix("usage: ivr eval"))
        let unknown = ivr("frobnicate")
        #expect(unknown.status == 2)
        #expect(unknown.err.hasPrefix("ivr: unknown command 'frobnicate'"))
        #expect(ivr("--version").out.hasPrefix("ivr "))
    }

    @Test func everySubcommandHasHelp() {
        for command in ["check", "show", "eval"] {
            let run = ivr(command, "--help")
            #expect(run.status == 0)
            #expect(run.out.hasPrefix("usage: ivr \(command)"))
        }
    }
}
