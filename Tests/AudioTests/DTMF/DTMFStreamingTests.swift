import Testing
@testable import Audio

@Suite("DTMF detector streaming and robustness")
struct DTMFStreamingTests {
    typealias S = DTMFTestSupport

    static let signal: [Int16] = {
        let g = DTMFGenerator(onMilliseconds: 55, offMilliseconds: 45, levelDBm0: -12)
        var audio = S.framed(g.samples(for: "7*3#0D") ?? [])
        // A tone still sounding when the stream ends.
        audio += S.tone("8", ms: 80)
        return S.addNoise(audio, toneLevel: -12, snr: 25, seed: 4)
    }()

    @Test("events do not depend on chunk size", arguments: [1, 2, 3, 7, 39, 40, 41, 160, 1000, 100_000])
    func chunking(chunk: Int) {
        let reference = S.detect(Self.signal, chunk: 160)
        #expect(String(reference.map(\.digit)) == "7*3#0D8")
        #expect(S.detect(Self.signal, chunk: chunk) == reference)
    }

    @Test("irregular chunk sizes give identical events")
    func irregularChunks() {
        let reference = S.detect(Self.signal, chunk: 160)
        var rng = S.Random(seed: 77)
        var detector = DTMFDetector()
        var events: [DTMFEvent] = []
        var offset = 0
        while offset < Self.signal.count {
            let end = min(offset + rng.int(below: 300), Self.signal.count)
            events += detector.process(Array(Self.signal[offset..<end]))
            offset = end
        }
        events += detector.finish()
        #expect(events == reference)
    }

    @Test("finish flushes a tone that runs to the end of the stream")
    func finishFlushes() {
        var detector = DTMFDetector()
        let during = detector.process(S.silence(ms: 30) + S.tone("4", ms: 300))
        #expect(during.isEmpty)
        let flushed = detector.finish()
        #expect(flushed.map(\.digit) == ["4"])
        #expect(detector.finish().isEmpty)
    }

    @Test("positions stay absolute across finish()")
    func positionsAfterFinish() {
        var detector = DTMFDetector()
        let first = S.framed(S.tone("2", ms: 60), lead: 400)
        let a = detector.process(first) + detector.finish()
        let b = detector.process(S.framed(S.tone("3", ms: 60), lead: 400)) + detector.finish()
        #expect(a.map(\.digit) == ["2"])
        #expect(b.map(\.digit) == ["3"])
        if let e = b.first {
            #expect(abs(e.startSample - (first.count + 400)) <= 40)
        }
        #expect(detector.samplesProcessed == 2 * first.count)
    }

    @Test("extreme samples: full-scale square waves, Int16.min runs, alternating extremes")
    func extremeInput() {
        var extremes: [Int16] = []
        for n in 0..<8000 { extremes.append((n / 4) % 2 == 0 ? .max : .min) }    // 1 kHz square
        extremes += [Int16](repeating: .min, count: 4000)
        for n in 0..<4000 { extremes.append(n % 2 == 0 ? .min : .max) }         // 4 kHz
        #expect(S.detect(extremes, chunk: 33).isEmpty)
        // A clipped full-scale digit is still a digit.
        let loud = S.tone("6", level: 3, ms: 60)
        #expect(loud.contains(.max) && loud.contains(.min))
        #expect(S.digits(S.framed(loud)) == "6")
    }

    @Test("out-of-range configuration values are clamped, not trapped")
    func clampedConfiguration() {
        var c = DTMFDetectorConfiguration()
        c.subBlockSize = 0
        c.rowWindowSubBlocks = []
        c.columnWindowSubBlocks = [100, -3]
        c.missesToEnd = 1000
        c.hitsToStart = -5
        c.energyFraction = 7
        var detector = DTMFDetector(configuration: c)
        _ = detector.process(S.framed(S.tone("1")))
        _ = detector.finish()
    }

    @Test("still exact after a long stream (phase reference does not drift)")
    func longStream() {
        var detector = DTMFDetector()
        let noise = S.addNoise(S.silence(ms: 1000), toneLevel: -30, snr: 0, seed: 11)
        var events: [DTMFEvent] = []
        for _ in 0..<600 { events += detector.process(noise) }   // 10 minutes
        let start = detector.samplesProcessed + 800
        events += detector.process(S.framed(S.tone("0", level: -20, low: 0.015, ms: 40), lead: 800))
        events += detector.finish()
        #expect(events.map(\.digit) == ["0"])
        #expect(abs((events.first?.startSample ?? 0) - start) <= 40)
    }

    @Test("empty input is harmless")
    func emptyInput() {
        var detector = DTMFDetector()
        #expect(detector.process([]).isEmpty)
        #expect(detector.process(UnsafeBufferPointer<Int16>(start: nil, count: 0)).isEmpty)
        #expect(detector.finish().isEmpty)
    }
}

@Suite("DTMF event timing")
struct DTMFTimingTests {
    typealias S = DTMFTestSupport

    @Test("start and duration within one sub-block (5 ms) of the truth",
          arguments: [(40.0, 0), (40, 13), (50, 27), (63, 5), (100, 39), (250, 20)])
    func accuracy(ms: Double, shift: Int) {
        for symbol in DTMF.symbols {
            let lead = 600 + shift
            let tone = S.tone(symbol, level: -18, ms: ms)
            let events = S.detect(S.framed(tone, lead: lead))
            #expect(events.count == 1, "\(symbol)")
            guard let e = events.first else { continue }
            #expect(abs(e.startSample - lead) <= 40, "\(e) vs start \(lead)")
            #expect(abs(e.durationSamples - tone.count) <= 40, "\(e) vs duration \(tone.count)")
        }
    }

    @Test("a bridged dropout is inside the reported duration")
    func dropoutDuration() {
        var t = S.tone("9", ms: 120)
        for i in 400..<480 { t[i] = 0 }
        let events = S.detect(S.framed(t, lead: 800))
        #expect(events.count == 1)
        #expect(abs((events.first?.startSample ?? 0) - 800) <= 40)
        #expect(abs((events.first?.durationSamples ?? 0) - 960) <= 40)
    }
}
