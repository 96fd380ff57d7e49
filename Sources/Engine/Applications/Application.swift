/// What an application tells the PBX loop when it returns (Asterisk's return values).
public enum ApplicationResult: Sendable, Equatable {
    /// 0: go on with the next priority (after any jump the application made).
    case proceed
    /// -1: the call ends (hangup, or a failure Asterisk treats as fatal); `h` runs.
    case hangup
    /// A DTMF digit: the start of an extension to collect (BackGround, WaitExten).
    case digit(Character)
    /// AST_PBX_INCOMPLETE: keep collecting digits.
    case incomplete
    /// AST_PBX_ERROR: go to `e` if it exists, else end the call.
    case error
}

/// A dialplan application such as `Playback` or `Read`.
public struct Application: Sendable {
    /// The canonical spelling (`BackGround`); lookups ignore case.
    public let name: String
    public let run: @Sendable (_ call: Call, _ arguments: String) -> ApplicationResult

    public init(_ name: String, run: @escaping @Sendable (_ call: Call, _ arguments: String) -> ApplicationResult) {
        self.name = name
        self.run = run
    }
}

/// Applications by case-insensitive name.
public struct ApplicationRegistry: Sendable {
    private var table: [String: Application] = [:]

    public init(_ applications: [Application] = []) {
        for application in applications { register(application) }
    }

    private var canonical: [String: Application] = [:]

    public mutating func register(_ application: Application) {
        table[application.name.lowercased()] = application
        canonical[application.name] = application
    }

    /// The application, whatever the case of `name` (the usual spelling is found without lower-casing).
    public subscript(name: String) -> Application? { canonical[name] ?? table[name.lowercased()] }

    /// Lower-cased names, for the linter.
    public var names: Set<String> { Set(table.keys) }

    /// Every application this engine provides.
    public static let standard = ApplicationRegistry(StandardApplications.all)
}
