/// The applications this engine runs; anything else in a dialplan is reported by `ivr check`.
public enum SupportedApplications {
    /// Lower-cased names (application names are case-insensitive, as in Asterisk).
    public static let names: Set<String> = Set([
        "Answer", "Hangup", "Playback", "Background", "WaitExten", "Read", "ReadExten", "WaitDigit", "Wait",
        "Goto", "GotoIf", "GotoIfTime", "ExecIf", "ExecIfTime", "Exec", "TryExec", "Gosub", "GosubIf", "Return",
        "StackPop", "While", "EndWhile", "ExitWhile", "ContinueWhile", "Set", "MSet", "NoOp", "Verbose", "Log",
        "SayDigits", "SayNumber", "SayAlpha", "SayAlphaCase", "SayPhonetic", "SayMoney", "SayOrdinal",
        "SayUnixTime", "Dial", "Transfer", "Queue", "Record", "VoiceMail", "Authenticate", "AGI", "System",
        "TrySystem", "Busy", "Congestion", "Ringing", "Progress", "UserEvent", "RaiseException", "Incomplete",
    ].map { $0.lowercased() })

    /// Applications whose argument is a jump target (`[[context,]exten,]priority`).
    static let jumps: Set<String> = ["goto", "gosub"]
    /// Applications whose argument is `condition?target[:target]`.
    static let conditionalJumps: Set<String> = ["gotoif", "gotoiftime", "gosubif"]
}

/// Functions that read or change the call itself; the interpreter provides them, so the linter knows their names.
public enum ChannelFunctionNames {
    public static let names: Set<String> = [
        "CALLERID", "CHANNEL", "LANGUAGE", "TIMEOUT", "EXCEPTION", "LOCAL", "LOCAL_PEEK", "STACK_PEEK",
        "DB", "DB_EXISTS", "DB_DELETE", "DB_KEYS", "CURL", "SHELL", "TESTTIME", "SECRET",
    ]
}
