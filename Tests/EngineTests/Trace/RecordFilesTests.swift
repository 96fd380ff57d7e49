import Foundation
import Testing
@testable import Engine

@Suite struct RecordFilesTests {
    @Test func traceLinesHaveTheRequiredFields() throws {
        let result = runCall("[default]\nexten => s,1,Answer()\n same => n,Playback(hello&world)\n")
        let lines = result.events.map(TraceJSON.line)
        let exec = try #require(lines.first { $0.hasPrefix("{\"event\":\"exec\"") })
        #expect(exec == #"{"event":"exec","t":0,"context":"default","exten":"s","priority":1,"app":"Answer","args":"","file":"test.conf","line":2}"#)
        // Every line is JSON a standard parser accepts.
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)")
        }
        let prompt = try #require(lines.first { $0.contains("\"prompt_end\"") })
        #expect(prompt.contains("\"t\":1,"))
    }

    @Test func cdrRowsAppendInMasterCSVOrder() throws {
        let path = NSTemporaryDirectory() + "ivr-cdr-\(UUID().uuidString)/Master.csv"
        let result = runCall("[default]\nexten => s,1,Answer()\n same => n,Wait(3)\n same => n,Playback(bye)\n",
                             callerNumber: "5551234")
        try RecordFiles.appendCDR(result.record, to: path, timeZone: TimeZone(identifier: "UTC")!)
        try RecordFiles.appendCDR(result.record, to: path, timeZone: TimeZone(identifier: "UTC")!)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = text.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[0].hasPrefix(#""","5551234","s","default","<5551234>","Scripted/caller-00000001","","Playback","bye","2026-11-23 10:00:00","2026-11-23 10:00:00","2026-11-23 10:00:04",4,4,"ANSWERED","DOCUMENTATION",""#))
    }

    @Test func aFailedCallStillHasARecord() {
        let result = runCall("[default]\nexten => s,1,NoSuchApp(x)\n")
        #expect(result.record.disposition == "FAILED")
        #expect(result.record.lastApplication == "NoSuchApp")
        #expect(result.events.last?.kind == .callEnd(disposition: "FAILED"))
    }
}
