import Foundation
import Testing
@testable import Audio

@Suite("DTMF generator and call-progress tones")
struct DTMFGeneratorTests {
    typealias S = DTMFTestSupport

    @Test("0 dBm0 sine peaks at 22826; a full-scale sine is +3.14 dBm0")
    func levelConvention() {
        #expect(abs(DBm0.amplitude(0) - 22826) < 0.5)
        #expect(abs(DBm0.level(ofPower: 32767.0 * 32767 / 2) - 3.14) < 0.01)
        let one = ToneSynthesizer.render([ToneComponent(frequency: 1000, levelDBm0: 0)], count: 8000)
        #expect(one.map { abs(Int($0)) }.max() == 22826)
    }

    @Test("tone levels, twist and detuning are what was asked")
    func components() {
        let g = DTMFGenerator(levelDBm0: -7, twistDB: -3, lowFrequencyDeviation: 0.01, highFrequencyDeviation: -0.02)
        let parts = g.components(for: "5") ?? []
        #expect(parts.count == 2)
        #expect(abs(parts[0].frequency - 770 * 1.01) < 1e-9)
        #expect(abs(parts[1].frequency - 1336 * 0.98) < 1e-9)
        #expect(parts[0].levelDBm0 == -7 && parts[1].levelDBm0 == -10)
        // Measured power matches the sum of the two tones.
        let samples = g.tone(for: "5") ?? []
        let power = samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)
        let expected = DBm0.power(-7) + DBm0.power(-10)
        #expect(abs(10 * log10(power / expected)) < 0.1)
    }

    @Test("cadence: on/off lengths and invalid symbols")
    func cadence() throws {
        let g = DTMFGenerator(onMilliseconds: 40, offMilliseconds: 60)
        let audio = g.samples(for: "12ab") ?? []
        #expect(audio.count == 4 * 800)
        #expect(audio[320..<800].allSatisfy { $0 == 0 })
        #expect(audio[0..<320].contains { $0 != 0 })
        #expect(g.samples(for: "12x") == nil)
        #expect(g.tone(for: "E") == nil)
        let hash = try #require(DTMF.frequencies(for: "#"))
        #expect(hash.low == 941 && hash.high == 1477)
        let d = try #require(DTMF.frequencies(for: "d"))
        #expect(d.low == 941 && d.high == 1633)
        #expect(DTMF.frequencies(for: "x") == nil)
    }

    @Test("call-progress tones follow their cadence and are not digits", arguments: CallProgressTone.allCases)
    func callProgress(tone: CallProgressTone) {
        let audio = tone.samples(count: 8000 * 7)
        #expect(audio.count == 56000)
        let (on, off) = tone.cadence
        #expect(audio[0..<on].contains { $0 != 0 })
        if off > 0 {
            #expect(audio[on..<(on + off)].allSatisfy { $0 == 0 })
        }
        #expect(S.detect(audio).isEmpty)
    }

    @Test("call-progress frequencies are the North American ones")
    func callProgressFrequencies() {
        #expect(CallProgressTone.dial.components.map(\.frequency) == [350, 440])
        #expect(CallProgressTone.busy.components.map(\.frequency) == [480, 620])
        #expect(CallProgressTone.ringback.components.map(\.frequency) == [440, 480])
        #expect(CallProgressTone.ringback.cadence == (16000, 32000))
        #expect(CallProgressTone.beep.components.map(\.frequency) == [1000])
    }

    @Test("a digit over dial tone is still found")
    func digitOverDialTone() {
        let dial = CallProgressTone.dial.samples(count: 4000).map { Int32($0) }
        var mix = S.framed(S.tone("3", level: -6, ms: 60), lead: 1500).map { Int32($0) }
        for i in 0..<min(dial.count, mix.count) { mix[i] += dial[i] / 4 }   // dial tone at about −25 dBm0
        let audio = mix.map { Int16(clamping: $0) }
        #expect(S.digits(audio) == "3")
    }
}
