/// Checks the sizes a WAV, AIFF or Sun/NeXT header declares against the file's real size, so that a file cut
/// short in its header or its sample data is reported as truncated. (libsndfile silently plays what is there.)
enum ContainerProbe {
    enum Finding: Equatable {
        /// Consistent, or a container this probe does not know (libsndfile decides).
        case plausible
        case truncated(String)
    }

    /// `read(offset, count)` returns up to `count` bytes at `offset` (fewer at the end of the file).
    static func check(size: Int, read: (Int, Int) -> [UInt8]) -> Finding {
        let head = read(0, 12)
        if head.starts(with: Array("RIFF".utf8)) || head.starts(with: Array("RIFX".utf8)) {
            return walk(size: size, head: head, forms: ["WAVE"], dataChunk: "data", bigEndian: head[3] == UInt8(ascii: "X"),
                        read: read)
        }
        if head.starts(with: Array("FORM".utf8)) {
            return walk(size: size, head: head, forms: ["AIFF", "AIFC"], dataChunk: "SSND", bigEndian: true, read: read)
        }
        if head.starts(with: Array(".snd".utf8)) {
            let header = read(0, 24)
            guard header.count == 24 else { return .truncated("the file ends inside the .snd header") }
            let offset = Int(integer(header, at: 4, bigEndian: true))
            let length = integer(header, at: 8, bigEndian: true)
            guard offset <= size else { return .truncated("the header is \(offset) bytes, the file \(size)") }
            if length != 0xFFFF_FFFF, offset + Int(length) > size {
                return .truncated("the header declares \(length) bytes of samples, the file holds \(size - offset)")
            }
            return .plausible
        }
        // A few bytes that begin like a RIFF or FORM header but stop before it ends.
        if head.count < 12, !head.isEmpty,
           ["RIFF", "RIFX", "FORM"].contains(where: { Array($0.utf8).starts(with: head.prefix(4)) }) {
            return .truncated("the file ends inside the \(String(decoding: head.prefix(4), as: UTF8.self)) header")
        }
        return .plausible
    }

    /// Walks the chunks after a 12-byte RIFF/FORM header until the sample data chunk, checking it fits the file.
    private static func walk(size: Int, head: [UInt8], forms: [String], dataChunk: String, bigEndian: Bool,
                             read: (Int, Int) -> [UInt8]) -> Finding {
        let kind = String(decoding: head.prefix(4), as: UTF8.self)
        guard head.count == 12 else { return .truncated("the file ends inside the \(kind) header") }
        if !forms.contains(String(decoding: head[8 ..< 12], as: UTF8.self)) { return .plausible }
        let marker = Array(dataChunk.utf8)
        var offset = 12
        for _ in 0 ..< 4096 {
            let header = read(offset, 8)
            guard header.count == 8 else {
                return .truncated("the file ends after \(size) bytes, before its '\(dataChunk)' chunk")
            }
            let length = integer(header, at: 4, bigEndian: bigEndian)
            let body = offset + 8
            if Array(header.prefix(4)) == marker {
                // Streaming writers leave 0 or 0xFFFFFFFF when they cannot seek back: nothing to check.
                if length == 0 || length == 0xFFFF_FFFF { return .plausible }
                if body + Int(length) > size {
                    return .truncated("its '\(dataChunk)' chunk declares \(length) bytes, the file holds \(size - body)")
                }
                return .plausible
            }
            offset = body + Int(length) + Int(length & 1)
        }
        return .plausible
    }

    private static func integer(_ bytes: [UInt8], at index: Int, bigEndian: Bool) -> UInt32 {
        let b = bytes[index ..< index + 4].map(UInt32.init)
        return bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
    }
}
