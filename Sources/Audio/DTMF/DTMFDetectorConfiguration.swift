/// Tuning of ``DTMFDetector``. The names follow spandsp's `dtmf.c` where an idea is shared.
///
/// Analysis runs on sub-blocks of ``subBlockSize`` samples (the hop). Each of the eight
/// filters sums its last N sub-blocks coherently, with N chosen per filter so that every
/// filter spans about the same number of cycles: a given *relative* detuning then costs
/// every filter the same, which is what the Q.24 ±1.5 % / ±3.5 % limits are about.
/// The defaults hold the AT&T column of Q.24 with margin on both sides of each edge.
public struct DTMFDetectorConfiguration: Sendable, Equatable {
    /// Hop and sub-block length in samples (default 40 = 5 ms). Clamped to 16...160.
    public var subBlockSize: Int = 40

    /// Window length of each row filter (697, 770, 852, 941 Hz), in sub-blocks.
    public var rowWindowSubBlocks: [Int] = [5, 5, 4, 4]

    /// Window length of each column filter (1209, 1336, 1477, 1633 Hz), in sub-blocks.
    public var columnWindowSubBlocks: [Int] = [3, 3, 2, 2]

    /// Minimum level of each tone, dBm0 (spandsp: −42). Q.24 AT&T: operate at −25, not at −55.
    public var thresholdDBm0: Double = -40

    /// Largest accepted reverse twist (high group louder than low), dB. Q.24: must accept 4.
    public var reverseTwistDB: Double = 6

    /// Largest accepted normal twist (low group louder than high), dB. Q.24: must accept 8.
    public var normalTwistDB: Double = 10

    /// Every other row must be at least this far below the strongest row, dB.
    public var relativePeakRowDB: Double = 8

    /// Every other column must be at least this far below the strongest column, dB.
    public var relativePeakColumnDB: Double = 8

    /// Offset of the two frequency probes beside each nominal frequency, as a fraction of
    /// it. A tone is accepted when the nominal bin beats both probes, which puts the
    /// accept/reject edge at half this offset: 0.05 → ±2.5 %, midway between Q.24's
    /// ±1.5 % (must operate) and ±3.5 % (must not operate).
    public var frequencyProbeOffset: Double = 0.05

    /// The nominal bin must exceed each probe by this factor (1 = the midpoint rule).
    public var probeRatio: Double = 1

    /// Row power + column power must be at least this fraction of the total power in the
    /// window. Each tone's power is read at the best of five bins (nominal, ±1 %, ±2 %)
    /// over the pair's longest window, so detuning within tolerance and the other tone's
    /// leakage hardly eat into the margin (spandsp's 0.82 against single short bins is
    /// what costs it digits at ±1.5 %). Measured on this design: the conformance set and
    /// the round-trip grid pass up to about 0.87; talk-off on the Asterisk prompts
    /// appears below 0.7. 0.78 sits midway in dB.
    public var energyFraction: Double = 0.78

    /// Every sub-block in the window must hold at least this fraction of the window's mean
    /// energy: the window must lie inside the tone, so timing does not depend on level.
    public var stationarityRatio: Double = 0.4

    /// Hit windows needed before a run can become a digit.
    public var hitsToStart: Int = 2

    /// Length of a gap, in sub-blocks, that ends a digit (default 5 = 25 ms). A gap of g
    /// sub-blocks costs g + N − 1 consecutive non-hit hops, N being the row window, so the
    /// run ends after `missesToEnd + N − 1` misses. A 10 ms dropout spoils at most 3
    /// sub-blocks (bridged); a 40 ms pause at least 7 (separates). Clamped to 1...8.
    public var missesToEnd: Int = 5

    /// Shortest accepted tone, samples (240 = 30 ms; Q.24: accept 40 ms, reject 23 ms).
    public var minimumDurationSamples: Int = 240

    public init() {}
}
