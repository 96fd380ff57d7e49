import Testing
@testable import Dialplan

/// Evaluates without a context (so function calls and warnings go nowhere).
private func eval(_ text: String) -> String {
    ExpressionEvaluator.evaluate(text, context: nil)
}

/// A context with a few test functions, so calls and warnings can be observed.
private func makeContext() -> StandaloneContext {
    StandaloneContext(functions: FunctionRegistry([
        DialplanFunction("LEN", synopsis: "", read: { argument, _ in String(argument.utf8.count) }),
        DialplanFunction("ECHO", synopsis: "", read: { argument, _ in argument }),
        DialplanFunction("FAIL", synopsis: "", read: { _, _ throws(FunctionError) in
            throw FunctionError.failed(function: "FAIL", reason: "always")
        }),
        DialplanFunction("WRITEONLY", synopsis: "", write: { _, _, _ in }),
        DialplanFunction("LONG", synopsis: "", read: { _, _ in String(repeating: "x", count: 600) }),
    ]))
}

@Suite("ExpressionEvaluator")
struct ExpressionEvaluatorTests {
    /// Every case of Asterisk's tests/test_expr.c (also utils/expr2.testinput), with its expected output.
    static let upstreamVectors: [(String, String)] = [
        ("2 + 2", "4"),
        ("      2     +       2            ", "4"),
        ("", ""),
        ("2 - 4", "-2"),
        ("4 - 2", "2"),
        ("-4 - -2", "-2"),
        ("4 + 2 * 8", "20"),
        ("(4 + 2) * 8", "48"),
        ("4 + (2 * 8)", "20"),
        ("4 + (2 * 8) ? 3 :: 6", "3"),
        ("4 + 8 / 2", "8"),
        ("FLOOR(4 + 8 / 3)", "6"),
        ("(4+8) / 3", "4"),
        ("4 + 8 % 3", "6"),
        ("4 + 9 % 3", "4"),
        ("(4+9) %3", "1"),
        ("(4+8) %3", "0"),
        ("(4+9) % 3", "1"),
        ("(4+8) % 3", "0"),
        ("(4+9)% 3", "1"),
        ("(4+8)% 3", "0"),
        ("4 & 4", "4"),
        ("0 & 4", "0"),
        ("0 & 0", "0"),
        ("2 | 0", "2"),
        ("2 | 4", "2"),
        ("0 | 0", "0"),
        ("!0 | 0", "1"),
        ("!4 | 0", "0"),
        ("4 | !0", "4"),
        ("!4 | !0", "1"),
        ("0", "0"),
        ("!0", "1"),
        ("00", "00"),
        ("!00", "1"),
        ("1", "1"),
        ("!1", "0"),
        ("01", "01"),
        ("!01", "0"),
        ("3 < 4", "1"),
        ("4 < 3", "0"),
        ("3 > 4", "0"),
        ("4 > 3", "1"),
        ("3 = 3", "1"),
        ("3 = 4", "0"),
        ("3 != 3", "0"),
        ("3 != 4", "1"),
        ("3 >= 4", "0"),
        ("3 >= 3", "1"),
        ("4 >= 3", "1"),
        ("3 <= 4", "1"),
        ("4 <= 3", "0"),
        ("4 <= 4", "1"),
        ("3 > 4 & 4 < 3", "0"),
        ("4 > 3 & 3 < 4", "1"),
        ("x = x", "1"),
        ("y = x", "0"),
        ("x != y", "1"),
        ("x != x", "0"),
        ("\"Something interesting\" =~ interesting", "11"),
        ("\"Something interesting\" =~ Something", "9"),
        ("\"Something interesting\" : Something", "9"),
        ("\"Something interesting\" : interesting", "0"),
        ("\"Something interesting\" =~ \"interesting\"", "11"),
        ("\"Something interesting\" =~ \"Something\"", "9"),
        ("\"Something interesting\" : \"Something\"", "9"),
        ("\"Something interesting\" : \"interesting\"", "0"),
        ("\"Something interesting\" =~ (interesting)", "11"),
        ("\"Something interesting\" =~ (Something)", "9"),
        ("\"Something interesting\" : (Something)", "9"),
        ("\"Something interesting\" : (interesting)", "0"),
        ("\"Something interesting\" =~ \"\\(interesting\\)\"", "0"),
        ("\"Something interesting\" =~ \"\\(Something\\)\"", "0"),
        ("\"Something interesting\" : \"\\(Something\\)\"", "0"),
        ("\"Something interesting\" : \"\\(interesting\\)\"", "0"),
        ("\"011043567857575\" : \"011\\(..\\)\"", "0"),
        ("\"9011043567857575\" : \"011\\(..\\)\"", "0"),
        ("\"011043567857575\" =~ \"011\\(..\\)\"", "0"),
        ("\"9011043567857575\" =~ \"011\\(..\\)\"", "0"),
        ("\"Something interesting\" =~ \"(interesting)\"", "interesting"),
        ("\"Something interesting\" =~ \"(Something)\"", "Something"),
        ("\"Something interesting\" : \"(Something)\"", "Something"),
        ("\"Something interesting\" : \"(interesting)\"", ""),
        ("\"011043567857575\" : \"011(..)\"", "04"),
        ("\"9011043567857575\" : \"011(..)\"", ""),
        ("\"011043567857575\" =~ \"011(..)\"", "04"),
        ("\"9011043567857575\" =~ \"011(..)\"", "04"),
        ("3", "3"),
        ("something", "something"),
        ("043", "043"),
        ("${GLOBAL(ULKOPREFIX)}9${x}", "${GLOBAL(ULKOPREFIX)}9${x}"),
        ("512059${x}", "512059${x}"),
    ]

