import Foundation
import Testing
@testable import Engine

/// AGI from the dialplan: a real program over stdin/stdout, AGISTATUS, location changes, secrets in the AGI log.
@Suite struct AGICallTests {
    /// Writes an executable shell AGI script that sends `commands` and reads a reply after each.
    func script(_ commands: [String]) throws -> String {
        let dir = NSTemporaryDirectory() + "ivr-agi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/test.agi"
        var text = "#!/bin/sh\nwhile read line && [ -n \"$line\" ]; do :; done\n"
        for command in commands { text += "echo '\(command)'\nread reply\necho \"$reply\" >> \(dir)/replies\n" }
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                       attributes: [.posixPermissions: 0o755])
        return path
    }

    @Test func scriptReadsAndWritesVariablesAndMovesTheCall() throws {
        let path = try script(["GET VARIABLE ACCOUNT", "SET VARIABLE RESULT ok", "STREAM FILE hello \"\"",
                               "SET EXTENSION done", "SET PRIORITY 1"])
        let result = runCall("""
        [default]
        exten => s,1,Set(ACCOUNT=12345)
         same => n,AGI(\(path))
         same => n,Verbose(1,not here)
        exten => done,1,Verbose(1,${AGISTATUS} ${RESULT})
        """)
        #expect(result.verbose == ["SUCCESS ok"])
        #expect(result.prompts == ["hello"])
        let replies = try String(contentsOfFile: (path as NSString).deletingLastPathComponent + "/replies", encoding: .utf8)
        #expect(replies.hasPrefix("200 result=1 (12345)\n200 result=1\n200 result=0 endpos=8000\n"))
    }

    @Test func missingProgramIsNotFoundAndTheCallGoesOn() {
        let result = runCall("""
        [default]
        exten => s,1,AGI(/nonexistent/script.agi)
         same => n,Verbose(1,${AGISTATUS})
        """)
        #expect(result.verbose == ["NOTFOUND"])
    }

    @Test func secretsNeverReachTheAGILog() throws {
        let path = try script(["GET VARIABLE PIN", "VERBOSE \"pin is 4711\" 1"])
        let result = runCall("""
        [default]
        exten => s,1,Set(SECRET(PIN)=1)
         same => n,Set(PIN=4711)
         same => n,AGI(\(path),4711)
        """)
        let agiLines = result.events.compactMap { if case .agi(let line, _) = $0.kind { return line } else { return nil } }
        #expect(agiLines.contains("200 result=1 (****)"))
        #expect(agiLines.contains("agi_arg_1: ****"))
        let everything = result.events.map(TraceJSON.line).joined()
        #expect(!everything.contains("4711"))
    }
}
