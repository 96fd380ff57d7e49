import Foundation

/// Level conversions in the spandsp convention: a full-scale 16-bit sine is +3.14 dBm0,
/// so a 0 dBm0 sine has a peak of 22826 (`DBM0_MAX_SINE_POWER` in spandsp's `telephony.h`).
public enum DBm0 {
    /// Peak amplitude of a 0 dBm0 sine in 16-bit PCM.
    public static let zeroDBm0Peak: Double = 22826

    /// Peak amplitude of a sine at `level` dBm0.
    public static func amplitude(_ level: Double) -> Double {
        zeroDBm0Peak * pow(10, level / 20)
    }

    /// Mean-square power (PCM units²) of a sine at `level` dBm0.
    public static func power(_ level: Double) -> Double {
        let a = amplitude(level)
        return a * a / 2
    }

    /// The level in dBm0 of a mean-square power; -infinity for silence.
    public static func level(ofPower power: Double) -> Double {
        guard power > 0 else { return -.infinity }
        return 10 * log10(power / (zeroDBm0Peak * zeroDBm0Peak / 2))
    }
}
