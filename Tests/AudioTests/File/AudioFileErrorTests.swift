import Foundation
import Testing
@testable import Audio

private typealias F = AudioFileFixtures

@Suite("AudioFile errors: broken files are reported, never crash")
struct AudioFileErrorTests {
    /// Which case an error is, without its details.
    enum Kind: Equatable { case notFound, unreadable, unsupportedFormat, truncated, empty, writeFailed }

    static func kind(_ error: AudioFileError) -> Kind {
        switch error {
        case .notFound: .notFound
        case .unreadable: .unreadable
        case .unsupportedFormat: .unsupportedFormat
        case .truncated: .truncated
        case .empty: .empty
        case .writeFailed: .writeFailed
        }
    }

    /// Reads `path` (and its duration) expecting `expected`; the error must name the file.
    private func expectFailure(_ path: String, _ expected: Kind, sourceLocation: SourceLocation = #_sourceLocation) {
        for operation in ["read", "duration"] {
            do throws(AudioFileError) {
                if operation == "read" { _ = try AudioFile.read(path) } else { _ = try AudioFile.duration(path) }
                Issue.record("\(operation) \(path) succeeded, expected \(expected)", sourceLocation: sourceLocation)
            } catch {
                #expect(Self.kind(error) == expected, "\(operation): \(error)", sourceLocation: sourceLocation)
                #expect(error.path == path, sourceLocation: sourceLocation)
                #expect(error.description.contains(path), sourceLocation: sourceLocation)
            }
        }
    }

    /// A valid 8 kHz PCM WAV of 800 samples (44-byte header).
    private func validWAV() -> [UInt8] {
        let samples = F.pcm(F.sine(frequency: 440, amplitude: 0.3, rate: 8000, seconds: 0.1))
        return F.rawWAV(formatTag: 1, bitsPerSample: 16, payload: samples.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] })
    }

    @Test func missingFile() {
        expectFailure("/nonexistent-directory/\(UUID().uuidString).wav", .notFound)
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        expectFailure(directory + "/missing.wav", .notFound)
    }

    @Test func directory() {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        expectFailure(directory, .unreadable)
    }

    @Test("A FIFO is refused without blocking") func fifo() throws {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/pipe.wav"
        try #require(mkfifo(path, 0o600) == 0)
        expectFailure(path, .unreadable)
    }

    @Test func zeroBytes() {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/zero.wav"
        F.write([], to: path)
        expectFailure(path, .empty)
    }

    @Test func textFile() {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/readme.wav"
        F.write(Array("This is not audio, just a text file that happens to end in .wav\n".utf8), to: path)
        expectFailure(path, .unsupportedFormat)
        let garbage = directory + "/garbage.wav"
        F.write((0 ..< 5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 / 3) }, to: garbage)
        expectFailure(garbage, .unsupportedFormat)
    }

    @Test func truncatedHeader() {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let wav = validWAV()
        for length in [4, 11, 12, 20, 30, 36, 43] {
            let path = directory + "/header-\(length).wav"
            F.write(Array(wav.prefix(length)), to: path)
            expectFailure(path, .truncated)
        }
    }

    @Test func truncatedData() {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let wav = validWAV()
        for length in [44, 45, 46, 100, wav.count / 2, wav.count - 1] {
            let path = directory + "/data-\(length).wav"
            F.write(Array(wav.prefix(length)), to: path)
            expectFailure(path, .truncated)
        }
        #expect(throws: Never.self) { try AudioFile.read(self.writeFull(wav, directory)) }
    }

    private func writeFull(_ wav: [UInt8], _ directory: String) -> String {
        let path = directory + "/full.wav"
        F.write(wav, to: path)
        return path
    }

    @Test("A file cut at every length is either read or reported") func everyCut() {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let wav = validWAV()
        let path = directory + "/cut.wav"
        for length in Array(0 ... 60) + Array(stride(from: 61, to: wav.count, by: 37)) + [wav.count] {
            F.write(Array(wav.prefix(length)), to: path)
            let expected: Kind? = length == 0 ? .empty : length < wav.count ? .truncated : nil
            do throws(AudioFileError) {
                let clip = try AudioFile.read(path)
                #expect(expected == nil, "length \(length) read as \(clip.samples.count) samples")
            } catch {
                #expect(Self.kind(error) == expected, "length \(length): \(error)")
            }
        }
    }

    @Test func headerWithoutSamples() {
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        let path = directory + "/silent.wav"
        F.write(F.rawWAV(formatTag: 1, bitsPerSample: 16, payload: []), to: path)
        expectFailure(path, .empty)
    }

    @Test func truncatedAIFFAndAU() throws {
        try #require(F.hasSox, "sox is not installed")
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        for ext in ["aiff", "au"] {
            let full = directory + "/full.\(ext)"
            #expect(F.sox(["-D", "-n", "-r", "8000", "-c", "1", "-b", "16", full, "synth", "0.5", "sine", "440"]))
            let bytes = F.bytes(full)
            #expect(throws: Never.self) { try AudioFile.read(full) }
            for length in [10, bytes.count / 2] {
                let path = directory + "/cut-\(length).\(ext)"
                F.write(Array(bytes.prefix(length)), to: path)
                expectFailure(path, .truncated)
            }
        }
    }

    @Test func writeFailures() {
        let clip = AudioClip(samples: [1, 2, 3])
        let directory = F.scratchDirectory()
        defer { F.remove(directory) }
        for path in ["/nonexistent-directory/\(UUID().uuidString)/x.wav", directory] {
            do throws(AudioFileError) {
                try AudioFile.write(clip, to: path)
                Issue.record("writing \(path) succeeded")
            } catch {
                #expect(Self.kind(error) == .writeFailed, "\(error)")
                #expect(error.description.contains(path))
            }
        }
    }

    @Test func descriptionsNameTheFile() {
        let errors: [AudioFileError] = [
            .notFound(path: "/a/b.wav"), .unreadable(path: "/a/b.wav", reason: "r"),
            .unsupportedFormat(path: "/a/b.wav", reason: "r"), .truncated(path: "/a/b.wav", reason: "r"),
            .empty(path: "/a/b.wav"), .writeFailed(path: "/a/b.wav", reason: "r"),
        ]
        for error in errors {
            #expect(error.path == "/a/b.wav")
            #expect(error.description.hasPrefix("/a/b.wav: "))
        }
        #expect(Set(errors.map { "\(Self.kind($0))" }).count == 6)
    }
}
