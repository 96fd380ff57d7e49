import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers shared by the standard functions: argument splitting, Asterisk's character escapes,
/// C-style number scanning and printing, and access to variables named by a function argument.
enum FunctionSupport {
    // MARK: - Bytes

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func string<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        String(decoding: Array(bytes), as: UTF8.self)
    }

    /// C `isspace` in the C locale.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// `ast_strip`: drops leading and trailing bytes below 33 (blanks and control characters).
    static func strip(_ text: String) -> String {
        let b = bytes(text)
        var start = 0
        var end = b.count
        while start < end && b[start] < 33 { start += 1 }
        while end > start && b[end - 1] < 33 { end -= 1 }
        return string(b[start..<end])
    }

    /// ASCII-only case-insensitive comparison (`strcasecmp` in the C locale).
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = bytes(a), y = bytes(b)
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where lowerASCII(p) != lowerASCII(q) { return false }
        return true
    }

    static func lowerASCII(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte + 32 : byte }
    static func upperASCII(_ byte: UInt8) -> UInt8 { (byte >= 0x61 && byte <= 0x7A) ? byte - 32 : byte }

    // MARK: - Escapes (`ast_get_encoded_char`, `ast_get_encoded_str`)

    /// One character of `\n \r \t \xHH \0ooo \c` or a literal byte, starting at `index`.
    /// Nil when nothing is left or a `\x` has no hex digit. A lone trailing backslash yields NUL.
    static func decodeEscape(_ b: [UInt8], at index: Int) -> (value: UInt8, consumed: Int)? {
        guard index >= 0, index < b.count else { return nil }
        guard b[index] == UInt8(ascii: "\\") else { return (b[index], 1) }
        guard index + 1 < b.count else { return (0, 1) }
        switch b[index + 1] {
        case UInt8(ascii: "n"): return (0x0A, 2)
        case UInt8(ascii: "r"): return (0x0D, 2)
        case UInt8(ascii: "t"): return (0x09, 2)
        case UInt8(ascii: "x"):
            guard index + 2 < b.count, let high = hexValue(b[index + 2]) else { return nil }
            if index + 3 < b.count, let low = hexValue(b[index + 3]) {
                return (high << 4 | low, 4)
            }
            return (high, 3)
        case UInt8(ascii: "0"):
            var value: UInt8 = 0
            var position = index + 2
            while position < b.count, b[position] >= 0x30, b[position] <= 0x37 {
                value = (value &<< 3) &+ (b[position] - 0x30)
                position += 1
            }
            return (value, position - index)
        default:
            return (b[index + 1], 2)
        }
    }

    /// The first character of `text` decoded, or nil when empty or malformed.
    static func decodeChar(_ text: String) -> UInt8? { decodeEscape(bytes(text), at: 0)?.value }

    /// A whole string decoded until the end or the first malformed escape; a decoded NUL ends it (C string).
    static func decodeString(_ text: String, maxLength: Int = Int.max) -> [UInt8] {
        let b = bytes(text)
        var out: [UInt8] = []
        var index = 0
        while out.count < maxLength, let (value, consumed) = decodeEscape(b, at: index) {
            if value == 0 { break }
            out.append(value)
            index += consumed
        }
        return out
    }

    // MARK: - C number scanning

    /// `sscanf(text, "%d")` from byte `index`: blanks, sign, digits. The value is read as a C `long`
    /// (saturating) and stored into an `int` by truncation, as glibc does. Returns the index after the number.
    static func scanInt(_ b: [UInt8], at index: Int = 0) -> (value: Int32, next: Int)? {
        var i = index
        while i < b.count && isSpace(b[i]) { i += 1 }
        var negative = false
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        let digitsStart = i
        var value: Int64 = 0
        var overflow = false
        while i < b.count && isDigit(b[i]) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(b[i] - 0x30))
            if o1 || o2 { overflow = true } else { value = s }
            i += 1
        }
        guard i > digitsStart else { return nil }
        let wide: Int64 = overflow ? (negative ? Int64.min : Int64.max) : (negative ? 0 &- value : value)
        return (Int32(truncatingIfNeeded: wide), i)
    }

    static func scanInt(_ text: String) -> Int32? { scanInt(bytes(text))?.value }

    /// True when `sscanf` would hit the end of input before converting (`EOF`): the text is all blanks.
    static func isBlankOnly(_ text: String) -> Bool { bytes(text).allSatisfy(isSpace) }

    /// `atoi`: like `%d` but 0 when nothing can be read.
    static func atoi(_ text: String) -> Int32 { scanInt(text) ?? 0 }

    /// `sscanf(text, "%30lf")`: blanks skipped, then at most 30 characters read by `strtod`.
    static func scanDouble(_ text: String) -> Double? {
        let b = bytes(text)
        var i = 0
        while i < b.count && isSpace(b[i]) { i += 1 }
        let field = Array(b[i..<min(b.count, i + 30)]) + [0]
        return field.withUnsafeBufferPointer { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { start -> Double? in
                var end: UnsafeMutablePointer<CChar>?
                let value = strtod(start, &end)
                guard let end, end != UnsafeMutablePointer(mutating: start) else { return nil }
                return value
            }
        }
    }

    /// `(int) x` as x86-64 computes it: out of range and NaN give `INT_MIN`.
    static func cInt(_ x: Double) -> Int32 {
        guard x.isFinite, x > -2_147_483_649.0, x < 2_147_483_648.0 else { return Int32.min }
        return Int32(x.rounded(.towardZero))
    }

    /// `(unsigned int) x` as x86-64 computes it (through a 64-bit conversion).
    static func cUInt(_ x: Double) -> UInt32 {
        guard x.isFinite, x > -9.223372036854775808e18, x < 9.223372036854775808e18 else { return 0 }
        return UInt32(truncatingIfNeeded: Int64(x.rounded(.towardZero)))
    }

    // MARK: - C printing

    /// `snprintf` with one argument; the format must hold exactly one conversion matching the argument.
    static func cFormat(_ format: String, _ argument: any CVarArg) -> String {
        var capacity = 128
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let written = withVaList([argument]) { list in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, capacity, format, list) }
            }
            if written < 0 { return "" }
            if Int(written) < capacity {
                return buffer.withUnsafeBufferPointer { pointer in
                    let raw = UnsafeRawBufferPointer(pointer)
                    return String(decoding: raw.prefix(Int(written)), as: UTF8.self)
                }
            }
            capacity = Int(written) + 1
        }
    }

    /// `%f` of a double.
    static func fixed(_ value: Double) -> String { cFormat("%f", value) }

    /// `"%d"` when the value is a whole `int`, else `"%f"` (MIN, MAX, ABS).
    static func intOrFixed(_ value: Double) -> String {
        let truncated = cInt(value)
        return Double(truncated) == value ? String(truncated) : fixed(value)
    }

    // MARK: - Variables named by an argument

    /// What `${name}` yields: a variable or a function call `NAME(args)`, optionally with `:offset[:length]`.
    static func value(of name: String, in context: any EvaluationContext) -> String {
        VariableReference(Array(name.utf8)).resolve(in: context)
    }

    /// `pbx_builtin_setvar_helper`: a name ending in `)` writes a function, anything else sets a channel variable.
    static func assign(_ name: String, _ value: String?, in context: any EvaluationContext) {
        if name.hasSuffix(")"), name.utf8.contains(UInt8(ascii: "(")) {
            FunctionCall.write(name, value: value ?? "", in: context)
            return
        }
        if let value { context.setVariable(name, to: value) } else { context.deleteVariable(name) }
    }

    /// `strsep` with a one-byte delimiter set (NUL = empty set): the next field and the rest, if any.
    static func strsep(_ b: [UInt8], from start: Int, delimiter: UInt8) -> (field: ArraySlice<UInt8>, next: Int?) {
        if delimiter != 0, let found = b[start...].firstIndex(of: delimiter) {
            return (b[start..<found], found + 1)
        }
        return (b[start...], nil)
    }
}
