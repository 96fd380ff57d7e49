import Foundation
import Testing
@testable import Audio

private typealias F = AudioFileFixtures

@Suite("AudioFile.read: rates, channels, anti-aliasing")
struct AudioFileReadTests {
    static let rates = [11025, 16000, 22050, 44100, 48000, 32000, 96000, 12000, 6000, 44101]

    /// Writes `seconds` of a tone at `rate` and reads it back at 8 kHz.
    private func toneThroughReader(_ frequency: Double, amplitude: Double = 0.5, rate: Int, seconds: Double = 1)
        throws -> AudioClip {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/tone-\(rate).wav"
        try F.writeWAV(F.pcm(F.sine(frequency: frequency, amplitude: amplitude, rate: rate, seconds: seconds)),
                       rate: rate, to: path)
        return try AudioFile.read(path)
    }

    @Test("A 1 kHz tone stays 1 kHz at the same level", arguments: rates)
    func oneKilohertzSurvives(rate: Int) throws {
        let clip = try toneThroughReader(1000, rate: rate)
        #expect(clip.sampleRate == 8000)
        #expect(abs(clip.samples.count - 8000) <= 1, "1 s at \(rate) Hz gave \(clip.samples.count) samples")
        let level = F.amplitude(of: 1000, in: clip.samples)
        #expect(abs(F.decibels(level / 0.5)) < 0.05, "1 kHz level \(F.decibels(level / 0.5)) dB off at \(rate) Hz")
        // All the energy is at 1 kHz: RMS of a pure sine is amplitude / √2.
        #expect(abs(F.rms(clip.samples) - 0.5 / 2.squareRoot()) < 0.001)
        #expect(abs(F.zeroCrossings(clip.samples) - 2 * (8000 - 800) / 8) <= 2)
        #expect(F.amplitude(of: 1100, in: clip.samples) < 0.001)
    }

    @Test("The telephone band passes flat", arguments: [11025, 44100, 48000])
    func passbandIsFlat(rate: Int) throws {
        for frequency in [300.0, 2000, 3300] {
            let clip = try toneThroughReader(frequency, rate: rate)
            let gain = F.decibels(F.amplitude(of: frequency, in: clip.samples) / 0.5)
            #expect(abs(gain) < 0.1, "\(frequency) Hz at \(rate) Hz: \(gain) dB")
        }
    }

    @Test("Tones at 3.9 kHz and above are removed, not folded into the band",
          arguments: [11025, 16000, 22050, 44100, 48000, 96000, 44101])
    func antiAliasing(rate: Int) throws {
        // (frequency, where its alias would land at 8 kHz)
        let probes: [(Double, Double)] = [(3900, 3900), (4100, 3900), (5000, 3000), (7000, 1000), (9000, 1000)]
        for (frequency, alias) in probes where frequency < Double(rate) / 2 {
            let clip = try toneThroughReader(frequency, rate: rate)
            let leak = max(F.amplitude(of: alias, in: clip.samples), F.rms(clip.samples) * 2.squareRoot())
            let attenuation = -F.decibels(leak / 0.5)
            #expect(attenuation >= 60, "\(frequency) Hz at \(rate) Hz only \(attenuation) dB down")
        }
    }

