/// DTMF tone generator (8 kHz, 16-bit). Levels follow the spandsp convention (0 dBm0 sine
/// peak 22826). `twistDB` is the high-group level minus the low-group level, so +4 is
/// Q.24's "reverse twist" edge and −8 its "normal twist" edge.
public struct DTMFGenerator: Sendable {
    /// Tone length per digit, in samples (default 50 ms).
    public var onSamples: Int
    /// Silence after each digit, in samples (default 50 ms).
    public var offSamples: Int
    /// Level of the low-group (row) tone, dBm0.
    public var levelDBm0: Double
    /// High-group level minus low-group level, dB.
    public var twistDB: Double
    /// Relative frequency error of the low tone (0.015 = +1.5 %).
    public var lowFrequencyDeviation: Double
    /// Relative frequency error of the high tone.
    public var highFrequencyDeviation: Double

    public init(onMilliseconds: Double = 50, offMilliseconds: Double = 50, levelDBm0: Double = -10,
                twistDB: Double = 0, lowFrequencyDeviation: Double = 0, highFrequencyDeviation: Double = 0) {
        onSamples = Self.samples(milliseconds: onMilliseconds)
        offSamples = Self.samples(milliseconds: offMilliseconds)
        self.levelDBm0 = levelDBm0
        self.twistDB = twistDB
        self.lowFrequencyDeviation = lowFrequencyDeviation
        self.highFrequencyDeviation = highFrequencyDeviation
    }

    /// Milliseconds to whole samples at 8 kHz (negative and non-finite values give 0).
    public static func samples(milliseconds: Double) -> Int {
        guard milliseconds.isFinite, milliseconds > 0 else { return 0 }
        return Int((milliseconds * Double(DTMF.sampleRate) / 1000).rounded())
    }

    /// The two components of `symbol` with this generator's levels and detuning.
    public func components(for symbol: Character) -> [ToneComponent]? {
        guard let f = DTMF.frequencies(for: symbol) else { return nil }
        return [
            ToneComponent(frequency: f.low * (1 + lowFrequencyDeviation), levelDBm0: levelDBm0),
            ToneComponent(frequency: f.high * (1 + highFrequencyDeviation), levelDBm0: levelDBm0 + twistDB),
        ]
    }

    /// One tone burst of `symbol` (`onSamples` long, no trailing silence), or nil for a
    /// character that is not a DTMF symbol.
    public func tone(for symbol: Character) -> [Int16]? {
        guard let parts = components(for: symbol) else { return nil }
        return ToneSynthesizer.render(parts, count: onSamples)
    }

    /// Each symbol as `onSamples` of tone then `offSamples` of silence. Returns nil if any
    /// character is not a DTMF symbol (`0`–`9`, `*`, `#`, `A`–`D`, `a`–`d`).
    public func samples(for digits: String) -> [Int16]? {
        var out: [Int16] = []
        out.reserveCapacity(digits.count * (onSamples + offSamples))
        for symbol in digits {
            guard let burst = tone(for: symbol) else { return nil }
            out += burst
            out += [Int16](repeating: 0, count: offSamples)
        }
        return out
    }
}
