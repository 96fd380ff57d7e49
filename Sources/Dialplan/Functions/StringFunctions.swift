import Foundation

/// String functions of `funcs/func_strings.c`: LEN, FILTER, REGEX, REPLACE, STRREPLACE, STRBETWEEN, TRIM,
/// LTRIM, RTRIM, TOUPPER, TOLOWER, KEYPADHASH, QUOTE, CSV_QUOTE, PASSTHRU.
enum StringFunctions {
    typealias S = FunctionSupport

    static let all: [DialplanFunction] = [
        DialplanFunction("LEN", synopsis: "LEN(string) — length of the text in bytes", read: { argument, _ throws(FunctionError) in
            String(argument.utf8.count)
        }),
        DialplanFunction("FILTER", synopsis: "FILTER(allowed-chars,string) — keeps only the allowed characters (ranges a-z, escapes)",
                         read: { argument, context throws(FunctionError) in try filter(argument, context) }),
        DialplanFunction("REGEX", synopsis: "REGEX(\"regex\" string) — 1 when the POSIX extended regex matches, else 0",
                         read: { argument, context throws(FunctionError) in try regex(argument, context) }),
        DialplanFunction("REPLACE", synopsis: "REPLACE(varname,find-chars[,replace-char]) — replaces or deletes characters",
                         read: { argument, context throws(FunctionError) in try replace(argument, context) }),
        DialplanFunction("STRREPLACE", synopsis: "STRREPLACE(varname,find[,replace[,max]]) — replaces substrings",
                         read: { argument, context throws(FunctionError) in try strReplace(argument, context) }),
        DialplanFunction("STRBETWEEN", synopsis: "STRBETWEEN(varname,insert) — inserts text between every character",
                         read: { argument, context throws(FunctionError) in try strBetween(argument, context) }),
        DialplanFunction("TRIM", synopsis: "TRIM(string) — removes leading and trailing whitespace", read: { argument, _ throws(FunctionError) in
            S.strip(argument)
        }),
        DialplanFunction("LTRIM", synopsis: "LTRIM(string) — removes leading whitespace", read: { argument, _ throws(FunctionError) in
            let b = S.bytes(argument)
            return S.string(b.drop(while: { $0 < 33 }))
        }),
        DialplanFunction("RTRIM", synopsis: "RTRIM(string) — removes trailing whitespace", read: { argument, _ throws(FunctionError) in
            var b = S.bytes(argument)
            while let last = b.last, last < 33 { b.removeLast() }
            return S.string(b)
        }),
        DialplanFunction("TOUPPER", synopsis: "TOUPPER(string) — ASCII upper case", read: { argument, _ throws(FunctionError) in
            S.string(S.bytes(argument).map(S.upperASCII))
        }),
        DialplanFunction("TOLOWER", synopsis: "TOLOWER(string) — ASCII lower case", read: { argument, _ throws(FunctionError) in
            S.string(S.bytes(argument).map(S.lowerASCII))
        }),
        DialplanFunction("KEYPADHASH", synopsis: "KEYPADHASH(string) — letters to telephone keypad digits", read: { argument, _ throws(FunctionError) in
            keypadHash(argument)
        }),
        DialplanFunction("QUOTE", synopsis: "QUOTE(string) — wraps in double quotes, escaping \" and \\", read: { argument, context throws(FunctionError) in
            if argument.isEmpty {
                context.warn("QUOTE: no argument specified")
                return "\"\""
            }
            var out: [UInt8] = [UInt8(ascii: "\"")]
            for byte in argument.utf8 {
                if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
            return S.string(out)
        }),
        DialplanFunction("CSV_QUOTE", synopsis: "CSV_QUOTE(string) — quotes for a CSV field, doubling embedded quotes", read: { argument, _ throws(FunctionError) in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            for byte in argument.utf8 {
                if byte == UInt8(ascii: "\"") { out.append(byte) }
                out.append(byte)
            }
            out.append(UInt8(ascii: "\""))
            return S.string(out)
        }),
        DialplanFunction("PASSTHRU", synopsis: "PASSTHRU(string) — returns its argument unchanged", read: { argument, _ throws(FunctionError) in
            argument
        }),
    ]

    // MARK: - FILTER

    static func filter(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.splitRaw(argument, limit: 2)
        guard args.count >= 2 else {
            throw .badArguments(function: "FILTER", reason: "usage: FILTER(<allowed-chars>,<string>)")
        }
        let allowed = S.bytes(args[0])
        if allowed.first == UInt8(ascii: "\"") {
            context.warn("FILTER allowed characters includes the quote (\") character.  This may not be what you want.")
        }
        var permitted = [Bool](repeating: false, count: 256)
        var index = 0
        while index < allowed.count {
            guard let (first, used) = S.decodeEscape(allowed, at: index) else {
                throw .badArguments(function: "FILTER", reason: "malformed escape in allowed characters")
            }
            index += used
            if index < allowed.count, allowed[index] == UInt8(ascii: "-") {
                var last = first
                var consumed = 0
                if let (value, count) = S.decodeEscape(allowed, at: index + 1) {
                    last = value
                    consumed = count
                } else if index + 1 < allowed.count {
                    consumed = min(2, allowed.count - index - 1) // a bad `\x` still consumes its two characters
                }
                index += consumed + 1
                if last < first {
                    context.warn("Range wrapping in FILTER(\(argument)).  This may not be what you want.")
                }
                var byte = first
                while byte != last {
                    permitted[Int(byte)] = true
                    byte &+= 1
                }
                permitted[Int(last)] = true
            } else {
                permitted[Int(first)] = true
            }
        }
        permitted[0] = false
        return S.string(S.bytes(args[1]).filter { permitted[Int($0)] })
    }

    // MARK: - REGEX

    static func regex(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, delimiter: UInt8(ascii: "\""), limit: 3)
        guard args.count == 3 else {
            throw .badArguments(function: "REGEX", reason: "should have been in the form '\"<regex>\" <string>'")
        }
        var subject = args[2]
        if let first = subject.utf8.first, first == 0x20 || first == 0x09 { subject = String(subject.dropFirst()) }
        guard let compiled = POSIXRegex(args[1], noSubexpressions: true) else {
            throw .failed(function: "REGEX", reason: "malformed regular expression '\(args[1])'")
        }
        return compiled.matches(subject) ? "1" : "0"
    }

