import Foundation
import Testing
@testable import Dialplan

@Suite struct MathFunctionsTests {
    // AST_TEST_DEFINE(test_MATH_function) and documented examples.
    @Test(arguments: [
        ("170 AND 63,i", "42"), ("170AND63,i", "42"), ("123%16,int", "11"), ("3+2", "5.000000"), ("3*-2", "-6.000000"),
        ("-3-2,i", "-5"), ("10/4", "2.500000"), ("10/0", "0.000000"), ("10/-2", "0.000000"), ("2^10,i", "1024"),
        ("1<<4,i", "16"), ("256>>4,i", "16"), ("12 OR 3,i", "15"), ("12XOR10,i", "6"), ("255,h", ""), ("255+0,h", "ff"),
        ("65+0,c", "A"), ("3<4", "TRUE"), ("3>4", "FALSE"), ("4>=4", "TRUE"), ("5<=4", "FALSE"), ("4==4.0", "TRUE"),
        ("7%0,i", "0"), ("1.5*2,f", "3.000000"), ("1e3+1,int", "1001"),
    ])
    func math(expression: String, expected: String) {
        let ctx = FunctionTestKit.context()
        #expect(FunctionTestKit.shown("MATH", expression, ctx) == expected)
    }

    @Test func mathRejectsBadInput() {
        let ctx = FunctionTestKit.context()
        for bad in ["", "5", "a+b", "1+b", "4=4", "1+1,weird", "-", "AND", "1e999999999999999999999999999999*", "%%%"] {
            #expect(throws: FunctionError.self, "MATH(\(bad))") { try read("MATH", bad, ctx) }
        }
        // Integer corner cases must not trap.
        #expect(FunctionTestKit.shown("MATH", "-2147483648%-1,i", ctx) == "0")
        #expect(FunctionTestKit.shown("MATH", "1e300*1e300,i", ctx) == "-2147483648")
        #expect(FunctionTestKit.shown("MATH", "1<<99,i", ctx) == "8")
    }

    @Test func minMaxAbs() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("MIN", "10,6", ctx) == "6")
        #expect(try read("MIN", "6,10", ctx) == "6")
        #expect(try read("MIN", "10", ctx) == "10")
        #expect(try read("MIN", ",10", ctx) == "10")
        #expect(try read("MIN", "1.5,2", ctx) == "1.500000")
        #expect(try read("MAX", "10,6", ctx) == "10")
        #expect(try read("MAX", "6,10", ctx) == "10")
        #expect(try read("MAX", ",100", ctx) == "100")
        #expect(try read("MAX", "-1,-7", ctx) == "-1")
        #expect(try read("ABS", "-13", ctx) == "13")
        #expect(try read("ABS", "42", ctx) == "42")
        #expect(try read("ABS", "-3.5", ctx) == "3.500000")
        #expect(throws: FunctionError.self) { try read("MIN", "", ctx) }
        #expect(throws: FunctionError.self) { try read("MAX", "x,1", ctx) }
        #expect(throws: FunctionError.self) { try read("ABS", "", ctx) }
    }

    @Test func incrementAndDecrement() throws {
        let ctx = FunctionTestKit.context(variables: ["n": "41", "bad": "4x", "blank": " "])
        #expect(try read("INC", "n", ctx) == "42")
        #expect(ctx.variable(named: "n") == "42")
        #expect(try read("DEC", "n", ctx) == "41")
        #expect(try read("DEC", "n", ctx) == "40")
        #expect(throws: FunctionError.self) { try read("INC", "bad", ctx) }
        #expect(throws: FunctionError.self) { try read("INC", "unset", ctx) }
        #expect(throws: FunctionError.self) { try read("INC", "", ctx) }
        #expect(try read("INC", "blank", ctx) == "1") // sscanf returns EOF, not 0: Asterisk counts from 0
        ctx.setVariable("max", to: "2147483647")
        #expect(try read("INC", "max", ctx) == "-2147483648")
    }

    @Test func randStaysInRangeAndIsSeeded() throws {
        let first = FunctionTestKit.context(seed: 42)
        let second = FunctionTestKit.context(seed: 42)
        var values: Set<String> = []
        for _ in 0..<200 {
            let value = try read("RAND", "1,8", first)
            #expect(value == (try read("RAND", "1,8", second)))
            let number = try #require(Int(value))
            #expect((1...8).contains(number))
            values.insert(value)
        }
        #expect(values.count == 8)
        for _ in 0..<50 {
            let swapped = try #require(Int(try read("RAND", "10,5", first)))
            #expect((5...10).contains(swapped))
            let whole = try #require(Int(try read("RAND", "", first)))
            #expect((0...2_147_483_647).contains(whole))
            let garbage = try #require(Int(try read("RAND", "x,y", first)))
            #expect(garbage >= 0)
        }
        #expect(try read("RAND", "7,7", first) == "7")
    }
}
