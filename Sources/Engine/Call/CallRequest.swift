/// What a call starts with: where in the dialplan, who is calling, in which language, with which variables.
public struct CallRequest: Sendable {
    public var context: String
    /// The dialled extension; empty starts at `s`, as Asterisk does.
    public var exten: String
    public var priority: Int
    public var callerNumber: String
    public var callerName: String
    public var language: String
    /// Channel variables set before the first priority runs.
    public var variables: [String: String]
    public var accountCode: String
    /// Unix time the call starts at (the virtual clock's origin for scripted calls).
    public var startTime: Double

    public init(context: String = "default", exten: String = "s", priority: Int = 1, callerNumber: String = "",
                callerName: String = "", language: String = "en", variables: [String: String] = [:],
                accountCode: String = "", startTime: Double) {
        self.context = context
        self.exten = exten
        self.priority = priority
        self.callerNumber = callerNumber
        self.callerName = callerName
        self.language = language
        self.variables = variables
        self.accountCode = accountCode
        self.startTime = startTime
    }
}
