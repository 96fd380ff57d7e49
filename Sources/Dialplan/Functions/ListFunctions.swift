import Foundation

/// Functions over delimited lists held in variables (`funcs/func_cut.c`, `funcs/func_strings.c`):
/// CUT, FIELDQTY, FIELDNUM, LISTFILTER, SHIFT, POP, PUSH, UNSHIFT, HASH, ARRAY.
enum ListFunctions {
    typealias S = FunctionSupport

    static let all: [DialplanFunction] = [
        DialplanFunction("CUT", synopsis: "CUT(varname,delim,range) — fields N, N-M, -M, N- joined with &",
                         read: { argument, context throws(FunctionError) in try cut(argument, context) }),
        DialplanFunction("FIELDQTY", synopsis: "FIELDQTY(varname,delim) — number of fields",
                         read: { argument, context throws(FunctionError) in fieldQuantity(argument, context) }),
        DialplanFunction("FIELDNUM", synopsis: "FIELDNUM(varname,delim,value) — 1-based position of value, 0 if absent",
                         read: { argument, context throws(FunctionError) in try fieldNumber(argument, context) }),
        DialplanFunction("LISTFILTER", synopsis: "LISTFILTER(varname,delim,value) — the list without value",
                         read: { argument, context throws(FunctionError) in try listFilter(argument, context) }),
        DialplanFunction("SHIFT", synopsis: "SHIFT(varname[,delim]) — removes and returns the first item",
                         read: { argument, context throws(FunctionError) in try shiftPop(argument, context, fromStart: true) }),
        DialplanFunction("POP", synopsis: "POP(varname[,delim]) — removes and returns the last item",
                         read: { argument, context throws(FunctionError) in try shiftPop(argument, context, fromStart: false) }),
        DialplanFunction("PUSH", synopsis: "Set(PUSH(varname[,delim])=value) — appends an item",
                         write: { argument, value, context throws(FunctionError) in try pushUnshift(argument, value, context, atStart: false) }),
        DialplanFunction("UNSHIFT", synopsis: "Set(UNSHIFT(varname[,delim])=value) — prepends an item",
                         write: { argument, value, context throws(FunctionError) in try pushUnshift(argument, value, context, atStart: true) }),
        DialplanFunction("HASH", synopsis: "HASH(hashname,hashkey) — associative array stored in channel variables",
                         read: { argument, context throws(FunctionError) in try hashRead(argument, context) },
                         write: { argument, value, context throws(FunctionError) in try hashWrite(argument, value, context) }),
        DialplanFunction("ARRAY", synopsis: "Set(ARRAY(var1[,var2...])=val1[,val2...]) — sets several variables",
                         write: { argument, value, context throws(FunctionError) in
                             array(names: argument, values: value, context) { name, _ in name }
                         }),
    ]

    // MARK: - CUT

    static func cut(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 3)
        guard args.count >= 3 else {
            throw .badArguments(function: "CUT", reason: "syntax: CUT(<varname>,<char-delim>,<range-spec>) - missing argument")
        }
        let value = S.bytes(S.value(of: args[0], in: context))
        let delimiter = S.decodeChar(args[1]) ?? UInt8(ascii: "-")
        guard !value.isEmpty else { return "" }

