/// Splits application and function arguments as Asterisk's `AST_STANDARD_APP_ARGS` does (`__ast_app_separate_args`).
///
/// Splits on the delimiter except inside `(...)`, `[...]` or `"..."`. With `removingQuotes`, `"` characters are
/// dropped and `\x` becomes a literal `x`. Once `limit - 1` arguments are taken the last receives the raw
/// remainder (quotes, backslashes and delimiters kept). A trailing delimiter yields one more, empty, argument;
/// empty text yields no argument at all.
public enum ArgumentSplitter {
    public static func split(_ text: String, delimiter: UInt8 = UInt8(ascii: ","), limit: Int = Int.max,
                             removingQuotes: Bool = true) -> [String] {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, limit > 0 else { return [] }
        var arguments: [String] = []
        var scan = 0
        var wasDelimiter = -1
        var paren = 0
        var bracket = 0
        var quoted = false
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        while scan < bytes.count && arguments.count < limit - 1 {
            var current: [UInt8] = []
            while scan < bytes.count {
                let byte = bytes[scan]
                if byte == UInt8(ascii: "(") {
                    paren += 1
                } else if byte == UInt8(ascii: ")") {
                    if paren > 0 { paren -= 1 }
                } else if byte == UInt8(ascii: "[") {
                    bracket += 1
                } else if byte == UInt8(ascii: "]") {
                    if bracket > 0 { bracket -= 1 }
                } else if byte == quote && delimiter != quote {
                    quoted.toggle()
                    if removingQuotes {
                        scan += 1
                        continue
                    }
                } else if byte == backslash {
                    if removingQuotes {
                        // The next byte is taken literally, whatever it is.
                        scan += 1
                        if scan < bytes.count { current.append(bytes[scan]) }
                        scan += 1
                        continue
                    } else if scan + 1 < bytes.count {
                        current.append(byte)
                        scan += 1
                        current.append(bytes[scan])
                        scan += 1
                        continue
                    }
                } else if byte == delimiter && paren == 0 && !quoted && bracket == 0 {
                    wasDelimiter = scan
                    scan += 1
                    break
                }
                current.append(byte)
                scan += 1
            }
            arguments.append(String(decoding: current, as: UTF8.self))
        }
        if scan < bytes.count || (scan > 0 && scan - 1 == wasDelimiter) {
            arguments.append(String(decoding: bytes[scan...], as: UTF8.self))
        }
        return arguments
    }

    /// `AST_STANDARD_RAW_ARGS`: the same split, keeping quotes and backslashes.
    public static func splitRaw(_ text: String, delimiter: UInt8 = UInt8(ascii: ","), limit: Int = Int.max) -> [String] {
        split(text, delimiter: delimiter, limit: limit, removingQuotes: false)
    }
}
