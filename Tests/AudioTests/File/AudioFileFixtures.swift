import Foundation
import Testing
@testable import Audio

/// Scratch files, synthetic signals and measurements for the audio file tests.
enum AudioFileFixtures {
    /// A fresh empty directory under the system temporary directory.
    static func scratchDirectory(_ label: String = #function) -> String {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "audio-file-tests-\(safe)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// A sine wave as floats: `amplitude * sin(2π f n / rate)`.
    static func sine(frequency: Double, amplitude: Double, rate: Int, seconds: Double, phase: Double = 0) -> [Double] {
        let count = Int((Double(rate) * seconds).rounded())
        return (0 ..< count).map { amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(rate) + phase) }
    }

    static func pcm(_ signal: [Double]) -> [Int16] {
        signal.map { Int16(max(-32768, min(32767, ($0 * 32768).rounded()))) }
    }

    /// Writes interleaved 16-bit samples as a PCM WAV at `rate` with our writer.
    static func writeWAV(_ samples: [Int16], channels: Int = 1, rate: Int, to path: String) throws {
        try AudioFile.write(interleaved: samples, channels: channels, sampleRate: rate, to: path, encoding: .pcm16)
    }

    /// Amplitude of the `frequency` component of `samples` (8 kHz, full scale 32768), by correlation over
    /// the middle of the signal (edges skipped), as a fraction of full scale.
    static func amplitude(of frequency: Double, in samples: [Int16], rate: Int = 8000, skip: Int = 400) -> Double {
        let window = Array(samples.dropFirst(skip).dropLast(skip))
        guard !window.isEmpty else { return 0 }
        var re = 0.0, im = 0.0
        for (n, value) in window.enumerated() {
            let angle = 2 * Double.pi * frequency * Double(n + skip) / Double(rate)
            re += Double(value) * cos(angle)
            im += Double(value) * sin(angle)
        }
        return 2 * (re * re + im * im).squareRoot() / Double(window.count) / 32768
    }

    /// RMS of the middle of `samples` as a fraction of full scale.
    static func rms(_ samples: [Int16], skip: Int = 400) -> Double {
        let window = samples.dropFirst(skip).dropLast(skip)
        guard !window.isEmpty else { return 0 }
        let power = window.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(window.count)
        return power.squareRoot() / 32768
    }

    static func decibels(_ ratio: Double) -> Double { 20 * log10(max(ratio, 1e-12)) }

    /// Sign changes in the middle of `samples`.
    static func zeroCrossings(_ samples: [Int16], skip: Int = 400) -> Int {
        let window = Array(samples.dropFirst(skip).dropLast(skip))
        return zip(window, window.dropFirst()).count { ($0 < 0) != ($1 < 0) }
    }

    /// The full path of a program on PATH, if any.
    static func program(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let hasSox = program("sox") != nil

    /// Runs sox with `arguments`; true when it exits 0.
    @discardableResult
    static func sox(_ arguments: [String]) -> Bool {
        guard let sox = program("sox") else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sox)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A minimal 44-byte-header WAV holding `payload` as it is (format tag 1 PCM, 6 A-law, 7 µ-law).
    static func rawWAV(formatTag: UInt16, bitsPerSample: UInt16, rate: UInt32 = 8000, payload: [UInt8]) -> [UInt8] {
        func le32(_ v: UInt32) -> [UInt8] { (0 ..< 4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        let blockAlign = bitsPerSample / 8
        var bytes = Array("RIFF".utf8) + le32(UInt32(36 + payload.count)) + Array("WAVE".utf8)
        bytes += Array("fmt ".utf8) + le32(16) + le16(formatTag) + le16(1) + le32(rate)
        bytes += le32(rate * UInt32(blockAlign)) + le16(blockAlign) + le16(bitsPerSample)
        bytes += Array("data".utf8) + le32(UInt32(payload.count)) + payload
        return bytes
    }

    /// The bytes of a RIFF file's `data` chunk.
    static func dataChunk(of bytes: [UInt8]) -> [UInt8]? {
        func le32(_ i: Int) -> Int { (0 ..< 4).reduce(0) { $0 | Int(bytes[i + $1]) << (8 * $1) } }
        var offset = 12
        while offset + 8 <= bytes.count {
            let length = le32(offset + 4)
            if bytes[offset ..< offset + 4].elementsEqual("data".utf8) {
                return Array(bytes[(offset + 8) ..< min(bytes.count, offset + 8 + length)])
            }
            offset += 8 + length + (length & 1)
        }
        return nil
    }

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
}
