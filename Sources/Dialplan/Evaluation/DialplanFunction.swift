/// A dialplan function such as `LEN` or `CUT`: read as `${NAME(args)}`, written as `Set(NAME(args)=value)`.
public struct DialplanFunction: Sendable {
    /// Reads the function; `argument` is the raw text between the parentheses, already substituted.
    public typealias Reader = @Sendable (_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String
    /// Writes the function with `value`.
    public typealias Writer = @Sendable (_ argument: String, _ value: String, _ context: any EvaluationContext) throws(FunctionError) -> Void

    /// Upper-case name as written in a dialplan (names are case-sensitive).
    public let name: String
    /// One line for `--help` and documentation: the signature and what it returns.
    public let synopsis: String
    public let read: Reader?
    public let write: Writer?

    public init(_ name: String, synopsis: String, read: Reader? = nil, write: Writer? = nil) {
        self.name = name
        self.synopsis = synopsis
        self.read = read
        self.write = write
    }
}

/// Why a function call failed; substitution turns it into a warning and an empty value, as Asterisk does.
public enum FunctionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The function cannot be read (write-only) or written (read-only).
    case notReadable(String)
    case notWritable(String)
    /// The arguments do not fit the function's syntax.
    case badArguments(function: String, reason: String)
    /// A failure while running (bad time zone, bad format, external failure).
    case failed(function: String, reason: String)

    public var description: String {
        switch self {
        case .notReadable(let name): "\(name) cannot be read"
        case .notWritable(let name): "\(name) cannot be written"
        case .badArguments(let name, let reason): "\(name): \(reason)"
        case .failed(let name, let reason): "\(name): \(reason)"
        }
    }
}
