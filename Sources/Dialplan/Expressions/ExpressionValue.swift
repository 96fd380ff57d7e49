/// A value inside `$[...]`, as Asterisk's `struct val`: a number, a string that looks numeric, or a string.
enum ExpressionValue {
    /// A computed number (long double), printed with `%.18Lg`.
    case number(ExpressionReal)
    /// Text that converts to a number on demand (number tokens, digit-and-dot results); printed verbatim.
    case numericString(ArraySlice<UInt8>)
    /// Any other text, double quotes included; printed verbatim.
    case string(ArraySlice<UInt8>)

    static let empty = ExpressionValue.string([])

    /// `make_str`: text classified as numeric string when it is only digits and dots.
    static func text(_ bytes: ArraySlice<UInt8>) -> ExpressionValue {
        ExpressionNumberScanner.looksNumeric(bytes) ? .numericString(bytes) : .string(bytes)
    }

    /// `isstring`: true only for text that is not numeric.
    var isString: Bool {
        if case .string = self { return true }
        return false
    }

    /// `to_number`: the numeric value, or nil for a string (and for a numeric string `strtold` cannot hold).
    func number(warningTo context: (any EvaluationContext)?) -> ExpressionReal? {
        switch self {
        case .number(let value):
            return value
        case .string:
            return nil
        case .numericString(let text):
            let converted = ExpressionNumberScanner.value(of: text)
            if converted.rangeError {
                context?.warn("Conversion of \(String(decoding: text, as: UTF8.self)) to number under/overflowed!")
                return nil
            }
            return converted.value
        }
    }

    /// `to_string`: the text, numbers printed with `%.18Lg`.
    var bytes: ArraySlice<UInt8> {
        switch self {
        case .number(let value): ArraySlice(ExpressionNumberFormat.bytes(value))
        case .numericString(let text), .string(let text): text
        }
    }

    /// The final text of an expression.
    var description: String {
        switch self {
        case .number(let value): ExpressionNumberFormat.string(value)
        case .numericString(let text), .string(let text): String(decoding: text, as: UTF8.self)
        }
    }

    /// `is_zero_or_null`; like the C code it turns a numeric string into its number on the way.
    mutating func isZeroOrNull(warningTo context: (any EvaluationContext)?) -> Bool {
        switch self {
        case .number(let value):
            return value == 0
        case .string(let text):
            return text.isEmpty
        case .numericString(let text):
            if text.isEmpty { return true }
            guard let value = number(warningTo: context) else { return false }
            self = .number(value)
            return value == 0
        }
    }

    /// `strip_quotes`: when the text starts and ends with `"`, every `"` in it is removed.
    static func strippingQuotes(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let quote = UInt8(ascii: "\"")
        guard let first = text.first, first == quote, text.last == quote else { return text }
        return ArraySlice(text.filter { $0 != quote })
    }
}
