#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A compiled POSIX extended regular expression (`regcomp(REG_EXTENDED)`), leftmost-longest as Asterisk uses.
public final class POSIXRegex: @unchecked Sendable {
    // regex_t is only read by regexec after compilation, which POSIX allows from several threads.
    private var compiled = regex_t()
    /// Number of parenthesised subexpressions.
    public let groupCount: Int

    /// Compiles `pattern`; nil when the pattern is not a valid ERE.
    public init?(_ pattern: String, ignoreCase: Bool = false, noSubexpressions: Bool = false) {
        var flags = REG_EXTENDED
        if ignoreCase { flags |= REG_ICASE }
        if noSubexpressions { flags |= REG_NOSUB }
        guard regcomp(&compiled, pattern, flags) == 0 else { return nil }
        groupCount = Int(compiled.re_nsub)
    }

    deinit { regfree(&compiled) }

    /// A match: the byte ranges of the whole match (index 0) and of each group (nil when the group took no part).
    public struct Match: Sendable {
        public var ranges: [Range<Int>?]
    }

    /// Searches `text` (unanchored, as `regexec`). Text holding a NUL byte is searched up to it.
    public func firstMatch(in text: String) -> Match? {
        let slots = groupCount + 1
        var matches = [regmatch_t](repeating: regmatch_t(), count: slots)
        let status = text.withCString { regexec(&compiled, $0, slots, &matches, 0) }
        guard status == 0 else { return nil }
        return Match(ranges: matches.map { m in
            m.rm_so < 0 ? nil : Int(m.rm_so)..<Int(m.rm_eo)
        })
    }

    /// True when `text` contains a match.
    public func matches(_ text: String) -> Bool {
        text.withCString { regexec(&compiled, $0, 0, nil, 0) } == 0
    }

    /// The text of a byte range of `text`, as returned by `firstMatch`.
    public static func substring(of text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}
