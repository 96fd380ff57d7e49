/// A token of `$[...]`: an operator, an operand (text range in the source) or the end.
struct ExpressionToken {
    /// What the token is.
    enum Kind: UInt8 {
        case end
        /// An operand: a number, a word, a `"..."` string or a leftover `${...}` reference.
        case operand
        case or, and
        case equal, notEqual, less, greater, lessEqual, greaterEqual
        case plus, minus, times, divide, modulo
        case question, colonColon
        case not
        case colon, equalTilde, tildeTilde
        case comma, leftParen, rightParen
    }

    var kind: Kind
    /// Byte range of the token in the source.
    var start: Int
    var end: Int
    /// True for a number token (`[0-9]+(\.[0-9]+)?`), which is a numeric string.
    var isNumber: Bool = false

    /// The precedence of a binary operator (1 lowest: `?`), 0 for other tokens.
    var binaryLevel: Int {
        switch kind {
        case .question: 1
        case .or: 2
        case .and: 3
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual: 4
        case .plus, .minus: 5
        case .times, .divide, .modulo: 6
        case .colon, .equalTilde, .tildeTilde: 8
        default: 0
        }
    }

    /// The level unary `!` and `-` bind at: above `* / %`, below `: =~ ~~`.
    static let unaryLevel = 7
}
