import Testing
@testable import Dialplan

/// Token kinds and texts of `text`, up to the end token.
private func lex(_ text: String) -> [(ExpressionToken.Kind, String)] {
    let source = Array(text.utf8)
    var lexer = ExpressionLexer(source: source)
    var tokens: [(ExpressionToken.Kind, String)] = []
    while tokens.count < 1_000 {
        let token = lexer.next()
        if token.kind == .end { break }
        tokens.append((token.kind, String(decoding: source[token.start..<token.end], as: UTF8.self)))
    }
    return tokens
}

private func texts(_ text: String) -> [String] { lex(text).map(\.1) }
private func kinds(_ text: String) -> [ExpressionToken.Kind] { lex(text).map(\.0) }

@Suite("ExpressionLexer")
struct ExpressionLexerTests {
    @Test("Operators, longest match first")
    func operators() {
        #expect(kinds("| || & && = == =~ ~~ > < >= <= != + - * / % ? :: ! : ( ) ,") == [
            .or, .or, .and, .and, .equal, .equal, .equalTilde, .tildeTilde, .greater, .less, .greaterEqual,
            .lessEqual, .notEqual, .plus, .minus, .times, .divide, .modulo, .question, .colonColon, .not, .colon,
            .leftParen, .rightParen, .comma,
        ])
        #expect(kinds(":::") == [.colonColon, .colon])
        #expect(kinds("=~~") == [.equalTilde])
        #expect(kinds("!==") == [.notEqual, .equal])
        #expect(texts("2+8/2") == ["2", "+", "8", "/", "2"])
    }

    @Test("Numbers are [0-9]+(.[0-9]+)?; longer words win", arguments: [
        ("12", true), ("1.5", true), ("007", true), ("1abc", false), ("2.", false), (".10", false),
        ("0x10", false), ("1.2.3", false), ("1e5", false),
    ])
    func numbers(_ text: String, _ isNumber: Bool) {
        var lexer = ExpressionLexer(source: Array(text.utf8))
        let token = lexer.next()
        #expect(token.kind == .operand)
        #expect(token.end - token.start == text.utf8.count)
        #expect(token.isNumber == isNumber)
        #expect(lexer.next().kind == .end)
    }

    @Test("Word bytes, quotes and dropped characters")
    func words() {
        #expect(texts("a.b';c\\d_e^f#g@h") == ["a.b';c\\d_e^f#g@h"])
        #expect(texts("héllo wörld") == ["héllo", "wörld"])
        #expect(texts("\"a b\" c") == ["\"a b\"", "c"])
        #expect(texts("\"\"") == ["\"\""])
        #expect(texts("\"unclosed x") == ["unclosed", "x"])
        #expect(texts("[1]{2}`3`~4") == ["1", "2", "3", "4"])
        #expect(texts(" \t\r\n ") == [])
    }

    @Test("`$` is a word byte unless `{` follows")
    func dollar() {
        #expect(texts("$a") == ["$a"])
        #expect(texts("a$ b") == ["a$ b"])
        #expect(texts("$+1") == ["$+1"])
        #expect(texts("$+ 1") == ["$+", "1"])
        #expect(texts("$$") == ["$$"])
        #expect(texts("a $") == ["a"])
    }

    @Test("Leftover ${...} references")
    func references() {
        #expect(texts("${X}") == ["${X}"])
        #expect(texts("ab${X}cd") == ["ab${X}cd"])
        #expect(texts("${A{B}}x${C}") == ["${A{B}}x${C}"])
        #expect(texts("${X},\"q\" y") == ["${X},\"q\"", "y"])
        #expect(texts("${X} y") == ["${X} y", "y"])
        #expect(texts("${X}+1") == ["${X}+1", "+", "1"])
        #expect(texts("${X}z+1") == ["${X}z", "+", "1"])
        #expect(texts("1 ${unclosed + 2") == ["1"])
        #expect(texts("${X}$y") == ["${X}$y", "$y"])
    }
}
