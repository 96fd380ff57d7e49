import Testing
@testable import Audio

/// The Q.24 (AT&T column) limits, each exactly at its edge, for all 16 symbols.
@Suite("DTMF Q.24 limits")
struct DTMFQ24LimitTests {
    typealias S = DTMFTestSupport

    static let detunings: [(low: Double, high: Double)] = [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1)]

    @Test("all 16 symbols decode once each", arguments: DTMF.symbols)
    func decodesEverySymbol(symbol: Character) {
        #expect(S.digits(S.framed(S.tone(symbol))) == String(symbol))
    }

    @Test("±1.5 % detuning is accepted", arguments: DTMF.symbols)
    func acceptsDetuningAtTolerance(symbol: Character) {
        for d in Self.detunings {
            let signal = S.framed(S.tone(symbol, low: 0.015 * d.low, high: 0.015 * d.high))
            #expect(S.digits(signal) == String(symbol), "detuning \(d)")
        }
    }

    @Test("±3.5 % detuning is rejected", arguments: DTMF.symbols)
    func rejectsDetuningBeyondTolerance(symbol: Character) {
        for d in Self.detunings {
            let signal = S.framed(S.tone(symbol, low: 0.035 * d.low, high: 0.035 * d.high))
            #expect(S.digits(signal) == "", "detuning \(d)")
        }
    }

    @Test("twist +4 dB (reverse) and −8 dB (normal) are accepted", arguments: DTMF.symbols)
    func acceptsTwistAtLimits(symbol: Character) {
        for top in [-3.0, -9, -17] {
            #expect(S.digits(S.framed(S.tone(symbol, level: top - 4, twist: 4))) == String(symbol), "+4 dB, top \(top)")
            #expect(S.digits(S.framed(S.tone(symbol, level: top, twist: -8))) == String(symbol), "−8 dB, top \(top)")
        }
    }

    @Test("twist well beyond the limits (+8 dB, −12 dB) is rejected", arguments: DTMF.symbols)
    func rejectsExcessiveTwist(symbol: Character) {
        #expect(S.digits(S.framed(S.tone(symbol, level: -13, twist: 8))) == "")
        #expect(S.digits(S.framed(S.tone(symbol, level: -5, twist: -12))) == "")
    }

    @Test("levels 0 to −25 dBm0 per tone are accepted (and −35)", arguments: DTMF.symbols)
    func acceptsLevelRange(symbol: Character) {
        for level in [0.0, -5, -12.5, -25, -35] {
            #expect(S.digits(S.framed(S.tone(symbol, level: level))) == String(symbol), "level \(level)")
        }
    }

    @Test("−55 dBm0 per tone is rejected", arguments: DTMF.symbols)
    func rejectsLowLevel(symbol: Character) {
        #expect(S.digits(S.framed(S.tone(symbol, level: -55))) == "")
    }

    @Test("40 ms tones are accepted and 23 ms tones rejected at any alignment", arguments: DTMF.symbols)
    func durationLimits(symbol: Character) {
        for lead in [480, 497, 503, 519] {
            #expect(S.digits(S.framed(S.tone(symbol, ms: 40), lead: lead)) == String(symbol), "40 ms, lead \(lead)")
            #expect(S.digits(S.framed(S.tone(symbol, ms: 23), lead: lead)) == "", "23 ms, lead \(lead)")
            #expect(S.digits(S.framed(S.tone(symbol, level: 0, ms: 23), lead: lead)) == "", "23 ms at 0 dBm0")
        }
    }

    @Test("a 40 ms pause separates two identical digits", arguments: DTMF.symbols)
    func pauseSeparates(symbol: Character) {
        for lead in [480, 505] {
            let t = S.tone(symbol, ms: 40)
            #expect(S.digits(S.framed(t + S.silence(ms: 40) + t, lead: lead)) == String([symbol, symbol]))
        }
    }

    @Test("a 10 ms interruption is bridged", arguments: DTMF.symbols)
    func dropoutBridged(symbol: Character) {
        for at in stride(from: 320, through: 400, by: 10) {
            var t = S.tone(symbol, ms: 100)
            for i in at..<(at + 80) { t[i] = 0 }
            #expect(S.digits(S.framed(t)) == String(symbol), "dropout at \(at)")
        }
    }

    @Test("15 dB SNR (white noise against each tone)", arguments: DTMF.symbols)
    func noisy(symbol: Character) {
        for seed in UInt64(1)...3 {
            let clean = S.framed(S.tone(symbol, level: -15))
            #expect(S.digits(S.addNoise(clean, toneLevel: -15, snr: 15, seed: seed)) == String(symbol), "seed \(seed)")
        }
        // Noise alone at that level is not a digit.
        #expect(S.digits(S.addNoise(S.silence(ms: 500), toneLevel: -15, snr: 15, seed: 9)) == "")
    }

    @Test("µ-law round trip", arguments: DTMF.symbols)
    func muLaw(symbol: Character) {
        for level in [0.0, -10, -25] {
            let signal = S.muLawRoundTrip(S.framed(S.tone(symbol, level: level)))
            #expect(S.digits(signal) == String(symbol), "level \(level)")
        }
    }

    @Test("10 digits per second (40 ms on, 53 ms off)")
    func signallingVelocity() {
        let g = DTMFGenerator(onMilliseconds: 40, offMilliseconds: 53, levelDBm0: -10)
        let sequence = "0123456789*#ABCD"
        #expect(S.digits(S.framed(g.samples(for: sequence) ?? [])) == sequence)
    }
}
