import Foundation
import Testing
@testable import Dialplan

@Suite struct SprintfFunctionTests {
    @Test(arguments: [
        ("%05d,42", "00042"), ("%s-%s,a,b", "a-b"), ("%.2f,3.14159", "3.14"), ("%x,255", "ff"), ("%X,255", "FF"),
        ("%o,8", "10"), ("%c,65", "A"), ("%u,-1", "4294967295"), ("100%%", "100%"), ("%s", "(null)"), ("%hhd,300", "44"),
        ("%hd,70000", "4464"), ("%ld,7", "7"), ("%-5s|,ab", "ab   |"), ("%e,1234.5", "1.234500e+03"), ("%5.1s,abc", "    a"),
        ("%+d,5", "+5"), ("% d,5", " 5"), ("%#x,255", "0xff"), ("%g,0.0001", "0.0001"), ("\"%s\",x", "x"),
        ("%d%%,50", "50%"), ("%i, 12abc", "12"), ("plain", "plain"), ("%d,1,2,3", "1"), ("abc%", "abc"),
        ("%3$d,1", ""), ("%.3d,7", "007"), ("%s,a\\,b", "a,b"), ("%s %s,x,y\\,z", "x y,z"),
    ])
    func formats(argument: String, expected: String) {
        let ctx = FunctionTestKit.context()
        #expect(FunctionTestKit.shown("SPRINTF", argument, ctx) == expected)
    }

    @Test func errors() {
        let ctx = FunctionTestKit.context()
        for bad in ["%d", "%d,abc", "%*d,5,3", "%k,1", "%f,x", "%3$d,1", "%n,1"] {
            #expect(throws: FunctionError.self, "SPRINTF(\(bad))") { try read("SPRINTF", bad, ctx) }
        }
    }

    @Test func hugeWidthsAreCapped() throws {
        let ctx = FunctionTestKit.context()
        let wide = try read("SPRINTF", "%99999999999999999999d,1", ctx)
        #expect(wide.utf8.count == SprintfFunction.maximumOutput)
        #expect(wide.hasSuffix("1"))
        let precise = try read("SPRINTF", "%.99999999f,1", ctx)
        #expect(precise.utf8.count <= SprintfFunction.maximumOutput)
        let many = try read("SPRINTF", String(repeating: "%s", count: 300) + ",x", ctx)
        #expect(many.hasPrefix("x(null)"))
    }
}
