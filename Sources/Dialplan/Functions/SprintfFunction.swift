import Foundation

/// SPRINTF (`funcs/func_sprintf.c`): printf-style formatting of the remaining arguments.
enum SprintfFunction {
    typealias S = FunctionSupport

    static let function = DialplanFunction(
        "SPRINTF", synopsis: "SPRINTF(format,arg1[,arg2...]) — printf-style formatting (d i o u x X c e E f F g G a A s %)",
        read: { argument, _ throws(FunctionError) in try format(argument) })

    /// Widths and precisions above this are reduced; Asterisk's own buffer is 4 KiB.
    static let maximumField = 4095
    /// The result is cut at this length, as Asterisk's read buffer would cut it.
    static let maximumOutput = 4095

    private enum State { case literal, flags, width, precision, length, conversion }

    static func format(_ argument: String) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 101)
        let format = S.bytes(args.first ?? "")
        let values = Array(args.dropFirst())
        var next = 0
        var out: [UInt8] = []
        var state = State.literal
        var specStart = 0
        var flags: [UInt8] = []
        var width: Int?
        var precision: Int?
        var lengthModifier: [UInt8] = []
        var i = 0
        func nextValue() -> String? {
            defer { next += 1 }
            return next < values.count ? values[next] : nil
        }
        while i < format.count {
            let c = format[i]
            switch state {
            case .literal:
                if c == UInt8(ascii: "%") {
                    state = .flags
                    specStart = i
                    flags = []
                    width = nil
                    precision = nil
                    lengthModifier = []
                } else {
                    out.append(c)
                }
                i += 1
                continue
            case .flags:
                if Array("#0- +'I".utf8).contains(c) {
                    flags.append(c)
                    i += 1
                    continue
                }
                state = .width
                continue
            case .width:
                if S.isDigit(c) {
                    width = Swift.min((width ?? 0) * 10 + Int(c - 0x30), maximumField)
                    i += 1
                } else if c == UInt8(ascii: ".") {
                    state = .precision
                    precision = 0
                    i += 1
                } else {
                    state = .length
                }
                continue
            case .precision:
                if S.isDigit(c) {
                    precision = Swift.min((precision ?? 0) * 10 + Int(c - 0x30), maximumField)
                    i += 1
                    continue
                }
                state = .length
                continue
            case .length:
                if c == UInt8(ascii: "h") || c == UInt8(ascii: "l") {
                    lengthModifier = [c]
                    if i + 1 < format.count, format[i + 1] == c {
                        lengthModifier.append(c)
                        i += 1
                    }
                    state = .conversion
                    i += 1
                    continue
                } else if Array("Lqjzt".utf8).contains(c) {
                    lengthModifier = [c]
                    state = .conversion
                    i += 1
                    continue
                }
                state = .conversion
                continue
            case .conversion:
                let spec = S.string(format[specStart...i])
                var cFormat = "%" + S.string(flags)
                if let width { cFormat += String(width) }
                if let precision { cFormat += "." + String(precision) }
                if Array("diouxXc".utf8).contains(c) {
                    guard let text = nextValue() else {
                        throw .badArguments(function: "SPRINTF", reason: "SPRINTF() has more format specifiers than arguments")
                    }
                    guard var value = S.scanInt(text) else {
                        throw .badArguments(function: "SPRINTF", reason: "argument '\(text)' is not an integer number for format '\(spec)'")
                    }
                    if lengthModifier == [UInt8(ascii: "h"), UInt8(ascii: "h")] {
                        value = c == UInt8(ascii: "d") || c == UInt8(ascii: "i")
                            ? Int32(Int8(truncatingIfNeeded: value)) : Int32(UInt8(truncatingIfNeeded: value))
                    } else if lengthModifier == [UInt8(ascii: "h")] {
                        value = c == UInt8(ascii: "d") || c == UInt8(ascii: "i")
                            ? Int32(Int16(truncatingIfNeeded: value)) : Int32(UInt16(truncatingIfNeeded: value))
                    }
                    cFormat += S.string([c])
                    let piece = c == UInt8(ascii: "d") || c == UInt8(ascii: "i") || c == UInt8(ascii: "c")
                        ? S.cFormat(cFormat, value) : S.cFormat(cFormat, UInt32(bitPattern: value))
                    out += piece.utf8.filter { $0 != 0 }
                } else if Array("eEfFgGaA".utf8).contains(c) {
                    guard let text = nextValue() else {
                        throw .badArguments(function: "SPRINTF", reason: "SPRINTF() has more format specifiers than arguments")
                    }
                    guard let value = S.scanDouble(text) else {
                        throw .badArguments(function: "SPRINTF", reason: "argument '\(text)' is not a floating point number for format '\(spec)'")
                    }
                    cFormat += S.string([c])
                    out += S.cFormat(cFormat, value).utf8
                } else if c == UInt8(ascii: "s") {
                    let text = nextValue() ?? "(null)"
                    cFormat += "s"
                    let piece = text.withCString { S.cFormat(cFormat, $0) }
                    out += piece.utf8
                } else if c == UInt8(ascii: "%") {
                    out.append(c)
                } else {
                    throw .badArguments(function: "SPRINTF", reason: "format type not supported: '\(spec)'")
                }
                if out.count > maximumOutput { out.removeSubrange(maximumOutput...) }
                state = .literal
                i += 1
                continue
            }
        }
        if out.count > maximumOutput { out.removeSubrange(maximumOutput...) }
        return S.string(out)
    }
}
