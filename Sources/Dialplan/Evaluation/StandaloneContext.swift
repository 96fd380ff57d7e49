import Foundation

/// An evaluation context with no call behind it: variables in memory, a fixed or real clock, seeded randomness.
///
/// `ivr eval` uses it, and so do tests. It also keeps caller-ID fields so `CALLERID(num)` can be set and read.
public final class StandaloneContext: EvaluationContext {
    public var channelVariables: [String: String] = [:]
    public var globals: [String: String]
    public var functions: FunctionRegistry
    public var now: Double
    public var timeZone: TimeZone
    /// `${CONTEXT}`, `${EXTEN}`, `${PRIORITY}` as the priority being run would see them.
    public var location: (context: String, exten: String, priority: Int)
    /// Caller-ID fields by `CALLERID()` item name (`num`, `name`, `ani`, `dnid`, `rdnis`, ...).
    public var callerID: [String: String] = [:]
    /// Warnings raised while evaluating, in order.
    public private(set) var warnings: [String] = []
    private var generator: SeededGenerator

    public init(globals: [String: String] = [:], functions: FunctionRegistry = .standard,
                now: Double = Date().timeIntervalSince1970, timeZone: TimeZone = .current, seed: UInt64 = 1,
                location: (context: String, exten: String, priority: Int) = ("default", "s", 1)) {
        self.globals = globals
        self.functions = functions.adding([Self.callerIDFunction])
        self.now = now
        self.timeZone = timeZone
        self.location = location
        self.generator = SeededGenerator(seed: seed)
    }

    public func variable(named name: String) -> String? {
        switch name {
        case "CONTEXT": return location.context
        case "EXTEN": return location.exten
        case "PRIORITY": return String(location.priority)
        case "EPOCH": return String(Int(now.rounded(.down)))
        default: break
        }
        // Stored names lost their inheritance marks, so `${__V}` finds nothing, as in Asterisk.
        return channelVariables[name] ?? globals[name]
    }

    public func setVariable(_ name: String, to value: String) {
        channelVariables[VariableName.stripInheritance(name)] = value
    }

    public func deleteVariable(_ name: String) {
        channelVariables[VariableName.stripInheritance(name)] = nil
    }

    public func globalVariable(named name: String) -> String? { globals[name] }

    public func setGlobalVariable(_ name: String, to value: String?) { globals[name] = value }

    public func randomInteger(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    public func warn(_ message: String) { warnings.append(message) }

    /// `CALLERID(item)`: reads and writes the context's caller-ID fields; `all` is `"name" <num>`.
    static let callerIDFunction = DialplanFunction(
        "CALLERID", synopsis: "CALLERID(num|name|all|ani|dnid|rdnis) — caller identification",
        read: { argument, context throws(FunctionError) in
            guard let standalone = context as? StandaloneContext else { return "" }
            let item = CallerIDItem.canonical(argument)
            if item == "all" {
                return CallerIDItem.all(name: standalone.callerID["name"] ?? "", number: standalone.callerID["num"] ?? "")
            }
            return standalone.callerID[item] ?? ""
        },
        write: { argument, value, context throws(FunctionError) in
            guard let standalone = context as? StandaloneContext else { return }
            let item = CallerIDItem.canonical(argument)
            if item == "all" {
                let parsed = CallerIDItem.parseAll(value)
                standalone.callerID["name"] = parsed.name
                standalone.callerID["num"] = parsed.number
            } else {
                standalone.callerID[item] = value
            }
        })
}

/// Names of `CALLERID()` items and the `"name" <number>` form, shared by every context that keeps caller ID.
public enum CallerIDItem {
    /// The item an argument names, lower-cased and trimmed, with Asterisk's synonyms folded (`number` → `num`).
    public static func canonical(_ argument: String) -> String {
        let item = argument.trimmingCharacters(in: .whitespaces).lowercased()
        switch item {
        case "number", "num": return "num"
        case "ani", "ani-num": return "ani"
        case "dnid", "dnid-num": return "dnid"
        default: return item
        }
    }

    /// Splits `"Name" <1234>` (or a bare number) into its parts.
    public static func parseAll(_ value: String) -> (name: String, number: String) {
        guard let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close else {
            return ("", value.trimmingCharacters(in: .whitespaces))
        }
        let number = String(value[value.index(after: open)..<close])
        var name = value[..<open].trimmingCharacters(in: .whitespaces)
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        return (name, number)
    }

    /// `all`: `"name" <num>`, or `<num>` without a name.
    public static func all(name: String, number: String) -> String {
        name.isEmpty ? "<\(number)>" : "\"\(name)\" <\(number)>"
    }
}

/// Variable-name rules shared by every context.
public enum VariableName {
    /// Drops up to two leading underscores (the inheritance marks `_V` and `__V`), as `ast_var_name` does.
    public static func stripInheritance(_ name: String) -> String {
        guard name.utf8.first == UInt8(ascii: "_") else { return name }
        var rest = name.dropFirst()
        if rest.utf8.first == UInt8(ascii: "_") { rest = rest.dropFirst() }
        return String(rest)
    }
}

/// SplitMix64: a small deterministic generator, so seeded runs repeat exactly.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
