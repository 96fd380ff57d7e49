/// Where the text of a string value lives: a byte range of the expression source or of a computed buffer.
///
/// Plain data (no reference counting), so values are cheap to copy; `ExpressionWorkspace` resolves it to bytes.
struct ExpressionText {
    /// `ExpressionText.source` for the expression text itself, else the index of a workspace buffer.
    var buffer: Int
    var start: Int
    var end: Int

    static let source = -1

    /// The empty text.
    static var empty: ExpressionText { ExpressionText(buffer: source, start: 0, end: 0) }

    var isEmpty: Bool { start == end }
    var count: Int { end - start }
}

/// A value inside `$[...]`, as Asterisk's `struct val`: a number, a string that looks numeric, or a string.
enum ExpressionValue {
    /// A computed number (long double), printed with `%.18Lg`.
    case number(ExpressionReal)
    /// Text that converts to a number on demand (number tokens, digit-and-dot results); printed verbatim.
    case numericString(ExpressionText)
    /// Any other text, double quotes included; printed verbatim.
    case string(ExpressionText)

    /// The empty string (what `make_str("")` gives).
    static var empty: ExpressionValue { .string(.empty) }

    /// `isstring`: true only for text that is not numeric.
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
