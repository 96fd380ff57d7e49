/// Exact, byte-wise substring search and replacement on UTF-8 text, without Foundation's locale-aware
/// machinery: what masking secrets and searching outputs need, many times per call.
///
/// Byte-wise is exact for UTF-8: a valid needle can only match at a scalar boundary of valid text.
public enum ByteSearch {
    /// Whether `needle` occurs in `text` (an empty needle occurs everywhere).
    public static func contains(_ text: String, _ needle: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in firstOffset(of: pattern, in: haystack, from: 0) != nil }
        }
    }

    /// Whether `needle` occurs in the UTF-8 bytes `bytes`.
    public static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        guard !needle.isEmpty else { return true }
        var needle = needle
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUTF8 { pattern in firstOffset(of: pattern, in: haystack, from: 0) != nil }
        }
    }

    /// `text` with every non-overlapping occurrence of `needle` (scanned left to right) replaced by `replacement`.
    public static func replacingAll(_ needle: String, with replacement: String, in text: String) -> String {
        guard !needle.isEmpty else { return text }
        var text = text
        var needle = needle
        return text.withUTF8 { haystack -> String in
            needle.withUTF8 { pattern -> String in
                guard var match = firstOffset(of: pattern, in: haystack, from: 0) else {
                    return String(decoding: haystack, as: UTF8.self)
                }
                var out: [UInt8] = []
                out.reserveCapacity(haystack.count)
                var start = 0
                while true {
                    out.append(contentsOf: haystack[start..<match])
                    out.append(contentsOf: replacement.utf8)
                    start = match + pattern.count
                    guard let next = firstOffset(of: pattern, in: haystack, from: start) else { break }
                    match = next
                }
                out.append(contentsOf: haystack[start...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// The offset of the first occurrence of `pattern` in `haystack` at or after `from`.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                            from: Int) -> Int? {
        let count = pattern.count
        guard count > 0, haystack.count - from >= count, let first = pattern.first else { return nil }
        var index = from
        let last = haystack.count - count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < count, haystack[index + offset] == pattern[offset] { offset += 1 }
                if offset == count { return index }
            }
            index += 1
        }
        return nil
    }
}
