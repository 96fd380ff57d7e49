import Foundation
import Testing
@testable import Dialplan

@Suite struct LogicFunctionsTests {
    @Test(arguments: [
        ("1?yes:no", "yes"), ("0?yes:no", "no"), (" 1 ? yes : no ", "yes"), ("abc?yes:no", "yes"), ("0.9?yes:no", "no"),
        ("1?yes", "yes"), ("0?yes", ""), ("0?:no", "no"), ("1?:no", ""), ("\"0\"?a:b", "b"), ("1?a:b:c", "a"),
        ("1?\"x:y\":z", "x:y"), ("1?a\\:b:c", "a:b"), ("00?t:f", "f"),
    ])
    func ifChoosesABranch(argument: String, expected: String) throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("IF", argument, ctx) == expected)
    }

    @Test func ifSyntaxErrors() {
        let ctx = FunctionTestKit.context()
        for bad in ["", "1", "?a:b", "1?"] {
            #expect(throws: FunctionError.self, "IF(\(bad))") { try read("IF", bad, ctx) }
        }
    }

    @Test func ifTimeUsesTheContextClockAndZone() throws {
        // 2024-03-15 12:34:56 UTC is a Friday; in New York it is 08:34.
        let utc = FunctionTestKit.context()
        #expect(try read("IFTIME", "12:00-13:00,fri,15,mar?in:out", utc) == "in")
        #expect(try read("IFTIME", "12:00-12:30,*,*,*?in:out", utc) == "out")
        #expect(try read("IFTIME", "*,mon-thu,*,*?in:out", utc) == "out")
        #expect(try read("IFTIME", "*,*,*,*?in", utc) == "in")
        #expect(try read("IFTIME", "*,sat?in", utc) == "")
        #expect(try read("IFTIME", "08:00-09:00,*,*,*,America/New_York?in:out", utc) == "in")
        #expect(try read("IFTIME", "\"12:00-13:00,*,*,*?\"quoted\":no\"", utc) == "quoted")
        let newYork = FunctionTestKit.context(zone: "America/New_York")
        #expect(try read("IFTIME", "08:00-09:00?local:other", newYork) == "local")
        #expect(throws: FunctionError.self) { try read("IFTIME", "12:00-13:00", utc) }
        #expect(throws: FunctionError.self) { try read("IFTIME", "?a:b", utc) }
        _ = try read("IFTIME", "25:00,*,*,*?a:b", utc)
        #expect(!utc.warnings.isEmpty)
    }

    @Test func nullAndExists() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("ISNULL", "", ctx) == "1")
        #expect(try read("ISNULL", "x", ctx) == "0")
        #expect(try read("EXISTS", "", ctx) == "0")
        #expect(try read("EXISTS", " ", ctx) == "1")
    }

    @Test func setAssignsAndReturns() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("SET", "var= hello, world ", ctx) == "hello, world")
        #expect(ctx.variable(named: "var") == "hello, world")
        #expect(try read("SET", " spaced =a=b", ctx) == "a=b")
        #expect(ctx.variable(named: "spaced") == "a=b")
        #expect(try read("SET", "empty=", ctx) == "")
        #expect(try read("VARIABLE_EXISTS", "empty", ctx) == "1")
        #expect(try read("SET", "GLOBAL(g)=7", ctx) == "7")
        #expect(ctx.globalVariable(named: "g") == "7")
        #expect(throws: FunctionError.self) { try read("SET", "novalue", ctx) }
        #expect(throws: FunctionError.self) { try read("SET", "=x", ctx) }
    }

    @Test func globalsAreSeparateFromChannelVariables() throws {
        let ctx = FunctionTestKit.context(variables: ["x": "channel"], globals: ["x": "global"])
        #expect(try read("GLOBAL", "x", ctx) == "global")
        #expect(try read("GLOBAL", "missing", ctx) == "")
        try FunctionTestKit.write("GLOBAL", "y", "new", ctx)
        #expect(ctx.globalVariable(named: "y") == "new")
        #expect(ctx.variable(named: "y") == "new") // channel lookups fall back to globals
        #expect(ctx.channelVariables["y"] == nil)
    }

    @Test func variableExistsAndDelete() throws {
        let ctx = FunctionTestKit.context(variables: ["a": "1"])
        #expect(try read("VARIABLE_EXISTS", "a", ctx) == "1")
        #expect(try read("VARIABLE_EXISTS", "b", ctx) == "0")
        try FunctionTestKit.write("DELETE", "a", "", ctx)
        #expect(try read("VARIABLE_EXISTS", "a", ctx) == "0")
        ctx.setVariable("c", to: "")
        #expect(try read("DELETE", "c", ctx) == "")
        #expect(ctx.variable(named: "c") == nil)
        #expect(throws: FunctionError.self) { try FunctionTestKit.write("DELETE", "", "", ctx) }
    }
}
