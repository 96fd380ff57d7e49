/// `${VAR}`, `${VAR:offset:length}`, `${FUNC(args)}` and `$[expr]` substitution (`main/pbx_variables.c`).
///
/// The text is scanned for `$`; `${` runs to its matching `}` and `$[` to its matching `]`. Inner text holding
/// `${` or `$[` is substituted first (inside out), so `${${A}}` and `${A${B}}` work. Results are inserted
/// verbatim and never re-scanned. Nesting deeper than `maximumDepth` yields an empty value and a warning.
public enum Substituter {
    /// Asterisk's `MAX_VARIABLE_SUB_RECURSE_DEPTH`.
    public static let maximumDepth = 15

    /// Substitutes every `${...}` and `$[...]` in `text`.
    public static func substitute(_ text: String, in context: any EvaluationContext) -> String {
        // Text without `$` is returned untouched (Asterisk substitutes only data holding `${` or `$[`).
        guard text.utf8.contains(UInt8(ascii: "$")) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        text.utf8.withContiguousStorageIfAvailable { buffer in
            substitute(buffer[...], depth: 0, context: context, into: &output)
        } ?? {
            let bytes = Array(text.utf8)
            substitute(bytes[...], depth: 0, context: context, into: &output)
        }()
        return String(decoding: output, as: UTF8.self)
    }

    private static let dollar = UInt8(ascii: "$")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let openBracket = UInt8(ascii: "[")
    private static let closeBracket = UInt8(ascii: "]")

    static func substitute<C: Collection<UInt8>>(_ input: C, depth: Int, context: any EvaluationContext,
                                               into output: inout [UInt8]) where C.Index == Int {
        var index = input.startIndex
        let end = input.endIndex
        while index < end {
            let byte = input[index]
            guard byte == dollar, index + 1 < end,
                  input[index + 1] == openBrace || input[index + 1] == openBracket else {
                output.append(byte)
                index += 1
                continue
            }
            let isVariable = input[index + 1] == openBrace
            let open = isVariable ? openBrace : openBracket
            let close = isVariable ? closeBrace : closeBracket
            // Find the matching close, counting nesting and noting whether the inside needs substitution.
            var scan = index + 2
            var level = 1
            var needsSubstitution = false
            while scan < end {
                let c = input[scan]
                if c == dollar, scan + 1 < end, input[scan + 1] == openBrace || input[scan + 1] == openBracket {
                    needsSubstitution = true
                    if input[scan + 1] == open {
                        level += 1
                        scan += 2
                        continue
                    }
                } else if c == open {
                    level += 1
                } else if c == close {
                    level -= 1
                    if level == 0 { break }
                }
                scan += 1
            }
            let innerStart = index + 2
            let innerEnd = min(scan, end)
            if level != 0 {
                context.warn("missing '\(isVariable ? "}" : "]")' in '\(String(decoding: input[index..<end], as: UTF8.self))'")
            }
            index = level == 0 ? scan + 1 : end
            guard depth < maximumDepth else {
                context.warn("substitution nested deeper than \(maximumDepth) levels; using an empty value")
                continue
            }
            var inner: [UInt8]
            if needsSubstitution {
                inner = []
                substitute(input[innerStart..<innerEnd], depth: depth + 1, context: context, into: &inner)
            } else {
                inner = Array(input[innerStart..<innerEnd])
            }
            if isVariable {
                output.append(contentsOf: VariableReference(inner).resolve(in: context).utf8)
            } else {
                let expression = String(decoding: inner, as: UTF8.self)
                output.append(contentsOf: ExpressionEvaluator.evaluate(expression, context: context).utf8)
            }
        }
    }
}

extension EvaluationContext {
    /// Substitutes `${...}` and `$[...]` in `text` against this context.
    public func substitute(_ text: String) -> String {
        Substituter.substitute(text, in: self)
    }
}