    @Test("Asterisk's own expression test vectors", arguments: upstreamVectors)
    func upstream(_ input: String, _ expected: String) {
        #expect(eval(input) == expected)
    }

    /// The behaviours listed in the reference, §5 and §11 item 8.
    static let referenceVectors: [(String, String)] = [
        // Tokens: operators need no spaces; number tokens only `[0-9]+(\.[0-9]+)?`.
        ("2+8/2", "6"),
        ("1abc", "1abc"),
        ("2. + 1", "1"),
        (".10 + 1", "1"),
        ("0x10 + 0", "0"),
        ("1.5 + 1", "2.5"),
        // Quoted strings keep their quotes; other characters are dropped.
        ("\"x\"", "\"x\""),
        ("\"a b\"", "\"a b\""),
        ("[1] + {2}", "3"),
        ("`1` ~ + 2", "3"),
        ("\"abc", "abc"),
        ("007", "007"),
        ("1.0", "1.0"),
        ("1.50", "1.50"),
        ("-1.50", "-1.5"),
        // Numbers vs strings.
        ("7/2", "3.5"),
        ("1/3", "0.333333333333333333"),
        ("2.1+4.2", "6.3"),
        ("1000000*1000000", "1000000000000"),
        ("999999999999999999 + 0", "999999999999999999"),
        ("1000000000000000000 + 0", "1e+18"),
        ("0.1 + 0.2", "0.3"),
        ("5/0", "2147483647"),
        ("5 / abc", "2147483647"),
        ("abc / 5", "0"),
        ("5 % 0", "0"),
        ("-7 % 3", "-1"),
        ("7 % -3", "1"),
        ("7.5 % 2", "1.5"),
        ("abc + 1", "1"),
        ("1 + abc", "1"),
        ("abc + def", "0"),
        ("abc + 007", "7"),
        ("abc - 1", "-1"),
        ("5 - abc", "5"),
        ("007 - abc", "7"),
        ("abc * 2", "0"),
        ("-abc", "0"),
        ("-0", "-0"),
        ("0 * -1", "-0"),
        ("- - 3", "3"),
        // Comparisons: strings (quotes included) when either side is not numeric.
        ("\"abc\" = abc", "0"),
        ("\"1\" = 1", "0"),
        ("\"abc\" = \"abc\"", "1"),
        ("00 = 0", "1"),
        ("1.0 = 1", "1"),
        ("10 < 9", "0"),
        ("10 < 9a", "1"),
        ("abc < abd", "1"),
        ("abc >= abd", "0"),
        ("abc <= abc", "1"),
        ("b > abc", "1"),
        ("Z < a", "1"),
        // `|` and `&` return operands.
        ("0 | abc", "abc"),
        ("abc | 0", "abc"),
        ("abc & 0", "0"),
        ("abc & def", "abc"),
        ("0 | 007", "007"),
        ("05 | 1", "5"),
        ("05 & 1", "5"),
        ("0.0 | x", "x"),
        ("\"\" | x", "\"\""),
        ("3 | 4 & 0", "3"),
        // `!`: numbers test zero, text goes through atoi.
        ("!abc", "1"),
        ("!0.5", "1"),
        ("!1abc", "0"),
        ("!\"\"", "1"),
        ("!4294967296", "1"),
        ("!-5", "0"),
        ("!(1 - 1)", "1"),
        ("! abc =~ x", "1"),
        ("! abc =~ b", "0"),
        // Ternary.
        ("abc ? 1 :: 2", "1"),
        ("\"\" ? 1 :: 2", "2"),
        ("0 ? 1 :: 2", "2"),
        ("0.0 ? 1 :: 2", "2"),
        ("00 ? 1 :: 2", "2"),
        ("1 ? 007 :: 2", "007"),
        ("1 ? 2 :: 3 ? 4 :: 5", "4"),
        ("0 ? 2 :: 0 ? 4 :: 5", "5"),
        ("1 ? 0 ? 3 :: 4 :: 5", "4"),
        ("0 ? 1 :: 2 | 3", "2"),
        ("1 = 1 ? yes :: no", "yes"),
        // Regex: `:` anchored, `=~` not; quotes stripped; groups; bad pattern.
        ("abc : b", "0"),
        ("abc =~ b", "1"),
        ("abc : \"a(b)c\"", "b"),
        ("\"abc\" : \"a(b)c\"", "b"),
        ("abc : \"x(b)\"", ""),
        ("abc =~ \"(\"", ""),
        ("abc : \"[\"", ""),
        ("1234 : \"(12)\" + 1", "13"),
        ("aaa =~ \"a*\"", "3"),
        ("xyzabcabc =~ \"(abc)+\"", "abc"),
        ("xyzabcabc =~ \"(abc)*\"", "0"),
        ("\"abcd\" =~ \"(a|ab|abc)\"", "abc"),
        ("\"abcd\" =~ \"(a|ab)(c|bcd)\"", "a"),
        ("\"xabcx\" =~ \"b*\"", "0"),
        ("\"xabcx\" =~ \"(b*)c\"", "b"),
        ("b =~ \"(a)|b\"", "1"),
        ("1.50 : \"1.5\"", "3"),
        ("7 / 2 : \"3\"", "2147483647"),
        ("(7 / 2) : \"3\"", "1"),
        ("(7 / 2) =~ \"(\\.5)\"", ".5"),
        ("(1 / 3) =~ \"3+\"", "18"),
        // Concatenation.
        ("abc ~~ def", "abcdef"),
        ("\"a b\" ~~ \"c\"", "a bc"),
        ("1 ~~ 2 + 1", "13"),
        ("1.5 ~~ 0", "1.50"),
        ("7 / 2 ~~ x", "2147483647"),
        ("(7 / 2) ~~ x", "3.5x"),
        // Precedence: unary binds looser than the string operators, tighter than `* / %`.
        ("-2 * 3", "-6"),
        ("2 * -3 + 1", "-5"),
        ("-12 : 1", "-1"),
        ("- 12 : \"(2)\"", "0"),
        ("1 + 2 * 3 - 4", "3"),
        ("10 - 2 - 3", "5"),
        ("12 / 2 / 3", "2"),
        ("1 < 2 = 1", "1"),
        ("2 > 1 > 0", "1"),
        ("1 | 0 & 0", "1"),
        ("(1 | 0) & 0", "0"),
        // Built-in math functions.
        ("ROUND(2.5)", "3"),
        ("ROUND(-2.5)", "-3"),
        ("RINT(2.5)", "2"),
        ("RINT(3.5)", "4"),
        ("TRUNC(-2.7)", "-2"),
        ("FLOOR(-2.5)", "-3"),
        ("CEIL(2.1)", "3"),
        ("ABS(-3)", "3"),
        ("ABS(-0)", "-0"),
        ("SQRT(16)", "4"),
        ("SQRT(2)", "1.41421356237309505"),
        ("POW(2, 10)", "1024"),
        ("POW(2,0.5)", "1.41421356237309505"),
        ("EXP2(10)", "1024"),
        ("EXP10(3)", "1000"),
        ("LOG10(1000)", "3"),
        ("LOG2(8)", "3"),
        ("LOG(1)", "0"),
        ("EXP(0)", "1"),
        ("COS(0)", "1"),
        ("SIN(0)", "0"),
        ("TAN(0)", "0"),
        ("ACOS(1)", "0"),
        ("ASIN(0)", "0"),
        ("ATAN(0)", "0"),
        ("ATAN2(0, 1)", "0"),
        ("REMAINDER(7, 4)", "-1"),
        ("TRUNC(7 / 2)", "3"),
        ("SQRT(-1)", "-nan"),
        ("POW(10, 5000)", "inf"),
        ("round(2.5)", "0"),
        ("Round(2.5)", "0"),
        ("ROUND(1, 2)", "0"),
        ("POW(2)", "0"),
        ("FLOOR(abc)", "0"),
        // Function without a context, unknown functions, odd names.
        ("UNKNOWN(1)", "0"),
        ("2 (3)", "0"),
        ("\"X\"(1)", "0"),
        // Empty and whitespace-only expressions.
        ("   ", ""),
        ("\t\r\n", ""),
        ("[ ]", ""),
        // Leftover `${...}` references.
        ("${A}", "${A}"),
        ("x${A}y", "x${A}y"),
        ("${A{B}C}D", "${A{B}C}D"),
        ("${A},1", "${A},1"),
        ("${A} = ${A}", "0"),
        ("${A}", "${A}"),
        ("${abc", ""),
        ("1 + ${abc", "0"),
        // An operator right after `}` is pushed back by flex, whose token text then runs to the end.
        ("${A}+1", "1"),
        ("${A}+1 = 1", "1"),
        ("${A} = ${A} = ${A} = ${A}", "0"),
        // A NUL ends the expression, as in C.
        ("1 + 2\u{0}junk", "3"),
        // `$` not followed by `{` is part of a word.
        ("$a = $a", "1"),
        ("a$ b", "a$ b"),
        ("$", ""),
        // Non-ASCII bytes are word bytes.
        ("héllo", "héllo"),
        ("\"é\" = é", "0"),
        ("é = é", "1"),
    ]

