import Foundation
import Testing
@testable import IVRCommand

@Suite struct DTMFCommandTests {
    @Test func generateThenDecode() throws {
        let dir = NSTemporaryDirectory() + "ivr-dtmf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let wav = dir + "/digits.wav"
        #expect(ivr("dtmf", "generate", "1234567890*#ABCD", wav).status == 0)
        #expect(ivr("dtmf", "decode", wav).out == "1234567890*#ABCD\n")
        let timed = ivr("dtmf", "decode", "--times", wav).out.split(separator: "\n")
        #expect(timed.count == 16)
        #expect(timed.first?.hasPrefix("1\t0.0") == true)
        let bench = ivr("dtmf", "decode", "--bench", "3", wav).out
        #expect(bench.split(separator: "\n").last?.hasSuffix("realtime)") == true)
    }

    @Test func scriptedTimesAndMuLaw() throws {
        let dir = NSTemporaryDirectory() + "ivr-dtmf-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let wav = dir + "/call.wav"
        #expect(ivr("dtmf", "generate", "1@3s 42#@8s", wav, "--length", "10s", "--encoding", "ulaw").status == 0)
        let lines = ivr("dtmf", "decode", "--times", wav).out.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(lines.map { String($0[0]) } == ["1", "4", "2", "#"])
        // The first tone ends at 3 s: it starts 80 ms before.
        let start = Double(lines[0][1]) ?? 0
        #expect(abs(start - 2.92) < 0.02)
    }

    @Test func badInput() {
        #expect(ivr("dtmf", "decode", "/nonexistent.wav").status == 1)
        #expect(ivr("dtmf", "generate", "12x", NSTemporaryDirectory() + "x.wav").status == 2)
        #expect(ivr("dtmf").status == 2)
        #expect(ivr("dtmf", "frobnicate").status == 2)
        let notAudio = temporaryFile("this is not audio", name: "fake.wav")
        let run = ivr("dtmf", "decode", notAudio)
        #expect(run.status == 1)
        #expect(run.err.contains(notAudio))
    }
}
