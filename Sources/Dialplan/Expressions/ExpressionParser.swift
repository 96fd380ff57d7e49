/// Parses and evaluates `$[...]` in one pass, with the grammar and precedences of Asterisk's `ast_expr2.y`.
///
/// Lowest to highest: `? ::`, `|`, `&`, comparisons, `+ -`, `* / %`, unary `! -`, `: =~ ~~`, parentheses.
/// Every binary operator is left-associative; both branches of `?` are evaluated, as in Asterisk.
/// After a syntax error the parser only unwinds: `syntaxError` is set and values returned are placeholders.
struct ExpressionParser {
    /// Nesting (parentheses, unary operators, operands) beyond which an expression is rejected.
    static let maximumDepth = 256

    private var lexer: ExpressionLexer
    private var current: ExpressionToken
    private var workspace: ExpressionWorkspace
    private var depth = 0
    /// The first syntax error, when there is one.
    private(set) var syntaxError: String?

    init(source: [UInt8], context: (any EvaluationContext)?) {
        lexer = ExpressionLexer(source: source)
        current = lexer.next()
        workspace = ExpressionWorkspace(source: source, context: context)
    }

    /// The text of the whole expression; "" when there are no tokens, nil on a syntax error.
    mutating func evaluate() -> String? {
        if current.kind == .end { return "" }
        let value = expression(minimumLevel: 1)
        if syntaxError == nil, current.kind != .end { fail() }
        return syntaxError == nil ? workspace.description(of: value) : nil
    }

    @inline(__always)
    private mutating func advance() {
        current = lexer.next()
    }

    @inline(__always)
    private var failed: Bool { syntaxError != nil }

    /// Records a syntax error (the first one wins) and gives the placeholder value to unwind with.
    @discardableResult
    private mutating func fail(_ reason: String? = nil) -> ExpressionValue {
        if syntaxError == nil {
            syntaxError = reason ?? "syntax error: unexpected \(describe(current)) at offset \(current.start)"
        }
        return .number(0)
    }

    private func describe(_ token: ExpressionToken) -> String {
        if token.kind == .end { return "end of expression" }
        let end = min(token.end, lexer.source.count)
        return "'" + String(decoding: lexer.source[token.start..<end], as: UTF8.self) + "'"
    }

    /// Operators of at least `minimumLevel`, left-associative.
    private mutating func expression(minimumLevel: Int) -> ExpressionValue {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            return fail("syntax error: expression nested more than \(Self.maximumDepth) levels deep")
        }
        var left = operand()
        while !failed {
            let level = current.binaryLevel
            guard level != 0, level >= minimumLevel else { break }
            let kind = current.kind
            advance()
            if kind == .question {
                let whenTrue = expression(minimumLevel: 1)
                if failed { break }
                guard current.kind == .colonColon else { return fail() }
                advance()
                let whenFalse = expression(minimumLevel: 2)
                if failed { break }
                left = workspace.choose(left, whenTrue, whenFalse)
            } else {
                let right = expression(minimumLevel: level + 1)
                if failed { break }
                left = workspace.apply(kind, left, right)
            }
        }
        return left
    }

    /// A token, a function call, a parenthesised expression, or `!`/`-` applied to what binds tighter.
    private mutating func operand() -> ExpressionValue {
        let token = current
        switch token.kind {
        case .minus, .not:
            advance()
            let value = expression(minimumLevel: ExpressionToken.unaryLevel + 1)
            if failed { return value }
            return token.kind == .minus ? workspace.negate(value) : workspace.not(value)
        case .leftParen:
            advance()
            let value = expression(minimumLevel: 1)
            if failed { return value }
            guard current.kind == .rightParen else { return fail() }
            advance()
            return value
        case .operand:
            advance()
            let text = ExpressionText(buffer: ExpressionText.source, start: token.start, end: token.end)
            if current.kind == .leftParen { return call(text) }
            return token.isNumber ? .numericString(text) : .string(text)
        default:
            return fail()
        }
    }

    /// `NAME(a, b, ...)`: at least one argument; an empty one only after a comma.
    private mutating func call(_ name: ExpressionText) -> ExpressionValue {
        advance()
        var arguments: [ExpressionValue] = [expression(minimumLevel: 1)]
        while !failed, current.kind == .comma {
            advance()
            if current.kind == .comma || current.kind == .rightParen {
                arguments.append(.empty)
                continue
            }
            arguments.append(expression(minimumLevel: 1))
        }
        if failed { return .number(0) }
        guard current.kind == .rightParen else { return fail() }
        advance()
        return workspace.call(name, arguments: arguments)
    }
}
