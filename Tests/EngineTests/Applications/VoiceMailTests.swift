import Dialplan
import Foundation
import Testing
@testable import Engine

/// VoiceMail, leaving a message (reference §7.4): greetings, the message files, VMSTATUS, `0` and `*` exits.
@Suite struct VoiceMailTests {
    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func unavailableGreetingRecordingAndMessageFile() throws {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,VoiceMail(100@sales,u)
         same => n,NoOp(${VMSTATUS})
        """, configuration: configuration)
        #expect(result.prompts == ["vm-theperson", "digits/1", "digits/0", "digits/0", "vm-isunavail", "vm-intro", "beep"])
        #expect(result.variables["VMSTATUS"] == "SUCCESS")
        let inbox = "\(spool)/voicemail/sales/100/INBOX"
        #expect(result.variables["VM_MESSAGEFILE"] == "\(inbox)/msg0000")
        #expect(FileManager.default.fileExists(atPath: "\(inbox)/msg0000.wav"))
        let info = try #require(text("\(inbox)/msg0000.txt"))
        // 7 prompts of 1 s: the recording starts at 7 s.
        let origin = Int(testStart) + 7
        #expect(info == """
        ;
        ; Message Information file
        ;
        [message]
        origmailbox=100
        context=default
        macrocontext=
        exten=s
        rdnis=unknown
        priority=1
        callerchan=Scripted/caller-00000001
        callerid=5551234
        origdate=Mon Nov 23 10:00:07 AM UTC 2026
        origtime=\(origin)
        category=
        msg_id=\(origin)-00000000
        flag=
        duration=0

        """)
        #expect(recordings(result).map(\.outcome) == ["SILENCE"])
    }

    @Test func busyGreetingAndSecondMessageNumber() throws {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let text = "[default]\nexten => s,1,VoiceMail(7,bU)"
        _ = runCall(text, configuration: configuration)
        let second = runCall(text, configuration: configuration)
        #expect(second.prompts == ["vm-theperson", "digits/7", "vm-isonphone", "vm-intro", "beep"])
        let info = try #require(self.text("\(spool)/voicemail/default/7/INBOX/msg0001.txt"))
        #expect(info.contains("flag=Urgent\n"))
        #expect(info.contains("msg_id="))
    }

    @Test func recordedGreetingIsPlayedAndSkipsInstructionsWithS() throws {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let box = "\(spool)/voicemail/default/200"
        try FileManager.default.createDirectory(atPath: box, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(box)/unavail.wav", contents: Data())
        let result = runCall("[default]\nexten => s,1,VoiceMail(200,us)", configuration: configuration)
        #expect(result.prompts == ["\(box)/unavail", "beep"])
    }

    @Test func noGreetingOptionPlaysOnlyTheIntro() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("[default]\nexten => s,1,VoiceMail(300)", configuration: configuration)
        #expect(result.prompts == ["vm-intro", "beep"])
    }

    @Test func poundSkipsTheInstructions() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("[default]\nexten => s,1,VoiceMail(300,u)", digits: "#@1.5s", configuration: configuration)
        #expect(result.prompts == ["vm-theperson", "digits/3", "beep"])
        #expect(result.variables["VMSTATUS"] == "SUCCESS")
    }

    @Test func zeroGoesToTheOperatorExtension() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,VoiceMail(100,u)
         same => n,NoOp(not reached)
        exten => o,1,Playback(operator)
        """, digits: "0@0.5s", configuration: configuration)
        #expect(result.prompts == ["vm-theperson", "transfer", "operator"])
        #expect(result.variables["VMSTATUS"] == "USEREXIT")
        #expect(!FileManager.default.fileExists(atPath: "\(spool)/voicemail/default/100/INBOX/msg0000.txt"))
    }

    @Test func zeroWithoutAnOExtensionIsIgnored() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("[default]\nexten => s,1,VoiceMail(100)", digits: "0@0.5s", configuration: configuration)
        #expect(result.prompts == ["vm-intro", "beep"])
        #expect(result.variables["VMSTATUS"] == "SUCCESS")
    }

    @Test func starGoesToTheAttendantExtension() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,VoiceMail(100)
        exten => a,1,Playback(attendant)
        """, digits: "*@0.5s", configuration: configuration)
        #expect(result.prompts == ["vm-intro", "attendant"])
        #expect(result.variables["VMSTATUS"] == "USEREXIT")
    }

    @Test func zeroDuringTheRecordingKeepsTheMessageAndGoesToO() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,VoiceMail(100)
        exten => o,1,Playback(operator)
        """, digits: "0@6s", configuration: configuration)
        #expect(result.prompts == ["vm-intro", "beep", "transfer", "operator"])
        #expect(result.variables["VMSTATUS"] == "USEREXIT")
        #expect(FileManager.default.fileExists(atPath: "\(spool)/voicemail/default/100/INBOX/msg0000.txt"))
    }

    @Test func hangingUpDuringTheRecordingStillSavesIt() throws {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,VoiceMail(100)
         same => n,NoOp(not reached)
        exten => h,1,NoOp(${VMSTATUS})
        """, hangupAt: 8, configuration: configuration)
        #expect(result.arguments.last == "SUCCESS")
        #expect(!result.path.contains("s,2:NoOp"))
        let info = try #require(text("\(spool)/voicemail/default/100/INBOX/msg0000.txt"))
        #expect(info.hasSuffix("duration=6\n"))
    }

    @Test func severalMailboxesGetCopies() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        _ = runCall("[default]\nexten => s,1,VoiceMail(100&200@other,s)", configuration: configuration)
        #expect(FileManager.default.fileExists(atPath: "\(spool)/voicemail/default/100/INBOX/msg0000.txt"))
        #expect(FileManager.default.fileExists(atPath: "\(spool)/voicemail/other/200/INBOX/msg0000.wav"))
        #expect(FileManager.default.fileExists(atPath: "\(spool)/voicemail/other/200/INBOX/msg0000.txt"))
    }

    @Test func callerIDInTheMessageFileIsMasked() throws {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        _ = runCall("""
        [default]
        exten => s,1,Set(SECRET(CID)=1)
         same => n,Set(CID=${CALLERID(num)})
         same => n,Set(VM_CATEGORY=sales)
         same => n,VoiceMail(100,s)
        """, configuration: configuration)
        let info = try #require(text("\(spool)/voicemail/default/100/INBOX/msg0000.txt"))
        #expect(info.contains("callerid=****\n"))
        #expect(!info.contains("5551234"))
        #expect(info.contains("category=sales\n"))
        #expect(info.contains("priority=4\n"))
    }

    @Test func optionDLetsADigitLeaveToAnotherContext() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("""
        [default]
        exten => s,1,VoiceMail(100,d(menu))
        exten => 5,1,Playback(wrong-context)
        [menu]
        exten => 5,1,Playback(menu-five)
        """, digits: "5@0.5s", configuration: configuration)
        #expect(result.prompts == ["vm-intro", "menu-five"])
        #expect(result.variables["VMSTATUS"] == "USEREXIT")
    }

    @Test func badMailboxFails() {
        let (configuration, spool) = spoolConfiguration()
        defer { try? FileManager.default.removeItem(atPath: spool) }
        let result = runCall("[default]\nexten => s,1,VoiceMail(../x)\n same => n,NoOp()", configuration: configuration)
        #expect(result.variables["VMSTATUS"] == "FAILED")
        #expect(result.prompts.isEmpty)
    }
}
