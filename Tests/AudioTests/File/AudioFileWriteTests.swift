import Foundation
import Testing
@testable import Audio

private typealias F = AudioFileFixtures

@Suite("AudioFile.write: PCM16, µ-law and A-law WAV")
struct AudioFileWriteTests {
    private static let samples: [Int16] = {
        let tone = F.pcm(F.sine(frequency: 697, amplitude: 0.9, rate: 8000, seconds: 0.25))
        return tone + [.min, .max, 0, -1, 1, -4, 4, -32124, 32124, 100, -100]
    }()

    @Test func pcm16RoundTrip() throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/pcm.wav"
        try AudioFile.write(AudioClip(samples: Self.samples), to: path)
        #expect(try AudioFile.read(path) == AudioClip(samples: Self.samples))
        #expect(F.bytes(path).count == 44 + 2 * Self.samples.count)
        let file = try SoundFileReader.open(path)
        #expect(file.info == SoundFileInfo(frames: Self.samples.count, sampleRate: 8000, channels: 1,
                                           container: 0x010000, encoding: 0x0002))
    }

    @Test("µ-law and A-law files hold G711's codes and read back as their decoding",
          arguments: [AudioEncoding.ulaw, .alaw])
    func companded(encoding: AudioEncoding) throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/\(encoding).wav"
        try AudioFile.write(AudioClip(samples: Self.samples), to: path, encoding: encoding)
        let codes = encoding == .ulaw ? G711.encodeULaw(Self.samples) : G711.encodeALaw(Self.samples)
        #expect(F.dataChunk(of: F.bytes(path)) == codes)
        let decoded = encoding == .ulaw ? G711.decodeULaw(codes) : G711.decodeALaw(codes)
        #expect(try AudioFile.read(path).samples == decoded)
        #expect(try AudioFile.duration(path) == Double(Self.samples.count) / 8000)
        let file = try SoundFileReader.open(path)
        #expect(file.info.encoding == (encoding == .ulaw ? 0x0010 : 0x0011))
        #expect(file.info.container == 0x010000)
        // Companding error stays within half a quantisation step of the segment (1/16 of the magnitude, roughly).
        for (original, back) in zip(Self.samples, decoded) {
            #expect(abs(Int(original) - Int(back)) <= max(abs(Int(original)) / 16, 16))
        }
    }

    @Test func writeReplacesAnExistingFile() throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/replace.wav"
        try AudioFile.write(AudioClip(samples: [Int16](repeating: 5, count: 1000)), to: path)
        try AudioFile.write(AudioClip(samples: [7, 8, 9]), to: path)
        #expect(try AudioFile.read(path).samples == [7, 8, 9])
    }

    @Test func clipBasics() {
        let clip = AudioClip(samples: [Int16](repeating: 0, count: 12000))
        #expect(clip.sampleRate == 8000)
        #expect(clip.duration == 1.5)
        #expect(clip == AudioClip(samples: [Int16](repeating: 0, count: 12000)))
        #expect(clip != AudioClip(samples: [0]))
    }
}
