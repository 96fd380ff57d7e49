/// Streaming in-band DTMF receiver for 8 kHz 16-bit audio, built to the AT&T column of
/// ITU-T Q.24 (see `DTMFDetectorConfiguration` for the rules and their margins).
///
/// Feed audio in chunks of any size; the events do not depend on how the stream is cut.
/// A digit is reported when it ends (its duration is known then), at most about
/// 25 ms + one window after the tone stops; call ``finish()`` at the end of the stream to
/// flush a digit that is still sounding.
public struct DTMFDetector: Sendable {
    public let configuration: DTMFDetectorConfiguration

    private var bank: GoertzelBank
    private var history = SubBlockHistory()
    private let classifier: DTMFClassifier
    private var tracker: DTMFDigitTracker
    /// Absolute sample position where the current segment (since init or `finish`) began.
    private var segmentStart = 0
    /// Samples consumed since the stream start.
    public private(set) var samplesProcessed = 0

    public init(configuration: DTMFDetectorConfiguration = .init()) {
        self.configuration = configuration
        let size = min(max(configuration.subBlockSize, 16), 160)
        bank = GoertzelBank(size: size)
        classifier = DTMFClassifier(configuration: configuration, subBlockSize: size)
        tracker = DTMFDigitTracker(configuration: configuration, subBlockSize: size)
    }

    /// Processes the next chunk of the stream; returns digits that ended in it.
    public mutating func process(_ samples: UnsafeBufferPointer<Int16>) -> [DTMFEvent] {
        var events: [DTMFEvent] = []
        var offset = 0
        while offset < samples.count {
            offset += bank.accumulate(samples, from: offset)
            if bank.isComplete {
                history.append(bank.take())
                let hit = classifier.classify(history)
                if var event = tracker.advance(hit: hit, history: history) {
                    event.startSample += segmentStart
                    events.append(event)
                }
            }
        }
        samplesProcessed += samples.count
        return events
    }

    /// Processes the next chunk of the stream; returns digits that ended in it.
    public mutating func process(_ samples: [Int16]) -> [DTMFEvent] {
        samples.withUnsafeBufferPointer { process($0) }
    }

    /// Ends the stream: reports a digit still sounding (if it is long enough) and resets
    /// the detector. Later audio is treated as a new segment, positions still counted from
    /// the original stream start.
    public mutating func finish() -> [DTMFEvent] {
        var events: [DTMFEvent] = []
        if var event = tracker.finish(history: history) {
            event.startSample += segmentStart
            events.append(event)
        }
        bank.reset()
        history = SubBlockHistory()
        segmentStart = samplesProcessed
        return events
    }

    /// Convenience: all digits in a complete recording.
    public static func detect(_ samples: [Int16], configuration: DTMFDetectorConfiguration = .init()) -> [DTMFEvent] {
        var detector = DTMFDetector(configuration: configuration)
        return detector.process(samples) + detector.finish()
    }
}
