/// `NAME(args)` inside `$[...]`: a built-in math function or a dialplan function of the context.
enum ExpressionFunctionCall {
    /// How much of a dialplan function's result is kept: Asterisk reads it into a 512-byte buffer.
    static let resultLimit = 511

    /// True for names made only of `A-Z`, `_` and digits, the only ones Asterisk will call.
    static func isPossibleName(_ name: ArraySlice<UInt8>) -> Bool {
        name.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
                || ExpressionNumberScanner.isDigit(byte)
        }
    }

    /// Calls `name` with evaluated arguments; failures warn and give 0.
    static func call(_ name: ArraySlice<UInt8>, arguments: [ExpressionValue],
                     context: (any EvaluationContext)?) -> ExpressionValue {
        let nameText = String(decoding: name, as: UTF8.self)
        guard isPossibleName(name) else {
            context?.warn("Error! '\(nameText)' is not possibly a function name!")
            return .number(0)
        }
        if let builtin = ExpressionMathFunctions.function(named: nameText) {
            return ExpressionMathFunctions.call(builtin, name: nameText, arguments: arguments, context: context)
        }
        guard let context else { return .number(0) }
        guard let function = context.functions[nameText] else {
            context.warn("Error! '\(nameText)' doesn't appear to be an available function!")
            return .number(0)
        }
        guard let read = function.read else {
            context.warn("Error! Function '\(nameText)' cannot be read!")
            return .number(0)
        }
        var argumentText = [UInt8]()
        for (index, argument) in arguments.enumerated() {
            if index > 0 { argumentText.append(UInt8(ascii: ",")) }
            argumentText.append(contentsOf: argument.bytes)
        }
        var result: [UInt8]
        do {
            result = Array(try read(String(decoding: argumentText, as: UTF8.self), context).utf8)
        } catch {
            context.warn("\(nameText): \(error)")
            result = []
        }
        // The C side sees a C string in a fixed buffer: cut at a NUL and at the buffer size.
        if let nul = result.firstIndex(of: 0) { result.removeSubrange(nul...) }
        if result.count > resultLimit { result.removeSubrange(resultLimit...) }
        // Results made of digits, `-`, `.` and blanks (even "") become numbers, the rest text.
        if ExpressionNumberScanner.isReallyNumber(result[...]) {
            return .number(ExpressionNumberScanner.value(of: result[...]).value)
        }
        return .text(result[...])
    }
}
