import Foundation

/// Conditional and variable functions (`funcs/func_logic.c`, `funcs/func_global.c`):
/// IF, IFTIME, ISNULL, EXISTS, SET, GLOBAL, VARIABLE_EXISTS, DELETE.
enum LogicFunctions {
    typealias S = FunctionSupport

    static let all: [DialplanFunction] = [
        DialplanFunction("ISNULL", synopsis: "ISNULL(data) — 1 when empty, else 0", read: { argument, _ throws(FunctionError) in
            argument.isEmpty ? "1" : "0"
        }),
        DialplanFunction("EXISTS", synopsis: "EXISTS(data) — 1 when not empty, else 0", read: { argument, _ throws(FunctionError) in
            argument.isEmpty ? "0" : "1"
        }),
        DialplanFunction("IF", synopsis: "IF(expr?[true][:false]) — the branch chosen by the condition",
                         read: { argument, _ throws(FunctionError) in try ifFunction(argument) }),
        DialplanFunction("IFTIME", synopsis: "IFTIME(timespec?[true][:false]) — the branch chosen by the current time",
                         read: { argument, context throws(FunctionError) in try ifTime(argument, context) }),
        DialplanFunction("SET", synopsis: "SET(varname=value) — sets the variable and returns the value",
                         read: { argument, context throws(FunctionError) in
                             let bytes = S.bytes(argument)
                             guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals > 0 else {
                                 throw .badArguments(function: "SET", reason: "syntax SET(<varname>=[<value>])")
                             }
                             let name = S.string(bytes[..<equals])
                             let value = S.strip(S.string(bytes[(equals + 1)...]))
                             S.assign(S.strip(name), value, in: context)
                             return value
                         }),
        DialplanFunction("GLOBAL", synopsis: "GLOBAL(varname) — reads or sets a global variable",
                         read: { argument, context throws(FunctionError) in context.globalVariable(named: argument) ?? "" },
                         write: { argument, value, context throws(FunctionError) in
                             guard !argument.isEmpty else {
                                 throw .badArguments(function: "GLOBAL", reason: "GLOBAL() requires a variable name")
                             }
                             context.setGlobalVariable(argument, to: value)
                         }),
        DialplanFunction("VARIABLE_EXISTS", synopsis: "VARIABLE_EXISTS(varname) — 1 when the variable is set (even empty)",
                         read: { argument, context throws(FunctionError) in context.variable(named: argument) == nil ? "0" : "1" }),
        DialplanFunction("DELETE", synopsis: "Set(DELETE(varname)=) — removes a channel variable",
                         read: { argument, context throws(FunctionError) in
                             try delete(argument, context)
                             return ""
                         },
                         write: { argument, _, context throws(FunctionError) in try delete(argument, context) }),
    ]

    static func delete(_ name: String, _ context: any EvaluationContext) throws(FunctionError) {
        guard !name.isEmpty else { throw .badArguments(function: "DELETE", reason: "DELETE() requires a variable name") }
        S.assign(name, nil, in: context)
    }

    /// IF: split at the first `?` then the first `:` with the standard argument rules; parts are trimmed.
    static func ifFunction(_ argument: String) throws(FunctionError) -> String {
        let first = ArgumentSplitter.split(argument, delimiter: UInt8(ascii: "?"), limit: 2)
        let branches = first.count > 1 ? ArgumentSplitter.split(first[1], delimiter: UInt8(ascii: ":"), limit: 2) : []
        guard let condition = first.first, !condition.isEmpty, !branches.isEmpty else {
            throw .badArguments(function: "IF", reason: "syntax IF(<expr>?[<true>][:<false>])")
        }
        let chosen = Condition.isTrue(S.strip(condition)) ? branches[0] : (branches.count > 1 ? branches[1] : "")
        return S.strip(chosen)
    }

    /// IFTIME: the spec before the first `?`, then `true:false` split at the first `:`; quotes around parts dropped.
    static func ifTime(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let data = S.bytes(stripQuoted(argument))
        guard let question = data.firstIndex(of: UInt8(ascii: "?")), question > 0 else {
            throw .badArguments(function: "IFTIME", reason: "syntax IFTIME(<timespec>?[<true>][:<false>])")
        }
        let spec = S.string(data[..<question])
        let rest = data[(question + 1)...]
        var whenTrue = S.string(rest)
        var whenFalse = ""
        if let colon = rest.firstIndex(of: UInt8(ascii: ":")) {
            whenTrue = S.string(rest[..<colon])
            whenFalse = S.string(rest[(colon + 1)...])
        }
        let timeSpec = TimeSpec(spec)
        for problem in timeSpec.problems { context.warn("IFTIME: \(problem)") }
        let matches = timeSpec.matches(epoch: context.now, defaultZone: context.timeZone)
        return stripQuoted(matches ? whenTrue : whenFalse)
    }

    /// `ast_strip_quoted(s, "\"", "\"")`: blanks trimmed, then one pair of surrounding double quotes removed.
    static func stripQuoted(_ text: String) -> String {
        var b = S.bytes(S.strip(text))
        if let first = b.first, first == UInt8(ascii: "\""), let last = b.last, last == UInt8(ascii: "\"") {
            b.removeFirst()
            if !b.isEmpty { b.removeLast() }
        }
        return S.string(b)
    }
}
