import Testing
@testable import Dialplan

@Suite("ExpressionNumberFormat")
struct ExpressionNumberFormatTests {
    @Test("%.18Lg output", arguments: [
        (ExpressionReal(0), "0"),
        (ExpressionReal(1), "1"),
        (ExpressionReal(-1), "-1"),
        (-ExpressionReal(0), "-0"),
        (ExpressionReal(42), "42"),
        (ExpressionReal(3.5), "3.5"),
        (ExpressionReal(1) / 3, "0.333333333333333333"),
        (ExpressionReal(2) / 3, "0.666666666666666667"),
        (ExpressionReal(999_999_999_999_999_999), "999999999999999999"),
        (ExpressionReal(1_000_000_000_000_000_000), "1e+18"),
        (ExpressionReal(-1_000_000_000_000_000_000), "-1e+18"),
        (ExpressionReal(1_234_567_890_123_456_789), "1.23456789012345679e+18"),
        (ExpressionReal(0.0001), "0.0001"),
        (ExpressionReal(2_147_483_647), "2147483647"),
        (ExpressionReal.infinity, "inf"),
        (-ExpressionReal.infinity, "-inf"),
    ])
    func format(_ value: ExpressionReal, _ expected: String) {
        #expect(ExpressionNumberFormat.string(value) == expected)
        #expect(String(decoding: ExpressionNumberFormat.bytes(value), as: UTF8.self) == expected)
    }

    @Test("The integer fast path agrees with vsnprintf")
    func fastPathMatchesC() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let magnitude = Int64.random(in: 0...999_999_999_999_999_999, using: &generator)
            let value = ExpressionReal(Bool.random(using: &generator) ? magnitude : -magnitude)
            let viaC = String(decoding: ExpressionCLibrary.formatG18(value), as: UTF8.self)
            #expect(ExpressionNumberFormat.string(value) == viaC)
        }
    }

    @Test("Short decimals parse exactly like strtold")
    func scannerMatchesStrtold() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let digits = Int.random(in: 1...22, using: &generator)
            var text = ""
            for _ in 0..<digits { text.append(Character(String(Int.random(in: 0...9, using: &generator)))) }
            let point = Int.random(in: 0...digits, using: &generator)
            if point > 0 && point < digits {
                text.insert(".", at: text.index(text.startIndex, offsetBy: point))
            }
            let bytes = Array(text.utf8)[...]
            let scanned = ExpressionNumberScanner.value(of: bytes)
            let viaC = ExpressionCLibrary.convert(bytes)
            #expect(scanned.value == viaC.value, "\(text)")
            #expect(!scanned.rangeError)
        }
    }

    @Test("strtold prefixes, atoi and numeric classification")
    func scanning() {
        func value(_ text: String) -> ExpressionReal { ExpressionNumberScanner.value(of: Array(text.utf8)[...]).value }
        #expect(value("1.2.3") == ExpressionReal(1.2))
        #expect(value(".") == 0)
        #expect(value("1.") == 1)
        #expect(value(".5") == 0.5)
        #expect(value(" -5 3") == -5)
        #expect(value("") == 0)
        #expect(value("-") == 0)
        #expect(ExpressionNumberScanner.value(of: Array(("1" + String(repeating: "0", count: 5000)).utf8)[...]).rangeError)

        func atoi(_ text: String) -> Bool { ExpressionNumberScanner.atoiIsNonZero(Array(text.utf8)[...]) }
        #expect(atoi("5"))
        #expect(!atoi("0.5"))
        #expect(atoi("1abc"))
        #expect(!atoi("abc"))
        #expect(atoi(" -3"))
        #expect(!atoi("4294967296"))
        #expect(atoi("99999999999999999999"))
        #expect(!atoi("-99999999999999999999"))

        func numeric(_ text: String) -> Bool { ExpressionNumberScanner.looksNumeric(Array(text.utf8)[...]) }
        #expect(numeric("12"))
        #expect(numeric("1.2.3"))
        #expect(numeric(".5"))
        #expect(!numeric("-5"))
        #expect(!numeric(""))
        #expect(!numeric("1a"))
    }
}
