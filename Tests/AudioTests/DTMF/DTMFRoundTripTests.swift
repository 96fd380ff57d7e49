import Testing
@testable import Audio

/// Generator → detector over a grid of levels, durations, pauses, twist and detuning.
@Suite("DTMF generator/detector round trip")
struct DTMFRoundTripTests {
    typealias S = DTMFTestSupport

    struct Case: Sendable, CustomStringConvertible {
        var level: Double
        var onMs: Double
        var offMs: Double
        var twist: Double
        var deviation: Double
        var description: String { "L\(level) on\(onMs) off\(offMs) tw\(twist) dev\(deviation)" }
    }

    static let grid: [Case] = {
        var cases: [Case] = []
        for level in [-3.0, -15, -24] {
            for (on, off) in [(45.0, 45.0), (70, 60), (120, 100)] {
                for twist in [-6.0, 0, 3] {
                    for deviation in [-0.012, 0, 0.012] {
                        cases.append(Case(level: level, onMs: on, offMs: off, twist: twist, deviation: deviation))
                    }
                }
            }
        }
        return cases
    }()

    @Test("every digit string comes back exactly", arguments: grid)
    func roundTrip(c: Case) {
        let digits = "159D*0#2A6B3C748"
        let g = DTMFGenerator(onMilliseconds: c.onMs, offMilliseconds: c.offMs, levelDBm0: c.level, twistDB: c.twist,
                              lowFrequencyDeviation: c.deviation, highFrequencyDeviation: -c.deviation)
        let audio = g.samples(for: digits) ?? []
        #expect(!audio.isEmpty)
        let events = S.detect(S.framed(audio))
        #expect(String(events.map(\.digit)) == digits)
        for (event, index) in zip(events, 0...) {
            let expectedStart = 517 + index * (g.onSamples + g.offSamples)
            #expect(abs(event.startSample - expectedStart) <= 40, "\(event) expected start \(expectedStart)")
            #expect(abs(event.durationSamples - g.onSamples) <= 40, "\(event) expected duration \(g.onSamples)")
        }
    }

    @Test("a held key is one digit with its full duration")
    func longPress() {
        let events = S.detect(S.framed(S.tone("5", ms: 2000)))
        #expect(events.count == 1)
        #expect(events.first?.digit == "5")
        #expect(abs((events.first?.durationSamples ?? 0) - 16000) <= 40)
    }

    @Test("different digits back to back without a pause")
    func backToBack() {
        let body = S.tone("1", ms: 60) + S.tone("9", ms: 60) + S.tone("#", ms: 60)
        #expect(S.digits(S.framed(body)) == "19#")
    }
}
