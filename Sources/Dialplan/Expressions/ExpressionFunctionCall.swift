/// `NAME(args)` inside `$[...]`: a built-in math function or a dialplan function of the context.
extension ExpressionWorkspace {
    /// How much of a dialplan function's result is kept: Asterisk reads it into a 512-byte buffer.
    static let functionResultLimit = 511

    /// True for names made only of `A-Z`, `_` and digits, the only ones Asterisk will call.
    static func isPossibleFunctionName(_ name: ArraySlice<UInt8>) -> Bool {
        name.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
                || ExpressionNumberScanner.isDigit(byte)
        }
    }

    /// Calls `name` with evaluated arguments; failures warn and give 0.
    mutating func call(_ name: ExpressionText, arguments: [ExpressionValue]) -> ExpressionValue {
        let nameBytes = bytes(name)
        let nameText = String(decoding: nameBytes, as: UTF8.self)
        guard Self.isPossibleFunctionName(nameBytes) else {
            warn("Error! '\(nameText)' is not possibly a function name!")
            return .number(0)
        }
        if let builtin = ExpressionMathFunctions.function(named: nameText) {
            return ExpressionMathFunctions.call(builtin, name: nameText, arguments: arguments, in: self)
        }
        guard let context else { return .number(0) }
        guard let function = context.functions[nameText] else {
            warn("Error! '\(nameText)' doesn't appear to be an available function!")
            return .number(0)
        }
        guard let read = function.read else {
            warn("Error! Function '\(nameText)' cannot be read!")
            return .number(0)
        }
        var argumentText = [UInt8]()
        for (index, argument) in arguments.enumerated() {
            if index > 0 { argumentText.append(UInt8(ascii: ",")) }
            argumentText.append(contentsOf: bytes(of: argument))
        }
        var result: [UInt8]
        do {
            result = Array(try read(String(decoding: argumentText, as: UTF8.self), context).utf8)
        } catch {
            warn("\(nameText): \(error)")
            result = []
        }
        // The C side sees a C string in a fixed buffer: cut at a NUL and at the buffer size.
        if let nul = result.firstIndex(of: 0) { result.removeSubrange(nul...) }
        if result.count > Self.functionResultLimit { result.removeSubrange(Self.functionResultLimit...) }
        // Results made of digits, `-`, `.` and blanks (even "") become numbers, the rest text.
        if ExpressionNumberScanner.isReallyNumber(result[...]) {
            return .number(ExpressionNumberScanner.value(of: result[...]).value)
        }
        return makeText(result)
    }
}
