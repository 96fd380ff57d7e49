/// Prints expression numbers as Asterisk does, `"%.18Lg"`, with a fast path for everyday integers.
enum ExpressionNumberFormat {
    /// Integers below this magnitude print all their digits under `%.18g` (18 significant digits).
    private static let integerLimit: ExpressionReal = 1_000_000_000_000_000_000

    /// The value as an `Int64` when `%.18Lg` would print it as a plain integer (so not `-0`).
    @inline(__always)
    private static func plainInteger(_ value: ExpressionReal) -> Int64? {
        guard value > -integerLimit, value < integerLimit else { return nil }
        let integer = Int64(value)  // Truncates; in range by the guard.
        guard ExpressionReal(integer) == value else { return nil }
        if integer == 0 && value.sign == .minus { return nil }
        return integer
    }

    /// `%.18Lg` of `value` as a string.
    static func string(_ value: ExpressionReal) -> String {
        if let integer = plainInteger(value) {
            // Comparisons and logic produce 0 and 1 all the time: skip the integer printer for them.
            switch integer {
            case 0: return "0"
            case 1: return "1"
            default: return String(integer)
            }
        }
        return String(decoding: ExpressionCLibrary.formatG18(value), as: UTF8.self)
    }

    /// `%.18Lg` of `value` as bytes.
    static func bytes(_ value: ExpressionReal) -> [UInt8] {
        guard let integer = plainInteger(value) else { return ExpressionCLibrary.formatG18(value) }
        var digits = [UInt8]()
        digits.reserveCapacity(20)
        var magnitude = integer.magnitude
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        if integer < 0 { digits.append(UInt8(ascii: "-")) }
        digits.reverse()
        return digits
    }
}
