/// Parses and evaluates `$[...]` in one pass, with the grammar and precedences of Asterisk's `ast_expr2.y`.
///
/// Lowest to highest: `? ::`, `|`, `&`, comparisons, `+ -`, `* / %`, unary `! -`, `: =~ ~~`, parentheses.
/// Every binary operator is left-associative; both branches of `?` are evaluated, as in Asterisk.
struct ExpressionParser {
    /// Nesting (parentheses, unary operators, operands) beyond which an expression is rejected.
    static let maximumDepth = 256

    private var lexer: ExpressionLexer
    private var current: ExpressionToken
    private let context: (any EvaluationContext)?
    private var depth = 0
    /// The first syntax error, when there is one.
    private(set) var syntaxError: String?

    init(source: [UInt8], context: (any EvaluationContext)?) {
        lexer = ExpressionLexer(source: source)
        current = lexer.next()
        self.context = context
    }

    /// The value of the whole expression; "" when there are no tokens, nil on a syntax error.
    mutating func parse() -> ExpressionValue? {
        if current.kind == .end { return .empty }
        guard let value = expression(minimumLevel: 1) else { return nil }
        guard current.kind == .end else { return fail() }
        return value
    }

    private mutating func advance() {
        current = lexer.next()
    }

    private mutating func fail(_ reason: String? = nil) -> ExpressionValue? {
        if syntaxError == nil {
            syntaxError = reason ?? "syntax error: unexpected \(describe(current)) at offset \(current.start)"
        }
        return nil
    }

    private func describe(_ token: ExpressionToken) -> String {
        if token.kind == .end { return "end of expression" }
        let end = min(token.end, lexer.source.count)
        return "'" + String(decoding: lexer.source[token.start..<end], as: UTF8.self) + "'"
    }

    /// Operators of at least `minimumLevel`, left-associative.
    private mutating func expression(minimumLevel: Int) -> ExpressionValue? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            return fail("syntax error: expression nested more than \(Self.maximumDepth) levels deep")
        }
        guard var left = operand() else { return nil }
        while true {
            let level = current.binaryLevel
            guard level != 0, level >= minimumLevel else { return left }
            let kind = current.kind
            advance()
            if kind == .question {
                guard let whenTrue = expression(minimumLevel: 1) else { return nil }
                guard current.kind == .colonColon else { return fail() }
                advance()
                guard let whenFalse = expression(minimumLevel: 2) else { return nil }
                left = ExpressionOperators.choose(left, whenTrue, whenFalse, context: context)
            } else {
                guard let right = expression(minimumLevel: level + 1) else { return nil }
                left = ExpressionOperators.apply(kind, left, right, context: context)
            }
        }
    }

    /// A token, a function call, a parenthesised expression, or `!`/`-` applied to what binds tighter.
    private mutating func operand() -> ExpressionValue? {
        let token = current
        switch token.kind {
        case .minus, .not:
            advance()
            guard let value = expression(minimumLevel: ExpressionToken.unaryLevel + 1) else { return nil }
            return token.kind == .minus ? ExpressionOperators.negate(value, context: context) : ExpressionOperators.not(value)
        case .leftParen:
            advance()
            guard let value = expression(minimumLevel: 1) else { return nil }
            guard current.kind == .rightParen else { return fail() }
            advance()
            return value
        case .operand:
            advance()
            let text = lexer.source[token.start..<token.end]
            if current.kind == .leftParen { return call(text) }
            return token.isNumber ? .numericString(text) : .string(text)
        default:
            return fail()
        }
    }

    /// `NAME(a, b, ...)`: at least one argument; an empty one only after a comma.
    private mutating func call(_ name: ArraySlice<UInt8>) -> ExpressionValue? {
        advance()
        var arguments: [ExpressionValue] = []
        guard let first = expression(minimumLevel: 1) else { return nil }
        arguments.append(first)
        while current.kind == .comma {
            advance()
            if current.kind == .comma || current.kind == .rightParen {
                arguments.append(.empty)
                continue
            }
            guard let argument = expression(minimumLevel: 1) else { return nil }
            arguments.append(argument)
        }
        guard current.kind == .rightParen else { return fail() }
        advance()
        return ExpressionFunctionCall.call(name, arguments: arguments, context: context)
    }
}
