import Foundation

/// Numeric functions of `funcs/func_math.c` and `funcs/func_rand.c`: MATH, MIN, MAX, ABS, INC, DEC, RAND.
enum MathFunctions {
    typealias S = FunctionSupport

    static let all: [DialplanFunction] = [
        DialplanFunction("MATH", synopsis: "MATH(n1<op>n2[,f|float|i|int|h|hex|c|char]) — + - * / % ^ << >> AND OR XOR < > <= >= ==",
                         read: { argument, _ throws(FunctionError) in try math(argument) }),
        DialplanFunction("MIN", synopsis: "MIN(n1[,n2]) — the smaller number",
                         read: { argument, _ throws(FunctionError) in try minMax(argument, name: "MIN") }),
        DialplanFunction("MAX", synopsis: "MAX(n1[,n2]) — the larger number",
                         read: { argument, _ throws(FunctionError) in try minMax(argument, name: "MAX") }),
        DialplanFunction("ABS", synopsis: "ABS(n) — absolute value", read: { argument, _ throws(FunctionError) in
            let args = ArgumentSplitter.split(argument, limit: 1)
            guard let text = args.first, !text.isEmpty, let number = S.scanDouble(text) else {
                throw .badArguments(function: "ABS", reason: "bad or missing argument for number: \(argument)")
            }
            return S.intOrFixed(Swift.abs(number))
        }),
        DialplanFunction("INC", synopsis: "INC(varname) — increments an integer variable and returns it",
                         read: { argument, context throws(FunctionError) in try crement(argument, context, by: 1, name: "INC") }),
        DialplanFunction("DEC", synopsis: "DEC(varname) — decrements an integer variable and returns it",
                         read: { argument, context throws(FunctionError) in try crement(argument, context, by: -1, name: "DEC") }),
        DialplanFunction("RAND", synopsis: "RAND([min][,max]) — random integer, inclusive; defaults 0 and 2147483647",
                         read: { argument, context throws(FunctionError) in
                             let args = ArgumentSplitter.split(argument, limit: 2)
                             var low = args.count > 0 && !args[0].isEmpty ? S.scanInt(args[0]) ?? 0 : 0
                             var high = args.count > 1 && !args[1].isEmpty ? S.scanInt(args[1]) ?? Int32.max : Int32.max
                             if high < low { swap(&low, &high) }
                             return String(context.randomInteger(in: Int(low)...Int(high)))
                         }),
    ]

    private enum Operation {
        case add, divide, multiply, subtract, modulus, power, shiftLeft, shiftRight, and, xor, or
        case greater, less, greaterOrEqual, lessOrEqual, equal
    }

    private enum ResultType { case float, int, hex, char }