        var output: [UInt8] = []
        var written = 0
        var fieldNumber = 1
        var cursor: Int? = 0
        var ranges: [UInt8]? = S.bytes(args[2])
        while let position = cursor, let remaining = ranges {
            let group: [UInt8]
            if let amp = remaining.firstIndex(of: UInt8(ascii: "&")) {
                group = Array(remaining[..<amp])
                ranges = Array(remaining[(amp + 1)...])
            } else {
                group = remaining
                ranges = nil
            }
            guard let (start, stop) = parseRange(group) else {
                throw .badArguments(function: "CUT", reason: "usage: CUT(<varname>,<char-delim>,<range-spec>)")
            }
            cursor = position
            while let at = cursor, fieldNumber < start {
                cursor = S.strsep(value, from: at, delimiter: delimiter).next
                fieldNumber += 1
            }
            if fieldNumber > start {
                context.warn("CUT: we're already past the field you wanted?")
            }
            while let at = cursor, fieldNumber <= stop {
                let (field, next) = S.strsep(value, from: at, delimiter: delimiter)
                if written > 0 { output.append(delimiter) }
                output.append(contentsOf: field)
                written += 1
                cursor = next
                fieldNumber += 1
            }
        }
        return S.string(output.filter { $0 != 0 })
    }

    /// One CUT range as the `sscanf` cascade reads it: `N-M`, `-M`, `N-`, `N`.
    static func parseRange(_ group: [UInt8]) -> (start: Int, stop: Int)? {
        let dash = UInt8(ascii: "-")
        if let first = S.scanInt(group), first.next < group.count, group[first.next] == dash,
           let second = S.scanInt(group, at: first.next + 1) {
            return (Int(first.value), Int(second.value))
        }
        if group.first == dash, let end = S.scanInt(group, at: 1) {
            return (1, Int(end.value))
        }
        if let first = S.scanInt(group) {
            if first.next < group.count, group[first.next] == dash {
                return (Int(first.value), Int(Int32.max))
            }
            return (Int(first.value), Int(first.value))
        }
        return nil
    }

    // MARK: - FIELDQTY, FIELDNUM

    static func fieldQuantity(_ argument: String, _ context: any EvaluationContext) -> String {
        let args = ArgumentSplitter.split(argument, limit: 2)
        guard args.count >= 2 else { return "1" }
        let delimiter = S.decodeChar(args[1]) ?? 0
        let value = S.bytes(S.value(of: args[0], in: context))
        guard !value.isEmpty else { return "0" }
        return String(split(value, delimiter).count)
    }

    static func fieldNumber(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 3)
        guard args.count >= 3 else {
            throw .badArguments(function: "FIELDNUM", reason: "usage: FIELDNUM(<listname>,<delimiter>,<fieldvalue>)")
        }
        let value = S.bytes(S.value(of: args[0], in: context))
        if value.isEmpty || args[1].isEmpty { return "0" }
        guard let delimiter = S.decodeChar(args[1]) else {
            throw .badArguments(function: "FIELDNUM", reason: "malformed delimiter '\(args[1])'")
        }
        for (index, field) in split(value, delimiter).enumerated() where S.equalsIgnoringCase(S.string(field), args[2]) {
            return String(index + 1)
        }
        return "0"
    }

    /// Every field `strsep` would give, NUL meaning no delimiter at all.
    static func split(_ value: [UInt8], _ delimiter: UInt8) -> [ArraySlice<UInt8>] {
        guard delimiter != 0 else { return [value[...]] }
        return value.split(separator: delimiter, omittingEmptySubsequences: false)
    }

    // MARK: - LISTFILTER

    static func listFilter(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 3)
        guard args.count >= 3 else {
            throw .badArguments(function: "LISTFILTER", reason: "usage: LISTFILTER(<listname>,<delimiter>,<fieldvalue>)")
        }
        let list = S.bytes(S.value(of: args[0], in: context))
        guard !list.isEmpty else { return "" }
        let removed = S.bytes(args[2])
        if !removed.isEmpty && StringFunctions.firstRange(of: removed, in: list, from: 0) == nil {
            return S.string(list)
        }
        var delimiter = S.decodeString(args[1])
        if delimiter.isEmpty { delimiter = [UInt8(ascii: ",")] }

        var output: [UInt8] = []
        var first = true
        var begin = 0
        var next = StringFunctions.firstRange(of: delimiter, in: list, from: 0)
        while true {
            let end: Int
            if let found = next {
                end = found
                next = StringFunctions.firstRange(of: delimiter, in: list, from: found + delimiter.count)
            } else {
                end = list.count
            }
            let field = list[min(begin, end)..<end]
            if field.elementsEqual(removed) {
                // skipped
            } else {
                if !first { output.append(contentsOf: delimiter) }
                output.append(contentsOf: field)
                first = false
            }
            begin = end + delimiter.count
            if end >= list.count { break }
        }
        return S.string(output)
    }

    // MARK: - SHIFT, POP, PUSH, UNSHIFT

    static func shiftPop(_ argument: String, _ context: any EvaluationContext, fromStart: Bool) throws(FunctionError) -> String {
        let name = fromStart ? "SHIFT" : "POP"
        let args = ArgumentSplitter.split(argument, limit: 2)
        guard let variable = args.first, !variable.isEmpty else {
            throw .badArguments(function: name, reason: "\(name) requires a variable name")
        }
        var delimiter = UInt8(ascii: ",")
        if args.count > 1 && !args[1].isEmpty { delimiter = S.decodeChar(args[1]) ?? 0 }
        let value = S.bytes(S.value(of: variable, in: context))
        guard !value.isEmpty else { return "" }
        // A NUL delimiter matches the string's terminator, as strchr/strrchr do.
        let split = delimiter == 0 ? value.count : (fromStart ? value.firstIndex(of: delimiter) : value.lastIndex(of: delimiter))
        guard let split else {
            S.assign(variable, "", in: context)
            return S.string(value)
        }
        let before = S.string(value[..<split])
        let after = split < value.count ? S.string(value[(split + 1)...]) : ""
        S.assign(variable, fromStart ? after : before, in: context)
        return fromStart ? before : after
    }

    static func pushUnshift(_ argument: String, _ newValue: String, _ context: any EvaluationContext, atStart: Bool) throws(FunctionError) {
        let name = atStart ? "UNSHIFT" : "PUSH"
        let args = ArgumentSplitter.split(argument, limit: 2)
        guard let variable = args.first, !variable.isEmpty else {
            throw .badArguments(function: name, reason: "\(name) requires a variable name")
        }
        var delimiter = UInt8(ascii: ",")
        if args.count > 1 && !args[1].isEmpty { delimiter = S.decodeChar(args[1]) ?? 0 }
        let previous = S.value(of: VariableName.stripInheritance(variable), in: context)
        let result: String
        if previous.isEmpty {
            result = newValue
        } else if delimiter == 0 {
            // "%s%c%s" with a NUL character: the C string ends at it.
            result = atStart ? newValue : previous
        } else {
            let joint = S.string([delimiter])
            result = atStart ? newValue + joint + previous : previous + joint + newValue
        }
        S.assign(variable, result, in: context)
    }

    // MARK: - HASH, ARRAY

    /// `~HASH~name~key~`, keeping the inheritance underscores in front.
    static func hashVariable(_ hash: String, _ key: String) -> String {
        var prefix = ""
        var name = Substring(hash)
        if name.hasPrefix("__") {
            prefix = "__"
            name = name.dropFirst(2)
        } else if name.hasPrefix("_") {
            prefix = "_"
            name = name.dropFirst()
        }
        return "\(prefix)~HASH~\(name)~\(key)~"
    }

    static func hashRead(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 2)
        switch args.count {
        case 2: return context.variable(named: "~HASH~\(args[0])~\(args[1])~") ?? ""
        case 1: throw .failed(function: "HASH", reason: "the single-argument form needs the HASHKEYS of a channel")
        default: throw .badArguments(function: "HASH", reason: "usage: HASH(<hashname>,<hashkey>)")
        }
    }

    static func hashWrite(_ argument: String, _ value: String, _ context: any EvaluationContext) throws(FunctionError) {
        guard argument.contains(",") else {
            guard let fields = context.variable(named: "~ODBCFIELDS~") else {
                throw .failed(function: "HASH", reason: "the single-argument form needs ~ODBCFIELDS~")
            }
            array(names: fields, values: value, context) { field, _ in hashVariable(argument, field) }
            return
        }
        let args = ArgumentSplitter.split(argument, limit: 2)
        context.setVariable(hashVariable(args[0], args.count > 1 ? args[1] : ""), to: value)
    }

    /// ARRAY: each name gets the value at the same position, or "" when the values run out.
    static func array(names: String, values: String, _ context: any EvaluationContext,
                      variableName: (String, Int) -> String) {
        let nameList = ArgumentSplitter.split(names, limit: 100)
        let valueList = ArgumentSplitter.split(values, limit: 100)
        for (index, name) in nameList.enumerated() {
            let target = variableName(name, index)
            S.assign(target, index < valueList.count ? valueList[index] : "", in: context)
        }
    }
}
