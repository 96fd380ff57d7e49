import Foundation
import Testing
@testable import Dialplan

@Suite struct ListFunctionsTests {
    @Test(arguments: [
        ("1", "a"), ("2", "b"), ("2-3", "b-c"), ("-2", "a-b"), ("3-", "c-d-e"), ("1&3&5", "a-c-e"), ("2-3&5", "b-c-e"),
        ("9", ""), ("4-9", "d-e"), ("0", ""), ("3-1", ""), ("2&1", "b"),
    ])
    func cutRanges(range: String, expected: String) throws {
        let ctx = FunctionTestKit.context(variables: ["v": "a-b-c-d-e"])
        #expect(try read("CUT", "v,-,\(range)", ctx) == expected)
    }

    @Test func cutDelimitersAndErrors() throws {
        let ctx = FunctionTestKit.context(variables: ["csv": "one,two,three", "path": "SIP/100-0001", "tab": "a\tb"])
        #expect(try read("CUT", "csv,\\,,2", ctx) == "two")
        #expect(try read("CUT", "csv,\\\\x2C,3", ctx) == "three") // \\x survives argument splitting as \x
        #expect(try read("CUT", "csv,\\x2C,1", ctx) == "one,two,three") // \x alone becomes plain x
        #expect(try read("CUT", "path,/,2", ctx) == "100-0001")
        #expect(try read("CUT", "path,,1", ctx) == "SIP/100") // empty delimiter means '-'
        #expect(try read("CUT", "tab,\\\\t,2", ctx) == "b")
        #expect(try read("CUT", "unset,-,1", ctx) == "")
        #expect(throws: FunctionError.self) { try read("CUT", "path,/", ctx) }
        #expect(throws: FunctionError.self) { try read("CUT", "path,/,x", ctx) }
        #expect(throws: FunctionError.self) { try read("CUT", "path,/,", ctx) }
        #expect(ctx.warnings.isEmpty)
        #expect(try read("CUT", "csv,\\,,3&1", ctx) == "three") // no fields left: the loop stops quietly
        #expect(ctx.warnings.isEmpty)
        ctx.setVariable("v", to: "a-b-c-d")
        #expect(try read("CUT", "v,-,3&1", ctx) == "c")
        #expect(!ctx.warnings.isEmpty) // "already past the field"
    }

    @Test func cutReadsFunctionsAndSubstrings() throws {
        let ctx = FunctionTestKit.context(variables: ["v": "xxa-b"])
        #expect(try read("CUT", "v:2,-,2", ctx) == "b")
        #expect(try read("CUT", "PASSTHRU(1-2-3),-,2-", ctx) == "2-3")
    }

    @Test func fieldQuantity() throws {
        let ctx = FunctionTestKit.context(variables: ["example": "ex-amp-le", "csv": "a,b,,c"])
        #expect(try read("FIELDQTY", "example,-", ctx) == "3")
        #expect(try read("FIELDQTY", "csv,\\,", ctx) == "4")
        #expect(try read("FIELDQTY", "csv,\\054", ctx) == "4")
        #expect(try read("FIELDQTY", "unset,-", ctx) == "0")
        #expect(try read("FIELDQTY", "example", ctx) == "1")
        #expect(try read("FIELDQTY", "example,", ctx) == "1")
    }

    // AST_TEST_DEFINE(test_FIELDNUM)
    @Test(arguments: [
        ("abc,def,ghi,jkl", "\\,", "ghi", "3"),
        ("abc def ghi jkl", " ", "abc", "1"),
        ("abc/def/ghi/jkl", "\\\\x2f", "def", "2"),
        ("abc$def$ghi$jkl", "", "ghi", "0"),
        ("abc,def,ghi,jkl", "-", "", "0"),
        ("abc-def-ghi-jkl", "-", "mno", "0"),
    ])
    func fieldNumberUpstreamVectors(fields: String, delimiter: String, field: String, expected: String) throws {
        let ctx = FunctionTestKit.context(variables: ["FIELDS": fields])
        #expect(try read("FIELDNUM", "FIELDS,\(delimiter),\(field)", ctx) == expected)
    }

    @Test func fieldNumberIsCaseInsensitiveAndNeedsThreeArguments() throws {
        let ctx = FunctionTestKit.context(variables: ["example": "ex-amp-le"])
        #expect(try read("FIELDNUM", "example,-,amp", ctx) == "2")
        #expect(try read("FIELDNUM", "example,-,AMP", ctx) == "2")
        #expect(throws: FunctionError.self) { try read("FIELDNUM", "example,-", ctx) }
    }