    @Test("8 kHz mono 16-bit files are read sample for sample")
    func eightKilohertzIsExact() throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        var generator = SystemRandomNumberGenerator()
        let samples = (0 ..< 4000).map { _ in Int16.random(in: .min ... .max, using: &generator) } + [.min, .max, 0, -1, 1]
        let path = directory + "/exact.wav"
        try F.writeWAV(samples, rate: 8000, to: path)
        #expect(try AudioFile.read(path).samples == samples)
        #expect(try AudioFile.duration(path) == Double(samples.count) / 8000)
    }

    @Test("Stereo is averaged into mono")
    func stereoDownmix() throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        // 8 kHz: exact average.
        let left: [Int16] = [1000, -2000, 32767, -32768, 3, 0]
        let right: [Int16] = [3000, 2000, 32767, -32768, 4, -1]
        let path = directory + "/stereo8k.wav"
        try F.writeWAV(Array(zip(left, right).map { [$0, $1] }.joined()), channels: 2, rate: 8000, to: path)
        let expected = zip(left, right).map { Int16(((Double($0) + Double($1)) / 2).rounded()) }
        #expect(try AudioFile.read(path).samples == expected)

        // 44.1 kHz: 1 kHz left at 0.4, 500 Hz right at 0.2 give both at half level.
        let l = F.sine(frequency: 1000, amplitude: 0.4, rate: 44100, seconds: 1)
        let r = F.sine(frequency: 500, amplitude: 0.2, rate: 44100, seconds: 1)
        let stereoPath = directory + "/stereo44k.wav"
        try F.writeWAV(Array(zip(F.pcm(l), F.pcm(r)).map { [$0, $1] }.joined()), channels: 2, rate: 44100, to: stereoPath)
        let clip = try AudioFile.read(stereoPath)
        #expect(abs(clip.samples.count - 8000) <= 1)
        #expect(abs(F.amplitude(of: 1000, in: clip.samples) - 0.2) < 0.001)
        #expect(abs(F.amplitude(of: 500, in: clip.samples) - 0.1) < 0.001)

        // Opposite channels cancel.
        let cancel = directory + "/cancel.wav"
        let tone = F.pcm(F.sine(frequency: 700, amplitude: 0.5, rate: 16000, seconds: 0.5))
        try F.writeWAV(Array(tone.map { [$0, $0 == .min ? .max : -$0] }.joined()), channels: 2, rate: 16000, to: cancel)
        #expect(F.rms(try AudioFile.read(cancel).samples, skip: 0) < 0.0001)
    }

    @Test("Files made by sox in other containers and encodings",
          .enabled(if: F.hasSox, "sox is not installed"))
    func soxFiles() throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let cases: [(String, [String])] = [
            ("stereo-44k1.wav", ["-r", "44100", "-c", "2", "-b", "16"]),
            ("float-48k.wav", ["-r", "48000", "-c", "1", "-e", "floating-point", "-b", "32"]),
            ("pcm24-22k.wav", ["-r", "22050", "-c", "1", "-b", "24"]),
            ("u8-11k.wav", ["-r", "11025", "-c", "1", "-b", "8", "-e", "unsigned-integer"]),
            ("tone-16k.aiff", ["-r", "16000", "-c", "1", "-b", "16"]),
            ("tone-32k.flac", ["-r", "32000", "-c", "1", "-b", "16"]),
            ("ulaw-8k.au", ["-r", "8000", "-c", "1", "-e", "u-law"]),
            ("six-channels-48k.wav", ["-r", "48000", "-c", "6", "-b", "16"]),
        ]
        for (name, format) in cases {
            let path = directory + "/" + name
            #expect(F.sox(["-D", "-n"] + format + [path, "synth", "1", "sine", "1000", "vol", "0.5"]), "sox made \(name)")
            let clip = try AudioFile.read(path)
            #expect(abs(clip.samples.count - 8000) <= 1, "\(name): \(clip.samples.count) samples")
            let level = F.amplitude(of: 1000, in: clip.samples)
            // 8-bit and µ-law quantisation costs a little precision.
            #expect(abs(F.decibels(level / 0.5)) < 0.1, "\(name): level \(F.decibels(level / 0.5)) dB")
            #expect(abs(try AudioFile.duration(path) - 1) < 0.001, "\(name) duration")
        }
    }

    @Test("Durations come from the header", arguments: [8000, 11025, 44100])
    func durations(rate: Int) throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/d.wav"
        let count = rate * 3 / 2
        try F.writeWAV([Int16](repeating: 100, count: count), rate: rate, to: path)
        #expect(try AudioFile.duration(path) == Double(count) / Double(rate))
        #expect(abs(try AudioFile.read(path).duration - 1.5) < 0.001)
    }

    @Test("Streaming resampling matches resampling the whole signal at once")
    func streamingMatchesWhole() {
        let signal = F.sine(frequency: 1234, amplitude: 0.7, rate: 44100, seconds: 0.3).map(Float.init)
        let whole = SincResampler.resample(signal, from: 44100, to: 8000)
        var resampler = SincResampler(from: 44100, to: 8000)
        var pieces: [Float] = []
        var index = 0
        for size in [1, 7, 100, 2000, 5, 13000] where index < signal.count {
            let end = min(index + size, signal.count)
            pieces += resampler.process(Array(signal[index ..< end]))
            index = end
        }
        pieces += resampler.process(Array(signal[index...]))
        pieces += resampler.finish()
        #expect(pieces == whole)
        #expect(whole.count == 2400)
    }
}