    // MARK: - REPLACE, STRREPLACE, STRBETWEEN

    static func replace(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 3)
        guard args.count >= 2 else {
            throw .badArguments(function: "REPLACE", reason: "usage: REPLACE(<varname>,<search-chars>[,<replace-char>])")
        }
        let find = S.decodeString(args[1], maxLength: 255)
        let replacement: UInt8? = args.count > 2 ? S.decodeChar(args[2]).flatMap { $0 == 0 ? nil : $0 } : nil
        guard !find.isEmpty, !args[0].isEmpty else {
            throw .badArguments(function: "REPLACE", reason: "the characters to search for and the variable name must not be empty")
        }
        let value = S.bytes(S.value(of: args[0], in: context))
        guard !value.isEmpty else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        for byte in value {
            if find.contains(byte) {
                if let replacement { out.append(replacement) }
            } else {
                out.append(byte)
            }
        }
        return S.string(out)
    }

    static func strReplace(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 5)
        guard args.count >= 2 else {
            throw .badArguments(function: "STRREPLACE", reason: "usage: STRREPLACE(<varname>,<find-string>[,<replace-string>[,<max-replacements>]])")
        }
        guard !args[0].isEmpty else { throw .badArguments(function: "STRREPLACE", reason: "no variable name") }
        let find = S.bytes(args[1])
        guard !find.isEmpty else { throw .badArguments(function: "STRREPLACE", reason: "no <find-string> specified") }
        let replacement = args.count > 2 ? S.bytes(args[2]) : []
        var limit = Int.max
        if args.count > 3 {
            let parsed = S.atoi(args[3])
            if parsed > 0 { limit = Int(parsed) }
        }
        let value = S.bytes(S.value(of: args[0], in: context))
        var out: [UInt8] = []
        var start = 0
        var count = 0
        while count < limit, let found = firstRange(of: find, in: value, from: start) {
            out.append(contentsOf: value[start..<found])
            out.append(contentsOf: replacement)
            start = found + find.count
            count += 1
        }
        out.append(contentsOf: value[start...])
        return S.string(out)
    }

    /// `strstr` from `start`: index of the first occurrence of `needle`.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        let lastStart = haystack.count - needle.count
        while i <= lastStart {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func strBetween(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 3)
        guard args.count == 2, !args[0].isEmpty else {
            throw .badArguments(function: "STRBETWEEN", reason: "usage: STRBETWEEN(<varname>,<insert-string>)")
        }
        let value = S.bytes(S.value(of: args[0], in: context))
        let insert = S.bytes(args[1])
        var out: [UInt8] = []
        for (i, byte) in value.enumerated() {
            out.append(byte)
            if i < value.count - 1 { out.append(contentsOf: insert) }
        }
        return S.string(out)
    }

    // MARK: - KEYPADHASH

    static func keypadHash(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            let lower = S.lowerASCII(byte)
            switch lower {
            case UInt8(ascii: "0"), UInt8(ascii: "1"): out.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "c"), UInt8(ascii: "2"): out.append(UInt8(ascii: "2"))
            case UInt8(ascii: "d")...UInt8(ascii: "f"), UInt8(ascii: "3"): out.append(UInt8(ascii: "3"))
            case UInt8(ascii: "g")...UInt8(ascii: "i"), UInt8(ascii: "4"): out.append(UInt8(ascii: "4"))
            case UInt8(ascii: "j")...UInt8(ascii: "l"), UInt8(ascii: "5"): out.append(UInt8(ascii: "5"))
            case UInt8(ascii: "m")...UInt8(ascii: "o"), UInt8(ascii: "6"): out.append(UInt8(ascii: "6"))
            case UInt8(ascii: "p")...UInt8(ascii: "s"), UInt8(ascii: "7"): out.append(UInt8(ascii: "7"))
            case UInt8(ascii: "t")...UInt8(ascii: "v"), UInt8(ascii: "8"): out.append(UInt8(ascii: "8"))
            case UInt8(ascii: "w")...UInt8(ascii: "z"), UInt8(ascii: "9"): out.append(UInt8(ascii: "9"))
            default: break
            }
        }
        return S.string(out)
    }
}
