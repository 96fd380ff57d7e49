/// Telephone audio: 8 kHz mono signed 16-bit samples, the form every prompt takes once read.
public struct AudioClip: Sendable, Equatable {
    /// The one sample rate clips have, in Hz.
    public static let sampleRate = 8000

    /// The samples at 8 kHz.
    public var samples: [Int16]

    public init(samples: [Int16]) { self.samples = samples }

    /// Always 8000.
    public var sampleRate: Int { Self.sampleRate }

    /// Length in seconds.
    public var duration: Double { Double(samples.count) / Double(Self.sampleRate) }
}

/// How `AudioFile.write` stores samples in a WAV file.
public enum AudioEncoding: String, Sendable, CaseIterable {
    /// Signed 16-bit linear PCM (`WAVE_FORMAT_PCM`).
    case pcm16
    /// G.711 µ-law, 8 bits a sample (`WAVE_FORMAT_MULAW`), encoded by `G711`.
    case ulaw
    /// G.711 A-law, 8 bits a sample (`WAVE_FORMAT_ALAW`), encoded by `G711`.
    case alaw
}
