import Audio
import Foundation
import Testing
@testable import Replay

/// Golden heard-audio WAVs in audio mode, with prompts that are tones of known lengths.
@Suite struct GoldenAudioTests {
    static func prompts(_ lengths: [String: Double]) throws -> String {
        let root = Repo.temporaryFolder("prompts")
        for (name, seconds) in lengths {
            let path = "\(root)/en/\(name).wav"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let samples = (0..<Int(seconds * 8000)).map { Int16(6000 * sin(2 * Double.pi * 440 * Double($0) / 8000)) }
            try AudioFile.write(AudioClip(samples: samples), to: path)
        }
        return root
    }

    @Test func goldenWavIsWrittenThenComparedAndADifferenceIsLocated() throws {
        let root = try Self.prompts(["welcome": 1.5, "sales": 1, "support": 2])
        let folder = Repo.temporaryFolder("golden-wav")
        try """
        [menu]
        exten => s,1,Answer()
         same => n,Background(welcome)
         same => n,WaitExten(3)
        exten => 1,1,Playback(sales)
         same => n,Hangup()
        exten => 2,1,Playback(support)
         same => n,Hangup()
        """.write(toFile: folder + "/menu.conf", atomically: true, encoding: .utf8)
        let scenario = folder + "/menu.scenario"
        func write(_ digit: String) throws {
            try """
            dialplan menu.conf
            context menu
            scenario "pinned audio"
              expect prompt welcome
              press \(digit)
              expect hangup
              expect heard golden/heard.wav
              expect transcript golden/heard.transcript
            """.write(toFile: scenario, atomically: true, encoding: .utf8)
        }
        try write("1")
        let update = Repo.command([scenario, "--audio", "--prompts", root, "--update-golden"])
        #expect(update.status == 0, "\(update.out)")
        let golden = try AudioFile.read(folder + "/golden/heard.wav")
        // welcome 1.5 s, the caller reacts 0.1 s later (plus detector delay), sales 1 s.
        #expect(abs(golden.duration - 2.6) < 0.03)
        #expect(Repo.command([scenario, "--audio", "--prompts", root]).status == 0)
        // The same golden transcript holds at event level, with the same prompt lengths.
        #expect(Repo.command([scenario, "--prompts", root]).status == 0)
        try write("2")
        let changed = Repo.command([scenario, "--audio", "--prompts", root])
        #expect(changed.status == 1)
        #expect(changed.out.contains("    expected: the audio in \(folder)/golden/heard.wav\n"))
        #expect(changed.out.contains("    actual:   the heard audio first differs at 2.6"))
    }
}
