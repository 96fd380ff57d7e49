/// Why an audio file could not be read or written. Every case names the file.
public enum AudioFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path exists but cannot be read as a file: a directory, a device or FIFO, no permission.
    case unreadable(path: String, reason: String)
    /// The file is not audio, or is audio in a format or encoding libsndfile cannot decode.
    case unsupportedFormat(path: String, reason: String)
    /// The file is a recognised audio container that ends before its header or its sample data do.
    case truncated(path: String, reason: String)
    /// The file holds no audio: zero bytes, or a valid header with no samples.
    case empty(path: String)
    /// The file could not be created or written completely.
    case writeFailed(path: String, reason: String)

    /// The file this error is about.
    public var path: String {
        switch self {
        case .notFound(let path), .empty(let path): path
        case .unreadable(let path, _), .unsupportedFormat(let path, _), .truncated(let path, _),
             .writeFailed(let path, _): path
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no such audio file"
        case .unreadable(let path, let reason): "\(path): cannot read (\(reason))"
        case .unsupportedFormat(let path, let reason): "\(path): not a supported audio file (\(reason))"
        case .truncated(let path, let reason): "\(path): truncated audio file (\(reason))"
        case .empty(let path): "\(path): audio file contains no samples"
        case .writeFailed(let path, let reason): "\(path): cannot write audio file (\(reason))"
        }
    }
}
