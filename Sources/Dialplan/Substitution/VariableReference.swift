/// The inside of `${...}`: a variable or function name, with an optional `:offset:length` substring.
struct VariableReference {
    /// `NAME` or `NAME(args)`.
    var name: String
    var isFunction: Bool
    var offset = 0
    var length = Int.max

    /// Splits at the first `:` outside parentheses and reads `offset:length` as `sscanf("%d:%d")` would.
    init<C: Collection<UInt8>>(_ bytes: C) where C.Index == Int {
        var parens = 0
        var isFunction = false
        var colon: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == UInt8(ascii: "(") {
                isFunction = true
                parens += 1
            } else if byte == UInt8(ascii: ")") {
                parens -= 1
            } else if byte == UInt8(ascii: ":") && parens == 0 {
                colon = index
                break
            }
        }
        self.isFunction = isFunction
        guard let colon else {
            name = String(decoding: bytes, as: UTF8.self)
            return
        }
        name = String(decoding: bytes[bytes.startIndex..<colon], as: UTF8.self)
        let spec = bytes[(colon + 1)...]
        var cursor = spec.startIndex
        if let value = Self.scanInteger(spec, &cursor) {
            offset = value
            if cursor < spec.endIndex, spec[cursor] == UInt8(ascii: ":") {
                cursor += 1
                if let value = Self.scanInteger(spec, &cursor) { length = value }
            }
        }
    }

    /// `%d`: optional blanks, sign, digits; saturates rather than overflowing.
    private static func scanInteger<C: Collection<UInt8>>(_ bytes: C, _ cursor: inout Int) -> Int? where C.Index == Int {
        while cursor < bytes.endIndex, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        var negative = false
        if cursor < bytes.endIndex, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") {
            negative = bytes[cursor] == UInt8(ascii: "-")
            cursor += 1
        }
        var value = 0
        var digits = 0
        while cursor < bytes.endIndex, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            value = min(value * 10 + Int(bytes[cursor] - 0x30), Int(Int32.max))
            digits += 1
            cursor += 1
        }
        guard digits > 0 else { return nil }
        return negative ? -value : value
    }

    /// The value: the function's result or the variable's, then the substring.
    func resolve(in context: any EvaluationContext) -> String {
        let value = isFunction ? FunctionCall.read(name, in: context) : (context.variable(named: name) ?? "")
        return Self.substring(value, offset: offset, length: length)
    }

    /// `ast_str_substring`: negative offsets count from the end; a negative length drops characters from the end.
    static func substring(_ value: String, offset: Int, length: Int) -> String {
        if offset == 0 && length == Int.max { return value }
        let bytes = Array(value.utf8)
        let count = bytes.count
        if offset == 0 && length >= count { return value }
        var start = offset
        if start < 0 {
            start = max(count + start, 0)
        }
        guard start < count else { return "" }
        var stop = count
        if length >= 0 {
            if length < count - start { stop = start + length }
        } else {
            // Drop -length bytes from the end; nothing is left when that reaches the start.
            guard count - start > -length else { return "" }
            stop = count + length
        }
        return String(decoding: bytes[start..<stop], as: UTF8.self)
    }
}
