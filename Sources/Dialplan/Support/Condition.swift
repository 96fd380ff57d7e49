/// Asterisk's truth test for GotoIf, ExecIf, IF(), While (`pbx_checkcondition`).
public enum Condition {
    /// Empty is false; text that `sscanf("%d")` reads as an integer is true when non-zero; any other text is true.
    public static func isTrue(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        if let value = leadingInteger(text) { return value != 0 }
        return true
    }

    /// The integer `sscanf("%d")` would read: leading blanks, an optional sign, digits; trailing text ignored.
    public static func leadingInteger(_ text: String) -> Int? {
        var iterator = text.utf8.makeIterator()
        var byte = iterator.next()
        while let b = byte, b == 0x20 || (b >= 0x09 && b <= 0x0D) { byte = iterator.next() }
        var negative = false
        if let b = byte, b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
            negative = b == UInt8(ascii: "-")
            byte = iterator.next()
        }
        var value = 0
        var sawDigit = false
        while let b = byte, b >= 0x30, b <= 0x39 {
            sawDigit = true
            // Saturate instead of trapping on absurdly long numbers; only zero vs non-zero matters to callers.
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(b - 0x30))
            value = (o1 || o2) ? Int.max : s
            byte = iterator.next()
        }
        guard sawDigit else { return nil }
        return negative ? -value : value
    }
}
