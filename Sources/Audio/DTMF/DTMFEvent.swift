/// One detected DTMF digit. Positions are sample counts at 8 kHz, absolute from the
/// start of the stream given to the detector.
public struct DTMFEvent: Sendable, Hashable, CustomStringConvertible {
    /// One of `0`–`9`, `*`, `#`, `A`–`D`.
    public var digit: Character
    /// Estimated first sample of the tone.
    public var startSample: Int
    /// Estimated tone length in samples (10 ms dropouts that were bridged are included).
    public var durationSamples: Int

    public init(digit: Character, startSample: Int, durationSamples: Int) {
        self.digit = digit
        self.startSample = startSample
        self.durationSamples = durationSamples
    }

    /// End of the tone (exclusive), in samples.
    public var endSample: Int { startSample + durationSamples }

    public var description: String {
        "\(digit)@\(startSample)+\(durationSamples)"
    }
}
