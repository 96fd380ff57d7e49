/// Splits `$[...]` text into tokens exactly as Asterisk's flex scanner (`ast_expr2.fl`) does.
///
/// Longest match wins; characters no rule accepts (`[ ] { }`, a lone `~`, an unclosed `"`) are dropped.
/// A `${` that survived substitution starts a reference token that runs to its matching `}` plus any
/// trailing word, as the scanner's `var` and `trail` states do.
struct ExpressionLexer {
    let source: [UInt8]
    private(set) var position = 0

    init(source: [UInt8]) {
        self.source = source
    }

    /// Bytes of a word: `[A-Za-z0-9.';\\_^#@]` and every byte from 0x80.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        let lower = byte | 0x20
        if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") { return true }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: ";"),
             UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "#"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    /// Bytes that end the word after a `${...}` reference: blanks, `$` and the operator characters.
    @inline(__always)
    static func endsTrail(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: " "), UInt8(ascii: "\n"),
             UInt8(ascii: "$"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: "?"),
             UInt8(ascii: "%"), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "*"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "&"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    private func byte(at index: Int) -> UInt8? {
        index < source.count ? source[index] : nil
    }

    /// The next token; `.end` once the input is used up.
    mutating func next() -> ExpressionToken {
        let count = source.count
        while position < count {
            let start = position
            let byte = source[start]
            let following = self.byte(at: start + 1)
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                position += 1
                continue
            case UInt8(ascii: "|"):
                return operatorToken(.or, start, following == UInt8(ascii: "|") ? 2 : 1)
            case UInt8(ascii: "&"):
                return operatorToken(.and, start, following == UInt8(ascii: "&") ? 2 : 1)
            case UInt8(ascii: "="):
                if following == UInt8(ascii: "~") { return operatorToken(.equalTilde, start, 2) }
                return operatorToken(.equal, start, following == UInt8(ascii: "=") ? 2 : 1)
            case UInt8(ascii: "~"):
                if following == UInt8(ascii: "~") { return operatorToken(.tildeTilde, start, 2) }
                position += 1
                continue
            case UInt8(ascii: ">"):
                return following == UInt8(ascii: "=") ? operatorToken(.greaterEqual, start, 2) : operatorToken(.greater, start, 1)
            case UInt8(ascii: "<"):
                return following == UInt8(ascii: "=") ? operatorToken(.lessEqual, start, 2) : operatorToken(.less, start, 1)
            case UInt8(ascii: "!"):
                return following == UInt8(ascii: "=") ? operatorToken(.notEqual, start, 2) : operatorToken(.not, start, 1)
            case UInt8(ascii: ":"):
                return following == UInt8(ascii: ":") ? operatorToken(.colonColon, start, 2) : operatorToken(.colon, start, 1)
            case UInt8(ascii: "+"): return operatorToken(.plus, start, 1)
            case UInt8(ascii: "-"): return operatorToken(.minus, start, 1)
            case UInt8(ascii: "*"): return operatorToken(.times, start, 1)
            case UInt8(ascii: "/"): return operatorToken(.divide, start, 1)
            case UInt8(ascii: "%"): return operatorToken(.modulo, start, 1)
            case UInt8(ascii: "?"): return operatorToken(.question, start, 1)
            case UInt8(ascii: ","): return operatorToken(.comma, start, 1)
            case UInt8(ascii: "("): return operatorToken(.leftParen, start, 1)
            case UInt8(ascii: ")"): return operatorToken(.rightParen, start, 1)
            case UInt8(ascii: "\""):
                if let close = source[(start + 1)...].firstIndex(of: UInt8(ascii: "\"")) {
                    position = close + 1
                    return ExpressionToken(kind: .operand, start: start, end: close + 1)
                }
                position += 1  // An unclosed quote matches no rule and is dropped.
                continue
            case UInt8(ascii: "$") where following == UInt8(ascii: "{"):
                return reference(from: start, scanningAt: start + 2)
            default:
                if byte == UInt8(ascii: "$") ? following != nil : Self.isWordByte(byte) {
                    return word(from: start)
                }
                position += 1  // No rule matches this byte: dropped.
                continue
            }
        }
        return ExpressionToken(kind: .end, start: count, end: count)
    }

    @inline(__always)
    private mutating func operatorToken(_ kind: ExpressionToken.Kind, _ start: Int, _ length: Int) -> ExpressionToken {
        position = start + length
        return ExpressionToken(kind: kind, start: start, end: start + length)
    }

    /// A word: units of a word byte or of `$` plus any byte but `{`; a number token when the number rule
    /// (`[0-9]+(\.[0-9]+)?`) matches all of it; a reference when the word runs into `${`.
    private mutating func word(from start: Int) -> ExpressionToken {
        let count = source.count
        var index = start
        while index < count, ExpressionNumberScanner.isDigit(source[index]) { index += 1 }
        if index > start, index + 1 < count, source[index] == UInt8(ascii: "."),
           ExpressionNumberScanner.isDigit(source[index + 1]) {
            index += 2
            while index < count, ExpressionNumberScanner.isDigit(source[index]) { index += 1 }
        }
        let numberEnd = index
        while index < count {
            let byte = source[index]
            if Self.isWordByte(byte) {
                index += 1
            } else if byte == UInt8(ascii: "$"), index + 1 < count, source[index + 1] != UInt8(ascii: "{") {
                index += 2
            } else {
                break
            }
        }
        if index + 1 < count, source[index] == UInt8(ascii: "$"), source[index + 1] == UInt8(ascii: "{") {
            return reference(from: start, scanningAt: index + 2)
        }
        position = index
        return ExpressionToken(kind: .operand, start: start, end: index, isNumber: numberEnd == index && index > start)
    }

    /// A `${...}` reference token starting at `start`, its text scanned from just after a `${`.
    private mutating func reference(from start: Int, scanningAt scanStart: Int) -> ExpressionToken {
        let count = source.count
        var index = scanStart
        var depth = 0
        while true {
            // Inside the braces: find the brace that closes the outermost `${`.
            guard let brace = source[index...].firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else {
                // No brace left: the rest is eaten one byte at a time and the token never comes out.
                position = count
                return ExpressionToken(kind: .end, start: count, end: count)
            }
            index = brace + 1
            if source[brace] == UInt8(ascii: "{") {
                depth += 1
                continue
            }
            depth -= 1
            guard depth < 0 else { continue }
            // After the closing brace: trailing bytes up to a blank, `$` or an operator character.
            var trail = index
            while trail < count, !Self.endsTrail(source[trail]) { trail += 1 }
            if trail + 1 < count, source[trail] == UInt8(ascii: "$"), source[trail + 1] == UInt8(ascii: "{") {
                index = trail + 2
                depth = 0
                continue
            }
            if trail > index || trail == count {
                position = trail
                return ExpressionToken(kind: .operand, start: start, end: trail)
            }
            // An operator right after the `}`: the scanner pushes it back with `unput`, which (yytext being a
            // pointer into the buffer) leaves the token text running to the end of the input.
            position = trail
            return ExpressionToken(kind: .operand, start: start, end: count)
        }
    }
}
