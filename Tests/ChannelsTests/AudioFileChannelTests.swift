import Audio
import Dialplan
import Foundation
import Testing
@testable import Channels
@testable import Engine

/// A call driven end to end by audio: caller WAV → detector → interpreter → heard WAV.
@Suite struct AudioFileChannelTests {
    static let start = 1_795_428_000.0

    /// A prompt folder whose prompts are tones of known lengths (en/<name>.wav).
    static func prompts(_ lengths: [String: Double]) throws -> PromptDirectory {
        let root = NSTemporaryDirectory() + "ivr-prompts-" + UUID().uuidString
        for (name, seconds) in lengths {
            let path = "\(root)/en/\(name).wav"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            let count = Int(seconds * 8000)
            // A 440 Hz tone, so the heard audio shows where each prompt is.
            let samples = (0..<count).map { Int16(8000 * sin(2 * Double.pi * 440 * Double($0) / 8000)) }
            try AudioFile.write(AudioClip(samples: samples), to: path)
        }
        return PromptDirectory(root: root)
    }

    /// Caller audio: silence with DTMF tones ending at the given times.
    static func callerAudio(_ presses: [(Character, Double)], length: Double) -> AudioClip {
        let generator = DTMFGenerator(onMilliseconds: 80, offMilliseconds: 0, levelDBm0: -10)
        var samples = [Int16](repeating: 0, count: Int(length * 8000))
        for (digit, end) in presses {
            guard let tone = generator.tone(for: digit) else { continue }
            let stop = Int(end * 8000)
            for (index, value) in tone.enumerated() where stop - tone.count + index < samples.count {
                samples[stop - tone.count + index] = value
            }
        }
        return AudioClip(samples: samples)
    }

    static let plan = """
    [default]
    exten => s,1,Answer()
     same => n,Background(welcome&menu)
     same => n,WaitExten(4)
    exten => 1,1,Playback(sales)
     same => n,Hangup()
    exten => t,1,Playback(goodbye)
    """

    func run(_ caller: AudioClip, prompts: PromptDirectory) -> (CallResult, AudioFileChannel) {
        let loaded = DialplanLoader(linter: nil).load(text: Self.plan, path: "audio.conf")
        let channel = AudioFileChannel(caller: CallerAudio(caller), prompts: prompts, start: Self.start)
        let engine = Engine(dialplan: loaded.dialplan)
        let result = engine.run(CallRequest(context: "default", startTime: Self.start), on: channel)
        return (result, channel)
    }

    @Test func bargeInCutsThePromptWhereTheDigitWasHeard() throws {
        let prompts = try Self.prompts(["welcome": 2, "menu": 2, "sales": 1.5, "goodbye": 1])
        // The caller presses 1 during "menu"; the tone ends 3.0 s into the call.
        let (result, channel) = run(Self.callerAudio([("1", 3.0)], length: 8), prompts: prompts)
        #expect(result.prompts == ["welcome", "menu", "sales"])
        let interrupted = try #require(result.events.first { if case .promptInterrupted = $0.kind { return true } else { return false } })
        // Delivered once the detector has heard the tone end: within 100 ms after it, at a 20 ms chunk edge.
        #expect(interrupted.time > 3.0 && interrupted.time < 3.1)
        #expect(abs(interrupted.time * 50 - (interrupted.time * 50).rounded()) < 1e-4)
        let heard = channel.heardAudio.samples
        // welcome 0–2 s, menu 2 s until the barge-in, then sales for 1.5 s.
        let cut = Int((interrupted.time * 8000).rounded())
        #expect(abs(heard.count - (cut + 12_000)) <= 1)
        #expect(heard[(cut - 400)..<(cut - 10)].contains { abs($0) > 1000 })      // menu still playing just before
        #expect(heard[(cut + 10)..<(cut + 400)].contains { abs($0) > 1000 })      // sales starts right after
        #expect(heard[16_000..<16_400].contains { abs($0) > 1000 })               // menu started at 2 s
    }

    @Test func silenceTakesTheTimeoutPath() throws {
        let prompts = try Self.prompts(["welcome": 1, "menu": 1, "goodbye": 1])
        let (result, channel) = run(Self.callerAudio([], length: 10), prompts: prompts)
        #expect(result.prompts == ["welcome", "menu", "goodbye"])
        // 2 s of prompts, 4 s WaitExten, 1 s goodbye.
        #expect(channel.heardAudio.samples.count == 7 * 8000)
    }

    @Test func callerAudioEndingIsAHangup() throws {
        let prompts = try Self.prompts(["welcome": 2, "menu": 2])
        let (result, _) = run(Self.callerAudio([], length: 3), prompts: prompts)
        #expect(result.events.contains { $0.kind == .hangup(cause: 16, byCaller: true) })
        #expect(result.duration == 3)
    }

    @Test func recordWritesWhatTheCallerSaid() throws {
        let prompts = try Self.prompts(["beep": 0.25])
        let dir = NSTemporaryDirectory() + "ivr-rec-" + UUID().uuidString
        var said = Self.callerAudio([("#", 2.5)], length: 4).samples
        // The caller speaks (a 300 Hz tone stands in) from 0.5 s to 1.5 s, then presses #.
        for index in 4_000..<12_000 { said[index] = Int16(6000 * sin(2 * Double.pi * 300 * Double(index) / 8000)) }
        let loaded = DialplanLoader(linter: nil).load(text: """
        [default]
        exten => s,1,Answer()
         same => n,Record(\(dir)/message.wav)
         same => n,Verbose(1,${RECORD_STATUS})
        """, path: "record.conf")
        let channel = AudioFileChannel(caller: CallerAudio(AudioClip(samples: said)), prompts: prompts, start: Self.start)
        let result = Engine(dialplan: loaded.dialplan).run(CallRequest(context: "default", startTime: Self.start), on: channel)
        #expect(result.verbose == ["DTMF"])
        let recorded = try AudioFile.read(dir + "/message.wav")
        // From the end of the beep (0.25 s) until the # is heard (its tone ends at 2.5 s), speech included.
        #expect(recorded.duration > 2.25 && recorded.duration < 2.35)
        #expect(recorded.samples[2_500..<3_000].contains { abs($0) > 1000 })
    }
}
