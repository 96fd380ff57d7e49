/// Splits an AGI command line into words the way `parse_args` in `res_agi.c` does:
/// blanks (space, tab) separate words; `"` toggles quoting (the quotes themselves are dropped, and a quote that
/// opens after a blank starts a word, so `""` is an empty word); `\` makes the next character literal; at most
/// `MAX_ARGS - 1` (127) words are kept.
enum AGICommandParser {
    static let maxWords = 127

    static func split(_ line: String) -> [String] {
        split(bytes: Array(line.utf8))
    }

    static func split(bytes: [UInt8]) -> [String] {
        splitWords(bytes).map { String(decoding: $0, as: UTF8.self) }
    }

    static func splitWords(_ bytes: [UInt8]) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var quoted = false
        var escaped = false
        var whitespace = true

        func normal(_ byte: UInt8) {
            if whitespace {
                if words.count >= maxWords {
                    return // "Too many arguments, truncating": the character is dropped
                }
                words.append([])
                whitespace = false
            }
            words[words.count - 1].append(byte)
            escaped = false
        }

        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""):
                if escaped {
                    normal(byte)
                } else {
                    quoted.toggle()
                    if quoted && whitespace && words.count < maxWords {
                        words.append([])
                        whitespace = false
                    }
                    escaped = false
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                if !quoted && !escaped {
                    whitespace = true
                } else {
                    normal(byte)
                }
            case UInt8(ascii: "\\"):
                if escaped {
                    normal(byte)
                } else {
                    escaped = true
                }
            default:
                normal(byte)
            }
        }
        return words
    }

    /// ASCII case-insensitive comparison, as `strcasecmp`.
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        for i in 0..<x.count where asciiLower(x[i]) != asciiLower(y[i]) {
            return false
        }
        return true
    }

    static func asciiLower(_ c: UInt8) -> UInt8 {
        (c >= 65 && c <= 90) ? c + 32 : c
    }

    /// The command whose words begin `words` (case-insensitively); the longest such command wins.
    static func lookup(_ words: [String]) -> AGICommandSpec? {
        var best: AGICommandSpec?
        for spec in AGICommandSpec.all where spec.words.count <= words.count {
            var match = true
            for i in 0..<spec.words.count where !equalsIgnoringCase(spec.words[i], words[i]) {
                match = false
                break
            }
            if match, spec.words.count > (best?.words.count ?? 0) {
                best = spec
            }
        }
        return best
    }
}

/// C-style number parsing used by the command handlers.
enum AGINumber {
    /// `sscanf(s, "%d", &n) == 1`: optional leading blanks, optional sign, at least one digit; trailing text is
    /// ignored. Nil when no number starts the string.
    static func scan(_ s: String) -> Int? {
        var bytes = Array(s.utf8)[...]
        while let f = bytes.first, f == 32 || (f >= 9 && f <= 13) { bytes = bytes.dropFirst() }
        var negative = false
        if let f = bytes.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") {
            negative = f == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var value = 0
        var digits = 0
        for b in bytes {
            guard b >= 48 && b <= 57 else { break }
            digits += 1
            if digits > 30 { break } // %30d width
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(b - 48))
            value = (o1 || o2) ? Int(Int32.max) : a
        }
        guard digits > 0 else { return nil }
        value = min(value, Int(Int32.max))
        return negative ? -value : value
    }

    /// `atoi`: like `scan`, but 0 when there is no number.
    static func atoi(_ s: String) -> Int {
        scan(s) ?? 0
    }

    /// `sscanf(s, "%lf", &d) == 1`, close enough: a leading decimal number.
    static func scanDouble(_ s: String) -> Double? {
        let trimmed = s.drop { $0 == " " || $0 == "\t" }
        var end = trimmed.startIndex
        var seenDigit = false
        var idx = trimmed.startIndex
        if idx < trimmed.endIndex, trimmed[idx] == "-" || trimmed[idx] == "+" { idx = trimmed.index(after: idx) }
        var seenDot = false
        while idx < trimmed.endIndex {
            let c = trimmed[idx]
            if c.isASCII, let _ = c.wholeNumberValue {
                seenDigit = true
                end = trimmed.index(after: idx)
            } else if c == ".", !seenDot {
                seenDot = true
            } else {
                break
            }
            idx = trimmed.index(after: idx)
        }
        guard seenDigit else { return nil }
        return Double(String(trimmed[trimmed.startIndex..<end]))
    }
}