    @Test func listFilter() throws {
        let ctx = FunctionTestKit.context(variables: ["chans": "SIP/1,SIP/2,SIP/3", "dup": "a,b,a,c", "amp": "x&&y&&z"])
        #expect(try read("LISTFILTER", "chans,\\,,SIP/2", ctx) == "SIP/1,SIP/3")
        #expect(try read("LISTFILTER", "chans,\\,,SIP/1", ctx) == "SIP/2,SIP/3")
        #expect(try read("LISTFILTER", "chans,\\,,SIP/3", ctx) == "SIP/1,SIP/2")
        #expect(try read("LISTFILTER", "chans,\\,,SIP/9", ctx) == "SIP/1,SIP/2,SIP/3")
        #expect(try read("LISTFILTER", "chans,\\,,SIP", ctx) == "SIP/1,SIP/2,SIP/3")
        #expect(try read("LISTFILTER", "dup,\\,,a", ctx) == "b,c")
        #expect(try read("LISTFILTER", "amp,&&,y", ctx) == "x&&z")
        #expect(try read("LISTFILTER", "chans,,SIP/2", ctx) == "SIP/1,SIP/3") // empty delimiter means ','
        #expect(try read("LISTFILTER", "unset,\\,,a", ctx) == "")
        #expect(throws: FunctionError.self) { try read("LISTFILTER", "chans,\\,", ctx) }
    }

    @Test func shiftAndPopConsumeTheList() throws {
        let ctx = FunctionTestKit.context(variables: ["array": "one,two,three"])
        var seen: [String] = []
        while true {
            let item = try read("SHIFT", "array", ctx)
            if item.isEmpty { break }
            seen.append(item)
        }
        #expect(seen == ["one", "two", "three"])
        #expect(ctx.variable(named: "array") == "")

        ctx.setVariable("array", to: "one,two,three")
        seen = []
        while true {
            let item = try read("POP", "array", ctx)
            if item.isEmpty { break }
            seen.append(item)
        }
        #expect(seen == ["three", "two", "one"])

        ctx.setVariable("path", to: "a/b/c")
        #expect(try read("POP", "path,/", ctx) == "c")
        #expect(ctx.variable(named: "path") == "a/b")
        #expect(throws: FunctionError.self) { try read("SHIFT", "", ctx) }
    }

    @Test func pushAndUnshiftBuildLists() throws {
        let ctx = FunctionTestKit.context()
        try FunctionTestKit.write("PUSH", "array", "one", ctx)
        try FunctionTestKit.write("PUSH", "array", "two,three", ctx)
        #expect(ctx.variable(named: "array") == "one,two,three")
        try FunctionTestKit.write("UNSHIFT", "array", "zero", ctx)
        #expect(ctx.variable(named: "array") == "zero,one,two,three")
        try FunctionTestKit.write("PUSH", "__inherited,|", "a", ctx)
        try FunctionTestKit.write("PUSH", "__inherited,|", "b", ctx)
        #expect(ctx.variable(named: "inherited") == "a|b")
        #expect(throws: FunctionError.self) { try FunctionTestKit.write("PUSH", "", "x", ctx) }
        #expect(ctx.functions["PUSH"]?.read == nil)
    }

    @Test func hashAndArray() throws {
        let ctx = FunctionTestKit.context()
        try FunctionTestKit.write("HASH", "fruit,apple", "red", ctx)
        try FunctionTestKit.write("HASH", "_fruit,kiwi", "green", ctx)
        #expect(try read("HASH", "fruit,apple", ctx) == "red")
        #expect(try read("HASH", "fruit,kiwi", ctx) == "green")
        #expect(try read("HASH", "fruit,pear", ctx) == "")
        #expect(ctx.variable(named: "~HASH~fruit~apple~") == "red")

        try FunctionTestKit.write("ARRAY", "a,b,c", "1,2", ctx)
        #expect(ctx.variable(named: "a") == "1")
        #expect(ctx.variable(named: "b") == "2")
        #expect(ctx.variable(named: "c") == "")
        try FunctionTestKit.write("ARRAY", "x,GLOBAL(g)", "9,8", ctx)
        #expect(ctx.globalVariable(named: "g") == "8")
    }
}
