import Audio

/// What the caller hears, laid out in time: prompts placed at the instant they started, cut where they stopped.
struct HeardAudio {
    private(set) var samples: [Int16] = []

    /// Places `clip`'s first `count` samples at `offset` (samples from the call start); silence fills any gap.
    mutating func place(_ clip: AudioClip, count: Int, at offset: Int) {
        let length = max(0, min(count, clip.samples.count))
        guard offset >= 0 else { return }
        if samples.count < offset { samples.append(contentsOf: repeatElement(0, count: offset - samples.count)) }
        let end = offset + length
        if samples.count < end { samples.append(contentsOf: repeatElement(0, count: end - samples.count)) }
        for index in 0..<length { samples[offset + index] = clip.samples[index] }
    }

    /// Pads with silence up to `count` samples (the call's length).
    mutating func extend(to count: Int) {
        if samples.count < count { samples.append(contentsOf: repeatElement(0, count: count - samples.count)) }
    }
}