    @Test("Reference behaviours (§5, §11.8)", arguments: referenceVectors)
    func reference(_ input: String, _ expected: String) {
        #expect(eval(input) == expected)
    }

    /// Inputs Asterisk's grammar rejects: the result is "0" and a warning is raised.
    static let syntaxErrors: [String] = [
        "2 2",
        "1, 2",
        " = 1",
        "(1",
        "1)",
        "()",
        "1 +",
        "+ 1",
        "a :: b",
        "a ? b",
        "a ? b : c",
        "1 ? 2 , 3 :: 4",
        "LEN()",
        "LEN(,a)",
        "(1)(2)",
        "1 ! 2",
        "\"a\" \"b\"",
        "abc def",
        "* 3",
        "1 + + 2",
        "1 = = 1",
    ]

    @Test("Syntax errors give 0 and a warning", arguments: syntaxErrors)
    func syntaxError(_ input: String) {
        let context = makeContext()
        #expect(ExpressionEvaluator.evaluate(input, context: context) == "0")
        #expect(context.warnings.contains { $0.contains("syntax error") })
    }

    @Test("Empty expression gives an empty result and no warning")
    func emptyExpression() {
        let context = makeContext()
        #expect(ExpressionEvaluator.evaluate("", context: context) == "")
        #expect(ExpressionEvaluator.evaluate("  \t ", context: context) == "")
        #expect(context.warnings.isEmpty)
    }

