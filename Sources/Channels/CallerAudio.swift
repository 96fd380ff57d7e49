import Audio
import Engine

/// A caller's side of a call as audio: the samples, and the digits the detector hears in them.
public struct CallerAudio: Sendable {
    public let clip: AudioClip
    /// Each detected digit with the time (seconds from the start of the audio) it is delivered: the end of the
    /// tone, where the detector reports it and where Asterisk acts on a DTMF END.
    public let presses: [CallerScript.Press]
    public let events: [DTMFEvent]

    /// Runs the audio through the streaming detector in 20 ms chunks, as a live RTP stream would arrive.
    public init(_ clip: AudioClip, detector configuration: DTMFDetectorConfiguration = .init()) {
        self.clip = clip
        var detector = DTMFDetector(configuration: configuration)
        var found: [DTMFEvent] = []
        let chunk = 160
        clip.samples.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + chunk, all.count)
                found += detector.process(UnsafeBufferPointer(rebasing: all[offset..<end]))
                offset = end
            }
        }
        found += detector.finish()
        events = found
        presses = found.map { event in
            CallerScript.Press(digit: event.digit, time: Double(event.endSample) / Double(AudioClip.sampleRate))
        }
    }

    /// Seconds of audio.
    public var duration: Double { clip.duration }
}
