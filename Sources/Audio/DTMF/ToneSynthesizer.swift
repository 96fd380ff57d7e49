import Foundation

/// One sine component: frequency in Hz and level in dBm0.
public struct ToneComponent: Sendable, Hashable {
    public var frequency: Double
    public var levelDBm0: Double

    public init(frequency: Double, levelDBm0: Double) {
        self.frequency = frequency
        self.levelDBm0 = levelDBm0
    }
}

/// Renders sums of sines as 8 kHz 16-bit PCM, saturating at the 16-bit limits.
public enum ToneSynthesizer {
    /// `count` samples of the sum of `components`. `phaseSample` offsets time so that
    /// consecutive renders of the same tone join without a phase jump.
    public static func render(_ components: [ToneComponent], count: Int, phaseSample: Int = 0) -> [Int16] {
        guard count > 0 else { return [] }
        var out = [Int16](repeating: 0, count: count)
        let fs = Double(DTMF.sampleRate)
        let parts = components.map { (2 * Double.pi * $0.frequency / fs, DBm0.amplitude($0.levelDBm0)) }
        for n in 0..<count {
            let t = Double(n + phaseSample)
            var v = 0.0
            for (w, a) in parts { v += a * sin(w * t) }
            out[n] = saturate(v)
        }
        return out
    }

    /// Rounds to the nearest 16-bit value, clamping out-of-range values (and NaN to 0).
    public static func saturate(_ value: Double) -> Int16 {
        guard value.isFinite else { return value.isNaN ? 0 : (value > 0 ? .max : .min) }
        let r = value.rounded()
        if r >= 32767 { return .max }
        if r <= -32768 { return .min }
        return Int16(r)
    }
}