    @Test("Valid expressions raise no syntax warning")
    func noWarning() {
        let context = makeContext()
        #expect(ExpressionEvaluator.evaluate("3 + 1 > 5", context: context) == "0")
        #expect(ExpressionEvaluator.evaluate("\"${A}\" = \"x\"", context: context) == "0")
        #expect(context.warnings.isEmpty)
    }

    @Test("Run-time problems warn but still give the C result")
    func runtimeWarnings() {
        let context = makeContext()
        #expect(ExpressionEvaluator.evaluate("5 / 0", context: context) == "2147483647")
        #expect(context.warnings.last == "division by zero")
        #expect(ExpressionEvaluator.evaluate("abc + 1", context: context) == "1")
        #expect(context.warnings.last == "non-numeric argument")
        #expect(ExpressionEvaluator.evaluate("abc : \"(\"", context: context) == "")
        #expect(context.warnings.last?.contains("regcomp") == true)
        #expect(ExpressionEvaluator.evaluate("POW(1)", context: context) == "0")
        #expect(context.warnings.last == "Wrong args to POW() function")
        #expect(ExpressionEvaluator.evaluate("len(abc)", context: context) == "0")
        #expect(context.warnings.last?.contains("not possibly a function name") == true)
    }

    @Test("Dialplan functions are called through the registry")
    func registryFunctions() {
        let context = makeContext()
        #expect(ExpressionEvaluator.evaluate("LEN(abc)", context: context) == "3")
        #expect(ExpressionEvaluator.evaluate("LEN(abc) + 1", context: context) == "4")
        // Arguments are evaluated and joined with commas; quotes stay, numbers print with %.18Lg.
        #expect(ExpressionEvaluator.evaluate("ECHO(a, 1 + 1, \"q\")", context: context) == "a,2,\"q\"")
        #expect(ExpressionEvaluator.evaluate("ECHO(a,,b)", context: context) == "a,,b")
        #expect(ExpressionEvaluator.evaluate("ECHO(a,)", context: context) == "a,")
        #expect(ExpressionEvaluator.evaluate("ECHO(7 / 2)", context: context) == "3.5")
        // Results that look numeric become numbers: leading zeros go, "" becomes 0.
        #expect(ExpressionEvaluator.evaluate("ECHO(007)", context: context) == "7")
        #expect(ExpressionEvaluator.evaluate("ECHO(\"\" ~~ \"\")", context: context) == "0")
        #expect(ExpressionEvaluator.evaluate("ECHO(x ~~ \" 5\")", context: context) == "x 5")
        #expect(ExpressionEvaluator.evaluate("ECHO(abc) = abc", context: context) == "1")
        #expect(ExpressionEvaluator.evaluate("LEN(ECHO(hello))", context: context) == "5")
        #expect(context.warnings.isEmpty)
    }

