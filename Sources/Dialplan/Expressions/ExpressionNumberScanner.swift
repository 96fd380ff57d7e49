/// Reads numbers out of expression text the way the C code does (`strtold`, `atoi`, `make_str`'s test).
enum ExpressionNumberScanner {
    #if arch(x86_64) || arch(i386)
    /// Decimal mantissas up to 19 digits are exact in the 64-bit significand.
    private static let exactDigits = 19
    /// Powers of ten up to 10^27 are exact (5^27 < 2^64).
    private static let exactPowers = 27
    #else
    private static let exactDigits = 15
    private static let exactPowers = 22
    #endif

    private static let powersOfTen: [ExpressionReal] = {
        var powers: [ExpressionReal] = [1]
        for _ in 0..<exactPowers { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// `make_str`'s test: non-empty, first byte a digit or `.`, every byte a digit or `.`.
    static func looksNumeric(_ text: ArraySlice<UInt8>) -> Bool {
        guard !text.isEmpty else { return false }
        for byte in text where !(isDigit(byte) || byte == UInt8(ascii: ".")) { return false }
        return true
    }

    /// `is_really_num` for function results: every byte is one of `-0123456789.`, space or tab (so "" too).
    static func isReallyNumber(_ text: ArraySlice<UInt8>) -> Bool {
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            default:
                return false
            }
        }
        return true
    }

    /// `strtold` of text made of blanks, `-`, digits and dots only (the only numbers expressions hold).
    ///
    /// Short decimals are converted exactly here (one correctly rounded division, as `strtold` rounds);
    /// anything longer goes to the C library.
    static func value(of text: ArraySlice<UInt8>) -> (value: ExpressionReal, rangeError: Bool) {
        text.withUnsafeBufferPointer { value(of: $0) }
    }

    /// `strtold` as above, on bytes in place.
    static func value(of text: UnsafeBufferPointer<UInt8>) -> (value: ExpressionReal, rangeError: Bool) {
        var index = text.startIndex
        let end = text.endIndex
        while index < end, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") { index += 1 }
        var negative = false
        if index < end, text[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var fractionDigits = 0
        var sawDigit = false
        while index < end, isDigit(text[index]) {
            sawDigit = true
            if mantissa != 0 || text[index] != UInt8(ascii: "0") {
                significant += 1
                if significant > exactDigits { return ExpressionCLibrary.convert(ArraySlice(text)) }
                mantissa = mantissa * 10 + UInt64(text[index] - UInt8(ascii: "0"))
            }
            index += 1
        }
        if index < end, text[index] == UInt8(ascii: "."), index + 1 < end || sawDigit {
            var probe = index + 1
            while probe < end, isDigit(text[probe]) {
                sawDigit = true
                fractionDigits += 1
                if mantissa != 0 || text[probe] != UInt8(ascii: "0") { significant += 1 }
                if significant > exactDigits || fractionDigits > exactPowers { return ExpressionCLibrary.convert(ArraySlice(text)) }
                mantissa = mantissa * 10 + UInt64(text[probe] - UInt8(ascii: "0"))
                probe += 1
            }
        }
        guard sawDigit else { return (0, false) }
        var result = ExpressionReal(mantissa)
        if fractionDigits > 0 { result /= powersOfTen[fractionDigits] }
        return (negative ? -result : result, false)
    }

    /// True when C `atoi(text)` is not zero: `strtol` (saturating at the `long` limits) cut to `int`.
    static func atoiIsNonZero(_ text: ArraySlice<UInt8>) -> Bool {
        var index = text.startIndex
        let end = text.endIndex
        while index < end, text[index] == 0x20 || (0x09...0x0D).contains(text[index]) { index += 1 }
        var negative = false
        if index < end, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index += 1
        }
        var magnitude: UInt64 = 0
        var overflow = false
        while index < end, isDigit(text[index]) {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(text[index] - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true }
            magnitude = sum
            index += 1
        }
        let long: Int64
        if negative {
            long = (overflow || magnitude > UInt64(Int64.max) + 1) ? Int64.min : Int64(truncatingIfNeeded: 0 &- magnitude)
        } else {
            long = (overflow || magnitude > UInt64(Int64.max)) ? Int64.max : Int64(magnitude)
        }
        return Int32(truncatingIfNeeded: long) != 0
    }
}
