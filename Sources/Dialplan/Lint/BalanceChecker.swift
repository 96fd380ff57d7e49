/// Finds unbalanced `${`, `$[`, parentheses and double quotes in application data.
enum BalanceChecker {
    /// An opener with no closer (or a closer with no opener), at a byte offset of the data.
    struct Problem: Equatable {
        var offset: Int
        var message: String
        /// An unclosed `${`/`$[` breaks substitution (an error); other imbalances are suspicious (warnings).
        var isSubstitution: Bool
    }

    static func check(_ data: String) -> [Problem] {
        // Most arguments hold nothing that can be unbalanced.
        guard data.utf8.contains(where: { Self.interesting[Int($0)] }) else { return [] }
        let bytes = Array(data.utf8)
        var stack: [(byte: UInt8, offset: Int)] = []
        var quoteOffset: Int?
        var problems: [Problem] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count,
               bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "[") {
                stack.append((bytes[index + 1], index))
                index += 2
                continue
            }
            if quoteOffset != nil, byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
                // Quotes protect parentheses from argument splitting, so they need not pair up.
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "("):
                stack.append((byte, index))
            case UInt8(ascii: "["):
                stack.append((byte, index))
            case UInt8(ascii: "{"):
                stack.append((byte, index))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                let opener: UInt8 = byte == UInt8(ascii: ")") ? UInt8(ascii: "(")
                    : byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                if let top = stack.last, top.byte == opener {
                    stack.removeLast()
                } else {
                    // A closer that does not match the innermost opener is stray; it closes nothing.
                    problems.append(Problem(offset: index, message: "'\(Character(Unicode.Scalar(byte)))' has no matching opener",
                                            isSubstitution: false))
                }
            case UInt8(ascii: "\""):
                quoteOffset = quoteOffset == nil ? index : nil
            default:
                break
            }
            index += 1
        }
        for open in stack { problems.append(unclosed(open, bytes)) }
        if let quoteOffset {
            problems.append(Problem(offset: quoteOffset, message: "'\"' is never closed", isSubstitution: false))
        }
        return problems.count > 1 ? problems.sorted { $0.offset < $1.offset } : problems
    }

    /// Bytes that open or close something: `$ ( ) [ ] { } " \`.
    private static let interesting: [Bool] = (0..<256).map { byte in
        "$()[]{}\"\\".utf8.contains(UInt8(byte))
    }

    private static func unclosed(_ open: (byte: UInt8, offset: Int), _ bytes: [UInt8]) -> Problem {
        let isDollar = open.offset + 1 < bytes.count && bytes[open.offset] == UInt8(ascii: "$")
        switch open.byte {
        case UInt8(ascii: "{") where isDollar:
            return Problem(offset: open.offset, message: "'${' is never closed with '}'", isSubstitution: true)
        case UInt8(ascii: "[") where isDollar:
            return Problem(offset: open.offset, message: "'$[' is never closed with ']'", isSubstitution: true)
        case UInt8(ascii: "("):
            return Problem(offset: open.offset, message: "'(' is never closed with ')'", isSubstitution: false)
        default:
            return Problem(offset: open.offset, message: "'\(Character(Unicode.Scalar(open.byte)))' is never closed",
                           isSubstitution: false)
        }
    }
}
