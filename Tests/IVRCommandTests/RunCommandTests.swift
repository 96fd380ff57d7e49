import Foundation
import Testing
@testable import IVRCommand

@Suite struct RunCommandTests {
    let plan = temporaryFile("""
    [default]
    exten => s,1,Answer()
     same => n(menu),Background(main-menu)
     same => n,WaitExten(5)
    exten => 1,1,Playback(sales)
     same => n,Hangup()
    exten => i,1,Playback(invalid)
     same => n,Goto(s,menu)
    exten => t,1,Playback(goodbye)
    """)

    @Test func validInvalidAndNoInputPaths() {
        let valid = ivr("run", plan, "--digits", "1@2s", "--now", "2026-11-23T10:00:00Z", "--tz", "UTC")
        #expect(valid.status == 0)
        #expect(valid.out.contains("default,1,1  Playback(sales)"))
        #expect(valid.out.contains("☎ caller pressed 1"))
        let invalid = ivr("run", plan, "--digits", "7@2s 1@4s")
        #expect(invalid.out.contains("→ default,i,1 (invalid extension)"))
        #expect(invalid.out.contains("▶ sales"))
        let silent = ivr("run", plan)
        #expect(silent.out.contains("→ default,t,1 (timeout)"))
        #expect(silent.out.contains("▶ goodbye"))
    }

    @Test func traceAndRecordFiles() throws {
        let dir = NSTemporaryDirectory() + "ivr-run-" + UUID().uuidString
        let run = ivr("run", plan, "--digits", "1@2s", "--trace", dir + "/call.jsonl", "--cdr", dir + "/cdr/Master.csv",
                      "--callerid", "5551234", "--quiet")
        #expect(run.status == 0)
        let row = try String(contentsOfFile: dir + "/cdr/Master.csv", encoding: .utf8)
        #expect(row.hasPrefix(#""","5551234","s","default""#))
        let trace = try String(contentsOfFile: dir + "/call.jsonl", encoding: .utf8)
        #expect(trace.split(separator: "\n").first?.hasPrefix(#"{"event":"start","t":0,"#) == true)
        #expect(trace.contains(#""event":"exec","t":0,"context":"default","exten":"s","priority":1,"app":"Answer""#))
        // A trace that cannot be written is an error; the record is still appended.
        let unwritable = ivr("run", plan, "--trace", "/proc/ivr-nowhere/call.jsonl", "--cdr", dir + "/cdr/Master.csv", "--quiet")
        #expect(unwritable.status == 1)
        #expect(unwritable.err.contains("cannot write '/proc/ivr-nowhere/call.jsonl'"))
        #expect(try String(contentsOfFile: dir + "/cdr/Master.csv", encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test func errorsAndUsage() {
        let broken = temporaryFile("[default]\nexten => s,1,Goto(nowhere,s,1\n")
        #expect(ivr("run", broken).status == 1)
        #expect(ivr("run", plan, "--digits", "x@1s").status == 2)
        #expect(ivr("run", plan, "--hangup-at", "soon").status == 2)
        #expect(ivr("run").status == 2)
        let unknown = temporaryFile("[default]\nexten => s,1,Frobnicate()\n")
        let failed = ivr("run", unknown)
        #expect(failed.status == 1)
        #expect(failed.err.contains("no application 'Frobnicate'"))
    }
}

@Suite struct RunCommandAstDBTests {
    @Test func astdbPersistsAcrossTwoRuns() throws {
        let dir = NSTemporaryDirectory() + "ivr-astdb-run-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let db = dir + "/astdb.sqlite"
        let plan = temporaryFile("""
        [default]
        exten => s,1,Set(COUNT=$[0${DB(calls/count)} + 1])
         same => n,Set(DB(calls/count)=${COUNT})
         same => n,Verbose(1,call number ${COUNT})
        """)
        #expect(ivr("run", plan, "--astdb", db).out.contains("call number 1"))
        #expect(ivr("run", plan, "--astdb", db).out.contains("call number 2"))
        let broken = dir + "/not-a-db.sqlite"
        _ = FileManager.default.createFile(atPath: broken, contents: Data("this is not sqlite".utf8))
        let bad = ivr("run", plan, "--astdb", broken)
        #expect(bad.status == 1)
        #expect(bad.err.contains(broken))
    }
}
