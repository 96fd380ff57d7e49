import Foundation
import Testing
@testable import Dialplan

@Suite struct SayFilesTests {
    // AST_TEST_DEFINE(test_SAYFILES_function), funcs/func_sayfiles.c
    @Test(arguments: [
        ("hi Th3re,alpha", "letters/h&letters/i&letters/space&letters/t&letters/h&digits/3&letters/r&letters/e"),
        ("phreak,phonetic", "phonetic/p_p&phonetic/h_p&phonetic/r_p&phonetic/e_p&phonetic/a_p&phonetic/k_p"),
        ("35,digits", "digits/3&digits/5"),
        ("35,number", "digits/30&digits/5"),
        ("747,number", "digits/7&digits/hundred&digits/40&digits/7"),
        ("1042,number", "digits/1&digits/thousand&digits/40&digits/2"),
        ("0,number", "digits/0"),
        ("2001000001,number", "digits/2&digits/billion&digits/1&digits/million&digits/1"),
        ("7,ordinal", "digits/h-7"),
        ("35,ordinal", "digits/30&digits/h-5"),
        ("1042,ordinal", "digits/1&digits/thousand&digits/40&digits/h-2"),
        ("11042,ordinal", "digits/11&digits/thousand&digits/40&digits/h-2"),
        ("40000,ordinal", "digits/40&digits/h-thousand"),
        ("43638,ordinal", "digits/40&digits/3&digits/thousand&digits/6&digits/hundred&digits/30&digits/h-8"),
        ("1000000,ordinal", "digits/1&digits/h-million"),
        ("1000001,ordinal", "digits/1&digits/million&digits/h-1"),
        ("2001000001,ordinal", "digits/2&digits/billion&digits/1&digits/million&digits/h-1"),
        ("0,money", "digits/0&cents"),
        ("0.01,money", "digits/1&cent"),
        ("0.42,money", "digits/40&digits/2&cents"),
        ("1.00,money", "digits/1&letters/dollar"),
        ("1.42,money", "digits/1&letters/dollar_&and&digits/40&digits/2&cents"),
        ("2.00,money", "digits/2&dollars"),
        ("2.42,money", "digits/2&dollars&and&digits/40&digits/2&cents"),
    ])
    func upstreamVectors(argument: String, expected: String) throws {
        #expect(try read("SAYFILES", argument, FunctionTestKit.context()) == expected)
    }

    @Test(arguments: [
        ("abc", "letters/a&letters/b&letters/c"), ("*#-,digits", "digits/star&digits/pound&digits/minus"),
        ("12a3,digits", "digits/1&digits/2&digits/3"), ("A!@$.=+/%", "letters/a&letters/exclaimation-point&letters/at&letters/dollar&letters/dot&letters/equals&letters/plus&letters/slash&letters/ascii37"),
        ("9x%,phonetic", "phonetic/9_p&phonetic/x_p"), ("-15,number", "digits/minus&digits/15"),
        ("100,number", "digits/1&digits/hundred"), ("20,number", "digits/20"), ("1000000,number", "digits/1&digits/million"),
        ("0x1F,number", "digits/30&digits/1"), ("2147483647,number",
         "digits/2&digits/billion&digits/1&digits/hundred&digits/40&digits/7&digits/million&digits/4&digits/hundred&digits/80&digits/3&digits/thousand&digits/6&digits/hundred&digits/40&digits/7"),
        ("-2147483648,number", "digits/minus"), ("100,ordinal", "digits/1&digits/h-hundred"), ("20,ordinal", "digits/h-20"),
        ("0,ordinal", ""), ("101,ordinal", "digits/1&digits/hundred&digits/h-1"), ("3000000000,money", ""),
        ("12.5,money", "digits/12&dollars&and&digits/50&cents"), ("0.29,money", "digits/20&digits/9&cents"),
        ("abc,money", "digits/0&cents"), ("-1.00,money", ""), ("1,", "digits/1"),
    ])
    func moreCases(argument: String, expected: String) throws {
        #expect(try read("SAYFILES", argument, FunctionTestKit.context()) == expected)
    }

    @Test func badInput() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("SAYFILES", "", ctx) == "")
        #expect(ctx.warnings.count == 1)
        for bad in ["12x,number", "99999999999,number", ",number", "1,ordinals", "1,Number", "1.5,ordinal"] {
            #expect(throws: FunctionError.self, "SAYFILES(\(bad))") { try read("SAYFILES", bad, ctx) }
        }
    }
}
