import Dialplan
import Foundation
import Testing
@testable import Engine

/// A configuration whose spool directory is a fresh temporary directory.
func spoolConfiguration(allowShell: Bool = false) -> (EngineConfiguration, String) {
    let directory = NSTemporaryDirectory() + "ivr-apps-test-" + UUID().uuidString
    var configuration = EngineConfiguration(timeZone: TimeZone(identifier: "UTC")!, allowShell: allowShell,
                                            spoolDirectory: directory)
    configuration.stepLimit = 10_000
    // Shell commands here end at once; the deadline stays far above what a fully loaded test run can add.
    configuration.curlTimeout = 60
    return (configuration, directory)
}

func recordings(_ result: CallResult) -> [(path: String, outcome: String)] {
    result.events.compactMap {
        if case .recording(let path, let outcome) = $0.kind { return (path, outcome) }
        return nil
    }
}

/// Record (reference §7.2): files, statuses, options.
@Suite struct RecordApplicationsTests {
    @Test func recordsUnderTheSpoolDirectoryUntilSilence() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,Record(greetings/hello.wav,3,20)
         same => n,NoOp(${RECORD_STATUS} ${RECORDED_FILE})
        """, configuration: configuration)
        #expect(result.prompts == ["beep"])
        #expect(result.variables["RECORD_STATUS"] == "SILENCE")
        #expect(result.variables["RECORDED_FILE"] == "\(spool)/greetings/hello")
        #expect(FileManager.default.fileExists(atPath: "\(spool)/greetings/hello.wav"))
        #expect(recordings(result).map(\.outcome) == ["SILENCE"])
        #expect(recordings(result).first?.path == "\(spool)/greetings/hello.wav")
        // 1 s beep + 3 s silence.
        #expect(result.events.last { if case .recording = $0.kind { return true } else { return false } }?.time == 4)
        #expect(result.record.answer != nil)
    }

    @Test func maxDurationIsTimeout() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("[default]\nexten => s,1,Record(x.gsm,0,5,q)\n same => n,NoOp()", configuration: configuration)
        #expect(result.prompts.isEmpty)
        #expect(result.variables["RECORD_STATUS"] == "TIMEOUT")
        #expect(FileManager.default.fileExists(atPath: "\(spool)/x.gsm"))
    }

    @Test func terminators() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        func run(_ options: String, _ digits: String) -> String? {
            runCall("[default]\nexten => s,1,Record(t.wav,0,10,\(options))\n same => n,NoOp()", digits: digits,
                    configuration: configuration).variables["RECORD_STATUS"]
        }
        #expect(run("", "#@2s") == "DTMF")
        #expect(run("", "*@2s") == "TIMEOUT")
        #expect(run("t", "*@2s") == "DTMF")
        #expect(run("t", "#@2s") == "TIMEOUT")
        #expect(run("x", "#@2s") == "TIMEOUT")
        #expect(run("y", "5@2s") == "DTMF")
        #expect(run("o", "0@2s") == "OPERATOR")
        #expect(run("", "0@2s") == "TIMEOUT")
    }

    @Test func percentDGivesUniqueNames() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,Record(take%d.wav,1,,q)
         same => n,Set(FIRST=${RECORDED_FILE})
         same => n,Record(take%d.wav,1,,q)
        """, configuration: configuration)
        #expect(result.variables["FIRST"] == "\(spool)/take0")
        #expect(result.variables["RECORDED_FILE"] == "\(spool)/take1")
    }

    @Test func skipWhenNotAnswered() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let skipped = runCall("[default]\nexten => s,1,Record(s.wav,,,s)\n same => n,NoOp()", configuration: configuration)
        #expect(skipped.variables["RECORD_STATUS"] == "SKIP")
        #expect(skipped.prompts.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "\(spool)/s.wav"))
        let answered = runCall("[default]\nexten => s,1,Answer()\n same => n,Record(s.wav,1,,s)", configuration: configuration)
        #expect(answered.variables["RECORD_STATUS"] == "SILENCE")
    }

    @Test func hangupDeletesTheFileUnlessK() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let text = "[default]\nexten => s,1,Record(ARGS)\n same => n,NoOp(not reached)\nexten => h,1,NoOp(${RECORD_STATUS})"
        let gone = runCall(text.replacingOccurrences(of: "ARGS", with: "gone.wav"), hangupAt: 5, configuration: configuration)
        #expect(gone.variables["RECORD_STATUS"] == "HANGUP")
        #expect(gone.arguments.last == "HANGUP")
        #expect(!gone.path.contains("s,2:NoOp"))
        #expect(!FileManager.default.fileExists(atPath: "\(spool)/gone.wav"))
        let kept = runCall(text.replacingOccurrences(of: "ARGS", with: "kept.wav,,,k"), hangupAt: 5, configuration: configuration)
        #expect(kept.variables["RECORD_STATUS"] == "HANGUP")
        #expect(FileManager.default.fileExists(atPath: "\(spool)/kept.wav"))
    }

    @Test func noFormatIsAnError() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("[default]\nexten => s,1,Record(noformat)\n same => n,NoOp()", configuration: configuration)
        #expect(result.variables["RECORD_STATUS"] == "ERROR")
        #expect(result.path == ["s,1:Record"])
    }

    @Test func appendKeepsTheFile() throws {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(spool)/a.wav", contents: Data("old".utf8))
        _ = runCall("[default]\nexten => s,1,Record(a.wav,1,,aq)", configuration: configuration)
        #expect(FileManager.default.contents(atPath: "\(spool)/a.wav") == Data("old".utf8))
        _ = runCall("[default]\nexten => s,1,Record(a.wav,1,,q)", configuration: configuration)
        #expect(FileManager.default.contents(atPath: "\(spool)/a.wav") == Data())
    }
}
