#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading any audio file libsndfile understands as telephone audio, and writing WAV files.
public enum AudioFile {
    /// Frames read from libsndfile at a time.
    static let chunkFrames = 16384

    /// Reads `path` (WAV, AIFF, AU, FLAC, Ogg, … in any encoding libsndfile decodes) and converts it to 8 kHz mono
    /// 16-bit: channels are averaged, other sample rates go through a windowed-sinc low-pass resampler.
    public static func read(_ path: String) throws(AudioFileError) -> AudioClip {
        let file = try SoundFileReader.open(path)
        let info = file.info
        let channels = info.channels
        var resampler: SincResampler? = info.sampleRate == AudioClip.sampleRate
            ? nil : SincResampler(from: info.sampleRate, to: AudioClip.sampleRate)
        var samples: [Int16] = []
        samples.reserveCapacity(min(resampler?.outputCount(forInput: info.frames) ?? info.frames, 1 << 24))
        var framesRead = 0
        while true {
            let interleaved = try file.read(maxFrames: chunkFrames, path: path)
            if interleaved.isEmpty { break }
            let mono = downmix(interleaved, channels: channels)
            framesRead += mono.count
            if resampler != nil, let converted = resampler?.process(mono) {
                append(converted, to: &samples)
            } else {
                append(mono, to: &samples)
            }
        }
        if let tail = resampler?.finish() { append(tail, to: &samples) }
        if framesRead < info.frames {
            throw .truncated(path: path, reason: "its header promises \(info.frames) frames, it holds \(framesRead)")
        }
        guard !samples.isEmpty else { throw .empty(path: path) }
        return AudioClip(samples: samples)
    }

    /// Length in seconds of the audio in `path`, from its header (frames / sample rate), without decoding it.
    /// Fails for the same files `read` fails for, except those whose damage only shows while decoding.
    public static func duration(_ path: String) throws(AudioFileError) -> Double {
        let file = try SoundFileReader.open(path)
        return Double(file.info.frames) / Double(file.info.sampleRate)
    }

    /// Writes `clip` to `path` as an 8 kHz mono WAV file: 16-bit PCM, or µ-law / A-law encoded by `G711`.
    /// A file that could not be written completely is removed.
    public static func write(_ clip: AudioClip, to path: String, encoding: AudioEncoding = .pcm16) throws(AudioFileError) {
        try write(interleaved: clip.samples, channels: 1, sampleRate: AudioClip.sampleRate, to: path, encoding: encoding)
    }

    /// Writes interleaved samples at any rate as WAV. `libsndfileCodec` lets libsndfile do the G.711 encoding instead
    /// of `G711` (for cross-checks; libsndfile rounds negative samples differently, see `G711`).
    static func write(interleaved samples: [Int16], channels: Int, sampleRate: Int, to path: String,
                      encoding: AudioEncoding, libsndfileCodec: Bool = false) throws(AudioFileError) {
        guard channels > 0, samples.count % channels == 0 else {
            throw .writeFailed(path: path, reason: "\(samples.count) samples do not make whole \(channels)-channel frames")
        }
        let writer = try SoundFileWriter.create(path, sampleRate: sampleRate, channels: channels, encoding: encoding)
        do throws(AudioFileError) {
            switch encoding {
            case .pcm16: try writer.write(samples: samples, path: path)
            case .ulaw where libsndfileCodec, .alaw where libsndfileCodec: try writer.write(samples: samples, path: path)
            case .ulaw: try writer.write(raw: G711.encodeULaw(samples), path: path)
            case .alaw: try writer.write(raw: G711.encodeALaw(samples), path: path)
            }
            try writer.finish(path: path)
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Averages the channels of interleaved frames.
    static func downmix(_ interleaved: [Float], channels: Int) -> [Float] {
        guard channels > 1 else { return interleaved }
        let frames = interleaved.count / channels
        let scale = 1 / Float(channels)
        return interleaved.withUnsafeBufferPointer { input in
            (0 ..< frames).map { frame in
                var sum: Float = 0
                for channel in 0 ..< channels { sum += input[frame * channels + channel] }
                return sum * scale
            }
        }
    }

    /// Appends floats in [-1, 1] as 16-bit samples (× 32768, rounded, clipped).
    static func append(_ values: [Float], to samples: inout [Int16]) {
        for value in values { samples.append(pcm16(value)) }
    }

    static func pcm16(_ value: Float) -> Int16 {
        let scaled = (value * 32768).rounded()
        guard scaled == scaled else { return 0 }  // NaN
        return Int16(max(-32768, min(32767, scaled)))
    }
}
