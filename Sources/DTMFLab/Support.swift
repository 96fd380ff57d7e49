import Audio
import Foundation

/// Deterministic generator (SplitMix64) so every run of `generate` writes the same files.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func int(below bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    /// Standard normal (Box–Muller).
    mutating func gaussian() -> Double {
        let u1 = max(unit(), 1e-300)
        let u2 = unit()
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }
}

/// G.711 µ-law, for the lab's round-trip category only (the product codec lives elsewhere).
enum MuLaw {
    static func encode(_ sample: Int16) -> UInt8 {
        let bias = 0x84
        var value = Int(sample)
        let sign = value < 0 ? 0x80 : 0
        if value < 0 { value = -value }
        value = min(value, 32635) + bias
        var exponent = 7
        var mask = 0x4000
        while exponent > 0 && value & mask == 0 {
            exponent -= 1
            mask >>= 1
        }
        let mantissa = (value >> (exponent + 3)) & 0x0F
        return UInt8(truncatingIfNeeded: ~(sign | (exponent << 4) | mantissa))
    }

    static func decode(_ byte: UInt8) -> Int16 {
        let u = Int(~byte)
        let sign = u & 0x80
        let exponent = (u >> 4) & 0x07
        let mantissa = u & 0x0F
        let magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84
        return Int16(sign != 0 ? -magnitude : magnitude)
    }

    static func roundTrip(_ samples: [Int16]) -> [Int16] { samples.map { decode(encode($0)) } }
}

enum RawAudio {
    /// Reads signed 16-bit little-endian samples (a trailing odd byte is ignored).
    static func read(_ path: String) -> [Int16]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let count = data.count / 2
        var out = [Int16](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            for i in 0..<count {
                out[i] = Int16(bitPattern: UInt16(bytes[2 * i]) | (UInt16(bytes[2 * i + 1]) << 8))
            }
        }
        return out
    }

    static func write(_ samples: [Int16], to path: String) -> Bool {
        var bytes = [UInt8](repeating: 0, count: samples.count * 2)
        for (i, s) in samples.enumerated() {
            let u = UInt16(bitPattern: s)
            bytes[2 * i] = UInt8(u & 0xFF)
            bytes[2 * i + 1] = UInt8(u >> 8)
        }
        return FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }
}

/// The detector configuration, with overrides from `DTMF_LAB_SET="name=value,..."` for tuning runs.
let labConfiguration: DTMFDetectorConfiguration = {
    var c = DTMFDetectorConfiguration()
    guard let spec = ProcessInfo.processInfo.environment["DTMF_LAB_SET"] else { return c }
    for item in spec.split(separator: ",") {
        let kv = item.split(separator: "=")
        guard kv.count == 2, let v = Double(kv[1]) else { fail("bad DTMF_LAB_SET item \(item)") }
        switch kv[0] {
        case "threshold": c.thresholdDBm0 = v
        case "reverseTwist": c.reverseTwistDB = v
        case "normalTwist": c.normalTwistDB = v
        case "relativePeak": c.relativePeakRowDB = v; c.relativePeakColumnDB = v
        case "probeOffset": c.frequencyProbeOffset = v
        case "probeRatio": c.probeRatio = v
        case "energyFraction": c.energyFraction = v
        case "stationarity": c.stationarityRatio = v
        case "hitsToStart": c.hitsToStart = Int(v)
        case "missesToEnd": c.missesToEnd = Int(v)
        case "minimumDuration": c.minimumDurationSamples = Int(v)
        default: fail("unknown DTMF_LAB_SET name \(kv[0])")
        }
    }
    return c
}()

func detectDigits(_ samples: [Int16]) -> String {
    var detector = DTMFDetector(configuration: labConfiguration)
    var events: [DTMFEvent] = []
    var offset = 0
    while offset < samples.count {
        let end = min(offset + 160, samples.count)
        events += samples[offset..<end].withUnsafeBufferPointer { detector.process($0) }
        offset = end
    }
    events += detector.finish()
    return String(events.map(\.digit))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}
