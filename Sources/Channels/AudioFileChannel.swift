import Audio
import Engine
import Foundation

/// A call driven by a caller-audio WAV: the caller's digits come from the DTMF detector at the instant each is
/// heard, and what the caller hears is collected as audio, prompts cut at the sample where a barge-in stopped them.
///
/// Timing and digit handling are those of `ScriptedChannel` (one set of rules for event-level and audio-level
/// calls); this channel adds the audio: prompt samples, the heard timeline, and recordings cut from the input.
public final class AudioFileChannel: Channel {
    private let scripted: ScriptedChannel
    private let prompts: PromptDirectory
    private let caller: CallerAudio
    private let start: Double
    private var heard = HeardAudio()
    /// Files Record and VoiceMail wrote, in order.
    public private(set) var recordings: [String] = []

    /// The caller hangs up when their audio ends (or at `hangupAt`, if earlier).
    public init(caller: CallerAudio, prompts: PromptDirectory, start: Double, hangupAt: Double? = nil,
                outcomes: [String: DeliveryOutcome] = [:], name: String = "AudioFile/caller-00000001") {
        self.caller = caller
        self.prompts = prompts
        self.start = start
        let end = min(hangupAt ?? caller.duration, caller.duration)
        let script = CallerScript(presses: caller.presses, hangupAt: end, outcomes: outcomes)
        scripted = ScriptedChannel(script: script, prompts: PromptTiming(directory: prompts), start: start, name: name)
    }

    public var clock: any Clock { scripted.clock }
    public var isHungUp: Bool { scripted.isHungUp }
    public var isAnswered: Bool { scripted.isAnswered }
    public var name: String { scripted.name }

    public func answer() { scripted.answer() }
    public func hangup(cause: Int) { scripted.hangup(cause: cause) }

    private var sampleNow: Int { Int(((scripted.clock.now - start) * Double(AudioClip.sampleRate)).rounded()) }

    public func play(_ prompt: String, language: String, interrupt: DigitSet) -> PlayOutcome {
        let offset = sampleNow
        let outcome = scripted.play(prompt, language: language, interrupt: interrupt)
        if outcome != .notFound, let clip = try? prompts.clip(of: prompt, language: language) {
            heard.place(clip, count: sampleNow - offset, at: offset)
        }
        return outcome
    }

    public func waitForDigit(until deadline: Double) -> DigitWait { scripted.waitForDigit(until: deadline) }

    public func wait(until deadline: Double) -> Bool { scripted.wait(until: deadline) }

    public func record(to path: String, maxDuration: Double?, silence: Double?, terminators: DigitSet) -> RecordOutcome {
        let from = sampleNow
        // The caller's own silence ends the recording: find where it starts lasting `silence` seconds.
        var limit = maxDuration
        var silenceStops = false
        if let silence, silence > 0, let quiet = firstSilence(from: from, lasting: silence) {
            let seconds = Double(quiet - from) / Double(AudioClip.sampleRate)
            if limit.map({ seconds < $0 }) ?? true {
                limit = max(seconds, 0.001)
                silenceStops = true
            }
        }
        var outcome = scripted.record(to: path, maxDuration: limit, silence: nil, terminators: terminators)
        if silenceStops, outcome == .maxDuration { outcome = .silence }
        let to = min(sampleNow, caller.clip.samples.count)
        let said = from < to ? Array(caller.clip.samples[from..<to]) : []
        do {
            try AudioFile.write(AudioClip(samples: said), to: path, encoding: Self.encoding(for: path))
            recordings.append(path)
        } catch {
            return .failed("\(error)")
        }
        return outcome
    }

    public func deliver(_ request: DeliveryRequest) -> DeliveryOutcome { scripted.deliver(request) }

    public func indicate(_ indication: Indication) { scripted.indicate(indication) }

    /// What the caller heard from the start of the call until now.
    public var heardAudio: AudioClip {
        var copy = heard
        copy.extend(to: sampleNow)
        return AudioClip(samples: copy.samples)
    }

    /// The first sample from which the caller's audio stays below −45 dBm0-ish for `seconds`.
    private func firstSilence(from: Int, lasting seconds: Double) -> Int? {
        let samples = caller.clip.samples
        let window = 160
        let needed = Int(seconds * Double(AudioClip.sampleRate))
        var quietSince: Int?
        var index = from
        while index + window <= samples.count {
            var energy = 0.0
            for sample in samples[index..<(index + window)] { energy += Double(sample) * Double(sample) }
            let rms = (energy / Double(window)).squareRoot()
            if rms < 128 {
                if quietSince == nil { quietSince = index }
                if let since = quietSince, index + window - since >= needed { return since + needed }
            } else {
                quietSince = nil
            }
            index += window
        }
        return nil
    }

    private static func encoding(for path: String) -> AudioEncoding {
        switch (path as NSString).pathExtension.lowercased() {
        case "ulaw", "mulaw", "pcmu": .ulaw
        case "alaw", "pcma": .alaw
        default: .pcm16
        }
    }
}

/// Prompt lengths from a prompt directory, for the scripted timing underneath (and event-level calls with real
/// prompt lengths).
public struct PromptTiming: PromptLibrary {
    public let directory: PromptDirectory

    public init(directory: PromptDirectory) { self.directory = directory }

    public func duration(of name: String, language: String) -> Double? {
        directory.duration(of: name, language: language)
    }
}
