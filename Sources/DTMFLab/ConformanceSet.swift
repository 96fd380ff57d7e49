import Audio
import Foundation

/// One file of the Q.24 conformance set.
struct ConformanceCase {
    var category: String
    var name: String
    var samples: [Int16]
    /// Digits that must be reported, in order; empty for a must-not-operate case.
    var expected: String
}

/// The categories in report order, with the Q.24 (AT&T) expectation in the label.
let conformanceCategories: [String] = [
    "detune ±1.5% (accept)",
    "detune ±3.5% (reject)",
    "twist +4/-8 dB (accept)",
    "twist +8/-12 dB (reject)",
    "level 0..-25 dBm0 (accept)",
    "level -30/-35 dBm0 (accept+)",
    "level -55 dBm0 (reject)",
    "duration 40 ms (accept)",
    "duration 23 ms (reject)",
    "pause 40 ms (2 digits)",
    "dropout 10 ms (1 digit)",
    "velocity 93 ms/digit",
    "SNR 15 dB (accept)",
    "mu-law round trip",
]

/// Builds the conformance set deterministically (fixed seed).
func makeConformanceSet() -> [ConformanceCase] {
    var rng = SeededRandom(seed: 0x5124_2024)
    var cases: [ConformanceCase] = []
    let symbols = DTMF.symbols

    /// Lead-in silence (60–100 ms, random so block alignment varies), body, 150 ms tail.
    func frame(_ body: [Int16], _ rng: inout SeededRandom) -> [Int16] {
        let lead = 480 + rng.int(below: 320)
        return [Int16](repeating: 0, count: lead) + body + [Int16](repeating: 0, count: 1200)
    }
    func burst(_ symbol: Character, level: Double, twist: Double = 0, low: Double = 0, high: Double = 0,
               ms: Double = 50) -> [Int16] {
        let g = DTMFGenerator(onMilliseconds: ms, offMilliseconds: 0, levelDBm0: level, twistDB: twist,
                              lowFrequencyDeviation: low, highFrequencyDeviation: high)
        return g.tone(for: symbol) ?? []
    }
    func add(_ category: Int, _ name: String, _ body: [Int16], _ expected: String) {
        cases.append(ConformanceCase(category: conformanceCategories[category], name: name,
                                     samples: frame(body, &rng), expected: expected))
    }
    func tag(_ s: Character) -> String {
        switch s {
        case "*": "star"
        case "#": "hash"
        default: String(s)
        }
    }

    let detunings: [(String, Double, Double)] = [("lo+", 1, 0), ("lo-", -1, 0), ("hi+", 0, 1), ("hi-", 0, -1),
                                                 ("both+", 1, 1), ("both-", -1, -1)]
    for (category, amount) in [(0, 0.015), (1, 0.035)] {
        for s in symbols {
            for (label, lo, hi) in detunings {
                let body = burst(s, level: -10, low: lo * amount, high: hi * amount)
                add(category, "detune\(amount * 100)_\(tag(s))_\(label)", body, category == 0 ? String(s) : "")
            }
        }
    }
    // Twist: the stronger tone at `top` dBm0, the other 4 (reverse) or 8 (normal) dB lower.
    for s in symbols {
        for top in [-3.0, -7, -11, -15] {
            add(2, "twist+4_\(tag(s))_\(Int(top))", burst(s, level: top - 4, twist: 4), String(s))
            add(2, "twist-8_\(tag(s))_\(Int(top))", burst(s, level: top, twist: -8), String(s))
        }
        add(3, "twist+8_\(tag(s))", burst(s, level: -13, twist: 8), "")
        add(3, "twist-12_\(tag(s))", burst(s, level: -5, twist: -12), "")
    }
    for s in symbols {
        for level in [0.0, -5, -10, -15, -20, -25] {
            add(4, "level\(Int(level))_\(tag(s))", burst(s, level: level), String(s))
        }
        for level in [-30.0, -35] {
            add(5, "level\(Int(level))_\(tag(s))", burst(s, level: level), String(s))
        }
        add(6, "level-55_\(tag(s))", burst(s, level: -55), "")
    }
    for s in symbols {
        for variant in 0..<2 {
            add(7, "dur40_\(tag(s))_\(variant)", burst(s, level: -10 - 8 * Double(variant), ms: 40), String(s))
            add(8, "dur23_\(tag(s))_\(variant)", burst(s, level: -10 + 8 * Double(variant), ms: 23), "")
        }
    }
    for s in symbols {
        let tone = burst(s, level: -10)
        add(9, "pause40_\(tag(s))", tone + [Int16](repeating: 0, count: 320) + tone, String([s, s]))
        // A continuous 110 ms tone with 10 ms (80 samples) knocked out, at a varying place.
        var long = burst(s, level: -10, ms: 110)
        let at = 360 + rng.int(below: 80)
        for i in at..<(at + 80) { long[i] = 0 }
        add(10, "dropout10_\(tag(s))", long, String(s))
    }
    for variant in 0..<4 {
        let order = variant % 2 == 0 ? symbols : symbols.reversed()
        let g = DTMFGenerator(onMilliseconds: 40, offMilliseconds: 53, levelDBm0: -8 - 5 * Double(variant))
        add(11, "velocity_\(variant)", g.samples(for: String(order)) ?? [], String(order))
    }
    for s in symbols {
        for variant in 0..<4 {
            let level = -10.0 - 4 * Double(variant)
            let sigma = sqrt(DBm0.power(level) / pow(10, 15.0 / 10))
            let clean = frame(burst(s, level: level), &rng)
            let noisy = clean.map { ToneSynthesizer.saturate(Double($0) + sigma * rng.gaussian()) }
            cases.append(ConformanceCase(category: conformanceCategories[12], name: "snr15_\(tag(s))_\(variant)",
                                         samples: noisy, expected: String(s)))
        }
        for level in [0.0, -10, -20, -25] {
            let body = MuLaw.roundTrip(burst(s, level: level))
            add(13, "mulaw\(Int(level))_\(tag(s))", body, String(s))
        }
    }
    return cases
}
