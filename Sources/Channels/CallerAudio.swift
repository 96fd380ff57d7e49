import Audio
import Engine

/// A caller's side of a call as audio: the samples, and the digits the detector hears in them.
public struct CallerAudio: Sendable {
    public let clip: AudioClip
    /// Each detected digit with the time (seconds from the start of the audio) it reaches the interpreter: the end
    /// of the 20 ms chunk in which the detector reported it, as on a live stream (a digit is known once its tone
    /// has ended, as Asterisk acts on DTMF END).
    public let presses: [CallerScript.Press]
    public let events: [DTMFEvent]

    /// Runs the audio through the streaming detector in 20 ms chunks, as a live RTP stream would arrive.
    public init(_ clip: AudioClip, detector configuration: DTMFDetectorConfiguration = .init()) {
        self.clip = clip
        var detector = DTMFDetector(configuration: configuration)
        var found: [DTMFEvent] = []
        var delivered: [CallerScript.Press] = []
        let chunk = 160
        let rate = Double(AudioClip.sampleRate)
        clip.samples.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + chunk, all.count)
                for event in detector.process(UnsafeBufferPointer(rebasing: all[offset..<end])) {
                    found.append(event)
                    delivered.append(CallerScript.Press(digit: event.digit, time: Double(end) / rate))
                }
                offset = end
            }
        }
        for event in detector.finish() {
            found.append(event)
            delivered.append(CallerScript.Press(digit: event.digit, time: Double(clip.samples.count) / rate))
        }
        events = found
        presses = delivered
    }

    /// Seconds of audio.
    public var duration: Double { clip.duration }
}
