import CSndFile
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The only file that talks to libsndfile. The C handles (`SNDFILE*`, file descriptors) live in the two
// non-copyable types below and are closed in their `deinit`; everything they hand out is plain Swift values.

/// What libsndfile reports about a file it opened for reading.
struct SoundFileInfo: Sendable, Equatable {
    var frames: Int
    var sampleRate: Int
    var channels: Int
    /// libsndfile's major format (container), e.g. `0x010000` for WAV.
    var container: Int
    /// libsndfile's subtype (sample encoding), e.g. `0x0002` for PCM 16.
    var encoding: Int
}

/// An audio file open for reading: owns the descriptor and libsndfile's handle.
struct SoundFileReader: ~Copyable {
    private let descriptor: Int32
    private let file: OpaquePointer
    let info: SoundFileInfo

    private init(descriptor: Int32, file: OpaquePointer, info: SoundFileInfo) {
        self.descriptor = descriptor
        self.file = file
        self.info = info
    }

    deinit {
        sf_close(file)
        close(descriptor)
    }

    /// Opens `path`, classifying every failure: missing, not a regular file, zero bytes, a container that ends early,
    /// something libsndfile does not recognise, or a header without samples.
    static func open(_ path: String) throws(AudioFileError) -> SoundFileReader {
        let descriptor = openForReading(path)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw .notFound(path: path)
            default: throw .unreadable(path: path, reason: systemMessage(code))
            }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            throw .unreadable(path: path, reason: systemMessage(code))
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            throw .unreadable(path: path, reason: kind == S_IFDIR ? "is a directory" : "not a regular file")
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            close(descriptor)
            throw .empty(path: path)
        }
        if case .truncated(let reason) = ContainerProbe.check(size: size, read: { offset, count in
            readBytes(descriptor, offset: offset, count: count)
        }) {
            close(descriptor)
            throw .truncated(path: path, reason: reason)
        }
        var sfInfo = SF_INFO()
        guard let file = sf_open_fd(descriptor, Int32(SFM_READ), &sfInfo, 0) else {
            let code = sf_error(nil)
            let message = String(cString: sf_strerror(nil))
            close(descriptor)
            if code == Int32(SF_ERR_SYSTEM) { throw .unreadable(path: path, reason: message) }
            throw .unsupportedFormat(path: path, reason: message)
        }
        let info = SoundFileInfo(
            frames: Int(sfInfo.frames), sampleRate: Int(sfInfo.samplerate), channels: Int(sfInfo.channels),
            container: Int(sfInfo.format) & Int(SF_FORMAT_TYPEMASK),
            encoding: Int(sfInfo.format) & Int(SF_FORMAT_SUBMASK))
        let reader = SoundFileReader(descriptor: descriptor, file: file, info: info)
        guard info.channels > 0, info.sampleRate > 0 else {
            throw .unsupportedFormat(path: path, reason: "\(info.channels) channels at \(info.sampleRate) Hz")
        }
        guard info.frames > 0 else { throw .empty(path: path) }
        return reader
    }

    /// Up to `maxFrames` frames as interleaved floats in [-1, 1] (integer encodings are scaled by 1/32768 for
    /// 16-bit data, exactly); an empty array at the end of the data.
    func read(maxFrames: Int, path: String) throws(AudioFileError) -> [Float] {
        let channels = info.channels
        var buffer = [Float](repeating: 0, count: maxFrames * channels)
        let got = buffer.withUnsafeMutableBufferPointer { pointer in
            sf_readf_float(file, pointer.baseAddress, sf_count_t(maxFrames))
        }
        let code = sf_error(file)
        if code != 0 {
            throw .unsupportedFormat(path: path, reason: "decoding failed: " + String(cString: sf_strerror(file)))
        }
        buffer.removeSubrange(Int(max(got, 0)) * channels ..< buffer.count)
        return buffer
    }

    private static func readBytes(_ descriptor: Int32, offset: Int, count: Int) -> [UInt8] {
        guard count > 0, offset >= 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { raw in pread(descriptor, raw.baseAddress, count, off_t(offset)) }
        bytes.removeSubrange(max(got, 0) ..< count)
        return bytes
    }
}

/// A WAV file open for writing: owns libsndfile's handle. `finish()` closes it and reports whether the data
/// reached the disk; dropping the writer without finishing closes it too (on error paths).
struct SoundFileWriter: ~Copyable {
    private let file: OpaquePointer

    private init(file: OpaquePointer) { self.file = file }

    deinit { sf_close(file) }

    /// Creates (or replaces) a mono or multichannel WAV file at `path`.
    static func create(_ path: String, sampleRate: Int, channels: Int, encoding: AudioEncoding)
        throws(AudioFileError) -> SoundFileWriter
    {
        guard sampleRate > 0, channels > 0 else {
            throw .writeFailed(path: path, reason: "\(channels) channels at \(sampleRate) Hz")
        }
        let subtype: Int32 = switch encoding {
        case .pcm16: Int32(SF_FORMAT_PCM_16)
        case .ulaw: Int32(SF_FORMAT_ULAW)
        case .alaw: Int32(SF_FORMAT_ALAW)
        }
        var sfInfo = SF_INFO()
        sfInfo.samplerate = Int32(clamping: sampleRate)
        sfInfo.channels = Int32(clamping: channels)
        sfInfo.format = Int32(SF_FORMAT_WAV) | subtype
        guard sf_format_check(&sfInfo) != 0 else {
            throw .writeFailed(path: path, reason: "libsndfile rejects WAV \(encoding.rawValue) at \(sampleRate) Hz")
        }
        guard let file = sf_open(path, Int32(SFM_WRITE), &sfInfo) else {
            throw .writeFailed(path: path, reason: String(cString: sf_strerror(nil)))
        }
        return SoundFileWriter(file: file)
    }

    /// Writes interleaved 16-bit samples, encoded by libsndfile for the file's encoding.
    func write(samples: [Int16], path: String) throws(AudioFileError) {
        let written = samples.withUnsafeBufferPointer { pointer in
            sf_write_short(file, pointer.baseAddress, sf_count_t(pointer.count))
        }
        guard written == samples.count else { throw failure(path, wrote: Int(written), of: samples.count) }
    }

    /// Writes already encoded bytes (G.711 codes) as they are.
    func write(raw bytes: [UInt8], path: String) throws(AudioFileError) {
        let written = bytes.withUnsafeBytes { raw in sf_write_raw(file, raw.baseAddress, sf_count_t(raw.count)) }
        guard written == bytes.count else { throw failure(path, wrote: Int(written), of: bytes.count) }
    }

    /// Closes the file, finishing its header; throws when libsndfile reports an error.
    consuming func finish(path: String) throws(AudioFileError) {
        let file = self.file
        discard self
        let code = sf_close(file)
        guard code == 0 else { throw .writeFailed(path: path, reason: String(cString: sf_error_number(code))) }
    }

    private func failure(_ path: String, wrote: Int, of count: Int) -> AudioFileError {
        let message = String(cString: sf_strerror(file))
        return .writeFailed(path: path, reason: "wrote \(wrote) of \(count) (\(message))")
    }
}

private func openForReading(_ path: String) -> Int32 {
    open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
}

private func systemMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
