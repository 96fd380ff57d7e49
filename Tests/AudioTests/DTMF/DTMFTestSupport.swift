import Foundation
@testable import Audio

/// Helpers shared by the DTMF tests: signal building, detection in chunks, a small G.711
/// µ-law codec, a WAV PCM16 reader and a resampler for espeak-ng's 22.05 kHz output.
enum DTMFTestSupport {
    /// Deterministic SplitMix64 with Gaussian samples.
    struct Random {
        private var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func int(below bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
        mutating func gaussian() -> Double {
            sqrt(-2 * log(max(unit(), 1e-300))) * cos(2 * Double.pi * unit())
        }
    }

    static func silence(ms: Double) -> [Int16] {
        [Int16](repeating: 0, count: DTMFGenerator.samples(milliseconds: ms))
    }

    /// One burst of `symbol` with the given parameters (no silence around it).
    static func tone(_ symbol: Character, level: Double = -10, twist: Double = 0, low: Double = 0, high: Double = 0,
                     ms: Double = 50) -> [Int16] {
        DTMFGenerator(onMilliseconds: ms, offMilliseconds: 0, levelDBm0: level, twistDB: twist,
                      lowFrequencyDeviation: low, highFrequencyDeviation: high).tone(for: symbol) ?? []
    }

    /// `body` with `lead` samples of silence before it and 150 ms after.
    static func framed(_ body: [Int16], lead: Int = 517) -> [Int16] {
        [Int16](repeating: 0, count: lead) + body + silence(ms: 150)
    }

    /// Runs a fresh detector over `samples` in chunks of `chunk`, then finishes.
    static func detect(_ samples: [Int16], chunk: Int = 160,
                       configuration: DTMFDetectorConfiguration = .init()) -> [DTMFEvent] {
        var detector = DTMFDetector(configuration: configuration)
        var events: [DTMFEvent] = []
        var offset = 0
        while offset < samples.count {
            let end = min(offset + max(chunk, 1), samples.count)
            events += Array(samples[offset..<end]).withUnsafeBufferPointer { detector.process($0) }
            offset = end
        }
        return events + detector.finish()
    }

    static func digits(_ samples: [Int16]) -> String {
        String(detect(samples).map(\.digit))
    }

    /// Adds white Gaussian noise `snr` dB below one tone at `level` dBm0.
    static func addNoise(_ samples: [Int16], toneLevel level: Double, snr: Double, seed: UInt64) -> [Int16] {
        var rng = Random(seed: seed)
        let sigma = sqrt(DBm0.power(level) / pow(10, snr / 10))
        return samples.map { ToneSynthesizer.saturate(Double($0) + sigma * rng.gaussian()) }
    }

    // MARK: G.711 µ-law (test-only; the product codec lives in the G711 module)

    static func muLawEncode(_ sample: Int16) -> UInt8 {
        var value = Int(sample)
        let sign = value < 0 ? 0x80 : 0
        if value < 0 { value = -value }
        value = min(value, 32635) + 0x84
        var exponent = 7
        var mask = 0x4000
        while exponent > 0 && value & mask == 0 {
            exponent -= 1
            mask >>= 1
        }
        let mantissa = (value >> (exponent + 3)) & 0x0F
        return UInt8(truncatingIfNeeded: ~(sign | (exponent << 4) | mantissa))
    }

    static func muLawDecode(_ byte: UInt8) -> Int16 {
        let u = Int(~byte)
        let magnitude = ((((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 0x07)) - 0x84
        return Int16(u & 0x80 != 0 ? -magnitude : magnitude)
    }

    static func muLawRoundTrip(_ samples: [Int16]) -> [Int16] { samples.map { muLawDecode(muLawEncode($0)) } }

    // MARK: WAV

    /// Mono/stereo PCM16 WAV → (sample rate, first-channel samples); nil for anything else.
    static func readWAV(_ data: Data) -> (rate: Int, samples: [Int16])? {
        let bytes = [UInt8](data)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8)
        else { return nil }
        var offset = 12
        var rate = 0, channels = 0, bits = 0, format = 0
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = u32(offset + 4)
            let body = offset + 8
            if id == "fmt ", body + 16 <= bytes.count {
                format = u16(body)
                channels = u16(body + 2)
                rate = u32(body + 4)
                bits = u16(body + 14)
            } else if id == "data" {
                guard format == 1 || format == 0xFFFE, bits == 16, channels >= 1 else { return nil }
                let end = min(bytes.count, body + size)   // streamed WAVs may claim 0x7FFFFFFF
                let frame = 2 * channels
                var samples: [Int16] = []
                samples.reserveCapacity((end - body) / frame)
                var i = body
                while i + frame <= end {
                    samples.append(Int16(bitPattern: UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8))
                    i += frame
                }
                return (rate, samples)
            }
            offset = body + size + (size & 1)
        }
        return nil
    }

    /// Windowed-sinc resampling to 8 kHz (low-pass at 3.6 kHz).
    static func resampleTo8k(_ samples: [Int16], from rate: Int) -> [Int16] {
        guard rate != 8000, rate > 0 else { return samples }
        let ratio = Double(rate) / 8000
        let cutoff = 3600 / Double(rate)
        let half = 24
        let count = Int(Double(samples.count) / ratio)
        var out = [Int16](repeating: 0, count: count)
        for n in 0..<count {
            let centre = Double(n) * ratio
            let base = Int(centre)
            var acc = 0.0
            for k in (base - half)...(base + half) where k >= 0 && k < samples.count {
                let t = Double(k) - centre
                let sinc = t == 0 ? 2 * cutoff : sin(2 * Double.pi * cutoff * t) / (Double.pi * t)
                let window = 0.5 + 0.5 * cos(Double.pi * t / Double(half + 1))
                acc += Double(samples[k]) * sinc * window
            }
            out[n] = ToneSynthesizer.saturate(acc)
        }
        return out
    }

    // MARK: External material

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let espeakPath = executable("espeak-ng")

    /// espeak-ng speech for `text`, at 8 kHz; nil if espeak-ng fails.
    static func speak(_ text: String, voice: String = "en", pitch: Int = 50) -> [Int16]? {
        guard let espeak = espeakPath else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: espeak)
        process.arguments = ["--stdout", "-v", voice, "-p", String(pitch), text]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let wav = readWAV(data) else { return nil }
        return resampleTo8k(wav.samples, from: wav.rate)
    }

    static let asteriskSounds = "/usr/share/asterisk/sounds/en/"

    /// Every WAV prompt of the Asterisk core sounds package, sorted.
    static func asteriskPrompts() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: asteriskSounds) else { return [] }
        var files: [String] = []
        while let next = walker.nextObject() as? String {
            if next.hasSuffix(".wav") { files.append(asteriskSounds + next) }
        }
        return files.sorted()
    }

    static let asteriskAvailable = !asteriskPrompts().isEmpty
}