    static func math(_ argument: String) throws(FunctionError) -> String {
        guard !argument.isEmpty else {
            throw .badArguments(function: "MATH", reason: "syntax: MATH(<number1><op><number 2>[,<type_of_result>]) - missing argument")
        }
        let args = ArgumentSplitter.split(argument, limit: 2)
        guard let expression = args.first else {
            throw .badArguments(function: "MATH", reason: "missing argument")
        }
        var text = Array(expression.utf8)
        var negative = false
        if text.first == UInt8(ascii: "-") {
            negative = true
            text.removeFirst()
        }
        // The operator search order matters: '-' comes last so "3*-2" reads as 3 times -2.
        var operation: Operation?
        var firstEnd = 0
        var secondStart: Int?
        func find(_ byte: Unicode.Scalar) -> Int? { text.firstIndex(of: UInt8(ascii: byte)) }
        func find(word: String) -> Int? { StringFunctions.firstRange(of: Array(word.utf8), in: text, from: 0) }
        if let at = find("*") {
            (operation, firstEnd, secondStart) = (.multiply, at, at + 1)
        } else if let at = find("/") {
            (operation, firstEnd, secondStart) = (.divide, at, at + 1)
        } else if let at = find("%") {
            (operation, firstEnd, secondStart) = (.modulus, at, at + 1)
        } else if let at = find("^") {
            (operation, firstEnd, secondStart) = (.power, at, at + 1)
        } else if let at = find(word: "AND") {
            (operation, firstEnd, secondStart) = (.and, at, at + 3)
        } else if let at = find(word: "XOR") {
            (operation, firstEnd, secondStart) = (.xor, at, at + 3)
        } else if let at = find(word: "OR") {
            (operation, firstEnd, secondStart) = (.or, at, at + 2)
        } else if let at = find(">") {
            let next = at + 1 < text.count ? text[at + 1] : 0
            if next == UInt8(ascii: "=") {
                (operation, firstEnd, secondStart) = (.greaterOrEqual, at, at + 2)
            } else if next == UInt8(ascii: ">") {
                (operation, firstEnd, secondStart) = (.shiftRight, at, at + 2)
            } else {
                (operation, firstEnd, secondStart) = (.greater, at, at + 1)
            }
        } else if let at = find("<") {
            let next = at + 1 < text.count ? text[at + 1] : 0
            if next == UInt8(ascii: "=") {
                (operation, firstEnd, secondStart) = (.lessOrEqual, at, at + 2)
            } else if next == UInt8(ascii: "<") {
                (operation, firstEnd, secondStart) = (.shiftLeft, at, at + 2)
            } else {
                (operation, firstEnd, secondStart) = (.less, at, at + 1)
            }
        } else if let at = find("=") {
            if at + 1 < text.count, text[at + 1] == UInt8(ascii: "=") {
                (operation, firstEnd, secondStart) = (.equal, at, at + 2)
            }
        } else if let at = find("+") {
            (operation, firstEnd, secondStart) = (.add, at, at + 1)
        } else if let at = find("-") {
            (operation, firstEnd, secondStart) = (.subtract, at, at + 1)
        }

        var resultType = ResultType.float
        if args.count > 1 {
            switch args[1].lowercased() {
            case "float", "f": resultType = .float
            case "int", "i": resultType = .int
            case "hex", "h": resultType = .hex
            case "char", "c": resultType = .char
            default: throw .badArguments(function: "MATH", reason: "unknown type of result requested '\(args[1])'")
            }
        }
        guard let operation, let secondStart else {
            throw .badArguments(function: "MATH", reason: "supply all the parameters - just this once, please")
        }
        let firstText = S.string(text[..<firstEnd])
        let secondText = S.string(text[min(secondStart, text.count)...])
        guard let parsed1 = S.scanDouble(firstText) else {
            throw .badArguments(function: "MATH", reason: "'\(firstText)' is not a valid number")
        }
        guard let number2 = S.scanDouble(secondText) else {
            throw .badArguments(function: "MATH", reason: "'\(secondText)' is not a valid number")
        }
        let number1 = negative ? 0 - parsed1 : parsed1
        let int1 = S.cInt(number1), int2 = S.cInt(number2)
        let result: Double
        switch operation {
        case .add: result = number1 + number2
        case .divide: result = number2 <= 0 ? 0 : number1 / number2
        case .multiply: result = number1 * number2
        case .subtract: result = number1 - number2
        case .modulus:
            if int2 == 0 {
                result = 0
            } else {
                let (remainder, overflow) = int1.remainderReportingOverflow(dividingBy: int2)
                result = overflow ? 0 : Double(remainder)
            }
        case .power: result = pow(number1, number2)
        // x86 masks shift counts to five bits.
        case .shiftLeft: result = Double(int1 &<< (int2 & 31))
        case .shiftRight: result = Double(int1 &>> (int2 & 31))
        case .and: result = Double(int1 & int2)
        case .xor: result = Double(int1 ^ int2)
        case .or: result = Double(int1 | int2)
        case .greater: return number1 > number2 ? "TRUE" : "FALSE"
        case .less: return number1 < number2 ? "TRUE" : "FALSE"
        case .greaterOrEqual: return number1 >= number2 ? "TRUE" : "FALSE"
        case .lessOrEqual: return number1 <= number2 ? "TRUE" : "FALSE"
        case .equal: return number1 == number2 ? "TRUE" : "FALSE"
        }
        switch resultType {
        case .float: return S.fixed(result)
        case .int: return String(S.cInt(result))
        case .hex: return String(S.cUInt(result), radix: 16)
        case .char:
            let byte = UInt8(truncatingIfNeeded: S.cInt(result))
            return byte == 0 ? "" : S.string([byte])
        }
    }

    static func minMax(_ argument: String, name: String) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 2)
        let first = args.count > 0 ? args[0] : ""
        let second = args.count > 1 ? args[1] : ""
        if first.isEmpty && second.isEmpty {
            throw .badArguments(function: name, reason: "missing argument for number(s)")
        }
        var number1: Double?
        if !first.isEmpty {
            guard let value = S.scanDouble(first) else {
                throw .badArguments(function: name, reason: "'\(first)' is not a valid number")
            }
            number1 = value
        }
        var number2: Double
        if second.isEmpty {
            number2 = number1 ?? 0
        } else {
            guard let value = S.scanDouble(second) else {
                throw .badArguments(function: name, reason: "'\(second)' is not a valid number")
            }
            number2 = value
        }
        let response: Double
        if let number1 {
            if name == "MIN" {
                response = number1 > number2 ? number2 : number1
            } else {
                response = number1 < number2 ? number2 : number1
            }
        } else {
            response = number2
        }
        return S.intOrFixed(response)
    }

    static func crement(_ argument: String, _ context: any EvaluationContext, by step: Int32, name: String) throws(FunctionError) -> String {
        guard !argument.isEmpty else {
            throw .badArguments(function: name, reason: "syntax: \(name)(<data>) - missing argument")
        }
        guard let value = context.variable(named: argument) else {
            throw .failed(function: name, reason: "failed to obtain variable \(argument)")
        }
        guard !value.isEmpty else {
            throw .failed(function: name, reason: "variable \(argument) doesn't exist")
        }
        var number: Int32 = 0
        if !S.isBlankOnly(value) {
            // sscanf("%30d%1c") must read a number and nothing after it.
            let bytes = S.bytes(value)
            guard let scan = S.scanInt(bytes), scan.next == bytes.count else {
                throw .failed(function: name, reason: "the content of ${\(argument)} is not a numeric value")
            }
            number = scan.value
        }
        let result = String(number &+ step)
        context.setVariable(argument, to: result)
        return result
    }
}