    @Test("Function failures warn and give 0")
    func functionFailures() {
        let context = makeContext()
        #expect(ExpressionEvaluator.evaluate("NOSUCH(1)", context: context) == "0")
        #expect(context.warnings.last?.contains("NOSUCH") == true)
        #expect(ExpressionEvaluator.evaluate("WRITEONLY(1)", context: context) == "0")
        #expect(context.warnings.last?.contains("cannot be read") == true)
        #expect(ExpressionEvaluator.evaluate("FAIL(1)", context: context) == "0")
        #expect(context.warnings.last?.contains("always") == true)
        #expect(ExpressionEvaluator.evaluate("abc(1)", context: context) == "0")
    }

    @Test("Function results are cut to Asterisk's 511-byte buffer")
    func functionResultLimit() {
        let context = makeContext()
        #expect(ExpressionEvaluator.evaluate("LONG(1)", context: context) == String(repeating: "x", count: 511))
    }

    @Test("Both branches of a ternary and both sides of | are evaluated")
    func noShortCircuit() {
        final class Counter: @unchecked Sendable { var calls = 0 }
        let counter = Counter()
        let context = StandaloneContext(functions: FunctionRegistry([
            DialplanFunction("TICK", synopsis: "", read: { argument, _ in
                counter.calls += 1
                return argument
            })
        ]))
        #expect(ExpressionEvaluator.evaluate("1 ? TICK(a) :: TICK(b)", context: context) == "a")
        #expect(counter.calls == 2)
        #expect(ExpressionEvaluator.evaluate("TICK(1) | TICK(2)", context: context) == "1")
        #expect(counter.calls == 4)
    }

