/// The dialplan functions a context can call, by case-sensitive name.
public struct FunctionRegistry: Sendable {
    private var table: [String: DialplanFunction] = [:]

    public init(_ functions: [DialplanFunction] = []) {
        for function in functions { register(function) }
    }

    /// Adds or replaces a function.
    public mutating func register(_ function: DialplanFunction) {
        table[function.name] = function
    }

    /// A copy with more functions (the interpreter adds the channel ones).
    public func adding(_ functions: [DialplanFunction]) -> FunctionRegistry {
        var copy = self
        for function in functions { copy.register(function) }
        return copy
    }

    public subscript(name: String) -> DialplanFunction? { table[name] }

    public func contains(_ name: String) -> Bool { table[name] != nil }

    /// Every registered name, sorted.
    public var names: [String] { table.keys.sorted() }

    /// The functions that need no call: string, math, time, list and hash helpers.
    public static let standard = FunctionRegistry(StandardFunctions.all + [EvalFunction.function])
}
