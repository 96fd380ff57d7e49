import Foundation
import Testing
@testable import Dialplan

@Suite struct StringFunctionsTests {
    @Test func lenCountsBytesOfTheRawArgument() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("LEN", "example", ctx) == "7")
        #expect(try read("LEN", "a,b", ctx) == "3")
        #expect(try read("LEN", "", ctx) == "0")
        #expect(try read("LEN", "é", ctx) == "2")
    }

    // AST_TEST_DEFINE(test_FILTER), funcs/func_strings.c
    @Test(arguments: [
        ("A-R", "DAHDI"),
        ("A\\-R", "A"),
        ("\\x41-R", "DAHDI"),
        ("0-9A-Ca-c", "0042133333A12212"),
        ("0-9a-cA-C_+\\-", "0042133333A12212"),
    ])
    func filterUpstreamVectors(allowed: String, expected: String) throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("FILTER", "\(allowed),0042133333&DAHDI/g1/2212", ctx) == expected)
    }

    @Test func filterEdgeCases() throws {
        let ctx = FunctionTestKit.context()
        #expect(throws: FunctionError.self) { try read("FILTER", "abc", ctx) }
        #expect(try read("FILTER", ",abc", ctx) == "")
        #expect(try read("FILTER", "0-9,(555) 123-4567", ctx) == "5551234567")
        #expect(try read("FILTER", "\\x20\\t,a b\tc", ctx) == " \t")
        #expect(try read("FILTER", "z-a,az", ctx) == "az") // wraps through 255 and 0
        #expect(throws: FunctionError.self) { try read("FILTER", "\\xZZ,abc", ctx) }
    }

    // AST_TEST_DEFINE(test_REPLACE)
    @Test(arguments: [
        ("abc,def", "\\,", "-", "abc-def"),
        ("abc,abc", "bc", "a", "aaa,aaa"),
        ("abc,def", "x", "?", "abc,def"),
        ("abc,def", "\\,", "", "abcdef"),
    ])
    func replaceUpstreamVectors(value: String, find: String, replacement: String, expected: String) throws {
        let ctx = FunctionTestKit.context(variables: ["TEST_STRING": value])
        #expect(try read("REPLACE", "TEST_STRING,\(find),\(replacement)", ctx) == expected)
        #expect(ctx.variable(named: "TEST_STRING") == value)
    }

    @Test func replaceErrors() throws {
        let ctx = FunctionTestKit.context(variables: ["V": "hello"])
        #expect(throws: FunctionError.self) { try read("REPLACE", "V", ctx) }
        #expect(throws: FunctionError.self) { try read("REPLACE", ",l,x", ctx) }
        #expect(try read("REPLACE", "V,l", ctx) == "heo")
        #expect(try read("REPLACE", "EMPTY,l,x", ctx) == "")
    }

    // AST_TEST_DEFINE(test_STRREPLACE): nil entries mean the argument is left out.
    @Test(arguments: [
        ("Weasels have eaten my telephone system", "test_string,have eaten my,are eating our,",
         "Weasels are eating our telephone system"),
        ("Did you know twenty plus two is twenty-two?", "test_string,twenty,thirty",
         "Did you know thirty plus two is thirty-two?"),
        ("foofoofoofoofoofoofoo", "test_string,foofoo,bar", "barbarbarfoo"),
        ("My pet dog once ate a dog who sat on a dog while eating a corndog.", "test_string,dog,cat,3",
         "My pet cat once ate a cat who sat on a cat while eating a corndog."),
        ("One and one and one is three", "test_string,and,plus,1", "One plus one and one is three"),
        ("", "test_string,fhqwagads,spelunker", ""),
        ("Part of this string is missing.", "test_string,missing", "Part of this string is ."),
        ("'Accidentally' left off a bunch of stuff.", "test_string", ""),
        ("This test will also error.", "test_string,,,", ""),
        ("This is an \"escape character\" test.", "test_string,\\\"escape character\\\",evil", "This is an evil test."),
    ])
    func strReplaceUpstreamVectors(value: String, arguments: String, expected: String) {
        let ctx = FunctionTestKit.context(variables: ["test_string": value])
        #expect(FunctionTestKit.shown("STRREPLACE", arguments, ctx) == expected)
    }

    @Test func strReplaceFailsWithoutFindString() {
        let ctx = FunctionTestKit.context(variables: ["v": "abc"])
        #expect(throws: FunctionError.self) { try read("STRREPLACE", "v,,x", ctx) }
        #expect(throws: FunctionError.self) { try read("STRREPLACE", "v", ctx) }
    }

    // AST_TEST_DEFINE(test_STRBETWEEN)
    @Test(arguments: [
        ("0", "w", "0"), ("30", "w", "3w0"), ("212", "w", "2w1w2"), ("212", "55", "2551552"), ("212", " ", "2 1 2"),
        ("", "w", ""), ("555", "", "555"), ("abcdefg", "_", "a_b_c_d_e_f_g"), ("A", "A", "A"), ("AA", "B", "ABA"),
        ("AAA", "B", "ABABA"),
    ])
    func strBetweenUpstreamVectors(value: String, insert: String, expected: String) throws {
        let ctx = FunctionTestKit.context(variables: ["test_string": value])
        #expect(try read("STRBETWEEN", "test_string,\(insert)", ctx) == expected)
    }

    @Test func strBetweenNeedsExactlyTwoArguments() {
        let ctx = FunctionTestKit.context(variables: ["v": "12"])
        #expect(throws: FunctionError.self) { try read("STRBETWEEN", "v", ctx) }
        #expect(throws: FunctionError.self) { try read("STRBETWEEN", "v,a,b", ctx) }
    }

    @Test func regexMatchesPosixExtended() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("REGEX", "\"^[0-9]+$\" 12345", ctx) == "1")
        #expect(try read("REGEX", "\"^[0-9]+$\" 123a45", ctx) == "0")
        #expect(try read("REGEX", "\"abc\"xxabcxx", ctx) == "1")
        #expect(try read("REGEX", "\"^ a\"  a", ctx) == "1") // one leading space skipped, the second kept
        #expect(try read("REGEX", "\"^a\"  a", ctx) == "0")
        #expect(try read("REGEX", "\"\\.txt$\" a.txt", ctx) == "1") // backslash removed: "." matches any
        #expect(throws: FunctionError.self) { try read("REGEX", "no quotes", ctx) }
        #expect(throws: FunctionError.self) { try read("REGEX", "\"(\" x", ctx) }
    }

    @Test func trimFamilyRemovesBlanksAndControls() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("TRIM", "  a b \t\n", ctx) == "a b")
        #expect(try read("LTRIM", "  a b  ", ctx) == "a b  ")
        #expect(try read("RTRIM", "  a b  ", ctx) == "  a b")
        #expect(try read("TRIM", "", ctx) == "")
    }

    @Test func caseConversionIsAsciiOnly() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("TOUPPER", "Example", ctx) == "EXAMPLE")
        #expect(try read("TOLOWER", "Example", ctx) == "example")
        #expect(try read("TOUPPER", "é1a", ctx) == "é1A")
    }

    @Test func keypadHash() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("KEYPADHASH", "Les", ctx) == "537")
        #expect(try read("KEYPADHASH", "1-800-FLOWERS", ctx) == "18003569377")
        #expect(try read("KEYPADHASH", "*#!", ctx) == "")
    }

    @Test func quoting() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("QUOTE", "ab\"c\"de", ctx) == "\"ab\\\"c\\\"de\"")
        #expect(try read("QUOTE", "a\\b", ctx) == "\"a\\\\b\"")
        #expect(try read("QUOTE", "", ctx) == "\"\"")
        #expect(try read("CSV_QUOTE", "\"a,b\" 123", ctx) == "\"\"\"a,b\"\" 123\"")
        #expect(try read("CSV_QUOTE", "", ctx) == "\"\"")
    }

    @Test func passthruReturnsItsArgument() throws {
        let ctx = FunctionTestKit.context(variables: ["CHANNEL": "SIP/321-1"])
        #expect(try read("PASSTHRU", "a,b\"c", ctx) == "a,b\"c")
        // ${CUT(PASSTHRU(${CUT(CHANNEL,-,1)}),/,2)} from the PASSTHRU documentation.
        let inner = try read("CUT", "CHANNEL,-,1", ctx)
        #expect(try read("CUT", "PASSTHRU(\(inner)),/,2", ctx) == "321")
    }
}
