/// What evaluating one expression works with: its source bytes, the texts computed on the way, the context.
///
/// Also holds the conversions every operator shares (`to_number`, `to_string`, `make_str`, ...).
struct ExpressionWorkspace {
    /// The expression text, cut at the first NUL.
    let source: [UInt8]
    /// Where function calls and warnings go; nil evaluates without functions and silently.
    let context: (any EvaluationContext)?
    /// Texts computed while evaluating (regex groups, concatenations, function results).
    private var buffers: [[UInt8]] = []

    init(source: [UInt8], context: (any EvaluationContext)?) {
        self.source = source
        self.context = context
    }

    @inline(__always)
    func warn(_ message: @autoclosure () -> String) {
        context?.warn(message())
    }

    /// The bytes of a text.
    func bytes(_ text: ExpressionText) -> ArraySlice<UInt8> {
        text.buffer == ExpressionText.source ? source[text.start..<text.end] : buffers[text.buffer][text.start..<text.end]
    }

    /// Runs `body` on the bytes of a text without copying them.
    @inline(__always)
    func withBytes<Result>(_ text: ExpressionText, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if text.buffer == ExpressionText.source {
            return source.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[text.start..<text.end])) }
        }
        return buffers[text.buffer].withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[text.start..<text.end]))
        }
    }

    /// `to_string`: the text of a value, numbers printed with `%.18Lg`.
    func bytes(of value: ExpressionValue) -> ArraySlice<UInt8> {
        switch value {
        case .number(let number): ArraySlice(ExpressionNumberFormat.bytes(number))
        case .numericString(let text), .string(let text): bytes(text)
        }
    }

    /// Keeps computed bytes for the rest of the evaluation.
    mutating func store(_ bytes: [UInt8]) -> ExpressionText {
        guard !bytes.isEmpty else { return .empty }
        buffers.append(bytes)
        return ExpressionText(buffer: buffers.count - 1, start: 0, end: bytes.count)
    }

    /// `make_str`: a numeric string when the text is only digits and dots, else a string.
    mutating func makeText(_ bytes: [UInt8]) -> ExpressionValue {
        let numeric = ExpressionNumberScanner.looksNumeric(bytes[...])
        let text = store(bytes)
        return numeric ? .numericString(text) : .string(text)
    }

    /// `to_number`: the numeric value, nil for a string (and for a numeric string `strtold` cannot hold).
    func number(_ value: ExpressionValue) -> ExpressionReal? {
        switch value {
        case .number(let number):
            return number
        case .string:
            return nil
        case .numericString(let text):
            let converted = withBytes(text) { ExpressionNumberScanner.value(of: $0) }
            if converted.rangeError {
                warn("Conversion of \(String(decoding: bytes(text), as: UTF8.self)) to number under/overflowed!")
                return nil
            }
            return converted.value
        }
    }

    /// `is_zero_or_null`; like the C code it turns a numeric string into its number on the way.
    func isZeroOrNull(_ value: inout ExpressionValue) -> Bool {
        switch value {
        case .number(let number):
            return number == 0
        case .string(let text):
            return text.isEmpty
        case .numericString(let text):
            if text.isEmpty { return true }
            guard let number = number(value) else { return false }
            value = .number(number)
            return number == 0
        }
    }

    /// The final text of an expression.
    func description(of value: ExpressionValue) -> String {
        switch value {
        case .number(let number): ExpressionNumberFormat.string(number)
        case .numericString(let text), .string(let text): String(decoding: bytes(text), as: UTF8.self)
        }
    }

    /// `strip_quotes`: when the text starts and ends with `"`, every `"` in it is removed.
    static func strippingQuotes(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let quote = UInt8(ascii: "\"")
        guard let first = text.first, first == quote, text.last == quote else { return text }
        return ArraySlice(text.filter { $0 != quote })
    }
}
