/// North American call-progress tones (precise tone plan) and a 1 kHz beep.
public enum CallProgressTone: String, Sendable, CaseIterable {
    /// 350 + 440 Hz, continuous, −13 dBm0 per tone.
    case dial
    /// 480 + 620 Hz, 0.5 s on / 0.5 s off, −24 dBm0 per tone.
    case busy
    /// 440 + 480 Hz, 2 s on / 4 s off, −19 dBm0 per tone.
    case ringback
    /// Reorder: 480 + 620 Hz, 0.25 s on / 0.25 s off, −24 dBm0 per tone.
    case congestion
    /// 1000 Hz, 0.5 s, −13 dBm0 (e.g. a record beep).
    case beep

    /// The sine components while the tone is on.
    public var components: [ToneComponent] {
        switch self {
        case .dial: [ToneComponent(frequency: 350, levelDBm0: -13), ToneComponent(frequency: 440, levelDBm0: -13)]
        case .busy, .congestion: [ToneComponent(frequency: 480, levelDBm0: -24), ToneComponent(frequency: 620, levelDBm0: -24)]
        case .ringback: [ToneComponent(frequency: 440, levelDBm0: -19), ToneComponent(frequency: 480, levelDBm0: -19)]
        case .beep: [ToneComponent(frequency: 1000, levelDBm0: -13)]
        }
    }

    /// One cadence period as (on, off) in samples; off = 0 means continuous.
    public var cadence: (onSamples: Int, offSamples: Int) {
        switch self {
        case .dial: (8000, 0)
        case .busy: (4000, 4000)
        case .ringback: (16000, 32000)
        case .congestion: (2000, 2000)
        case .beep: (4000, 0)
        }
    }

    /// `count` samples of the tone following its cadence (the beep sounds once, then silence).
    public func samples(count: Int) -> [Int16] {
        guard count > 0 else { return [] }
        let (on, off) = cadence
        if self == .beep {
            return ToneSynthesizer.render(components, count: min(on, count)) + [Int16](repeating: 0, count: max(0, count - on))
        }
        guard off > 0 else { return ToneSynthesizer.render(components, count: count) }
        let continuous = ToneSynthesizer.render(components, count: count)
        var out = continuous
        let period = on + off
        for n in 0..<count where n % period >= on { out[n] = 0 }
        return out
    }
}