    @Test("Deep nesting is rejected with 0, not a crash")
    func deepNesting() {
        let context = makeContext()
        let parens = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        #expect(ExpressionEvaluator.evaluate(parens, context: context) == "0")
        #expect(context.warnings.last?.contains("nested") == true)
        let bangs = String(repeating: "!", count: 100_000) + "1"
        #expect(ExpressionEvaluator.evaluate(bangs, context: nil) == "0")
        let minus = String(repeating: "- ", count: 100_000) + "1"
        #expect(ExpressionEvaluator.evaluate(minus, context: nil) == "0")
        let calls = String(repeating: "ABS(", count: 50_000) + "1" + String(repeating: ")", count: 50_000)
        #expect(ExpressionEvaluator.evaluate(calls, context: nil) == "0")
        let ternary = String(repeating: "1 ? ", count: 50_000) + "1" + String(repeating: " :: 0", count: 50_000)
        #expect(ExpressionEvaluator.evaluate(ternary, context: nil) == "0")
    }

    @Test("Moderate nesting still evaluates")
    func moderateNesting() {
        let parens = String(repeating: "(", count: 100) + "1 + 1" + String(repeating: ")", count: 100)
        #expect(eval(parens) == "2")
        #expect(eval(String(repeating: "!", count: 100) + "5") == "1")
        #expect(eval(String(repeating: "!", count: 101) + "5") == "0")
        let flat = Array(repeating: "1", count: 10_000).joined(separator: " + ")
        #expect(eval(flat) == "10000")
    }

    @Test("Random bytes never crash the evaluator")
    func randomInputs() {
        var generator = SeededGenerator(seed: 0xA57E_215C)
        let alphabet = Array("0123456789 .+-*/%()!=<>|&?:~,\"${}[]abcXYZ_'#@^\\\t\né".utf8)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            var bytes = [UInt8]()
            for _ in 0..<length {
                if Bool.random(using: &generator) {
                    bytes.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &generator))
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let context = makeContext()
            let result = ExpressionEvaluator.evaluate(text, context: context)
            // Deterministic, and a syntax error always reads "0".
            #expect(ExpressionEvaluator.evaluate(text, context: nil) == result)
            if context.warnings.contains(where: { $0.contains("syntax error") }) { #expect(result == "0") }
        }
    }

    @Test("Concurrent evaluation with regexes is safe")
    func concurrentRegex() async {
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    var ok = true
                    for round in 0..<300 {
                        let pattern = "\"a(\(round % 300 + index))\""
                        ok = ok && ExpressionEvaluator.evaluate("\"a\(round % 300 + index)x\" : \(pattern)", context: nil)
                            == String(round % 300 + index)
                    }
                    return ok
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}
