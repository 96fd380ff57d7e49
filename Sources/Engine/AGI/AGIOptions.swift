/// `AGISTATUS` as `res_agi.c` sets it after `AGI()` returns.
public enum AGIStatus: String, Sendable {
    case success = "SUCCESS"
    case failure = "FAILURE"
    case notFound = "NOTFOUND"
    case hangup = "HANGUP"
}

/// How an AGI session runs: where scripts live and how long anything may take.
///
/// Asterisk itself has no read timeout and no session limit (a script that never answers holds the channel for
/// ever); these bounds are ours, so that no script can hang or crash the caller.
public struct AGIOptions: Sendable {
    /// Directory that relative script names are resolved against (`ast_config_AST_AGI_DIR`).
    public var agiDirectory: String
    /// How long to wait for the script's next line (a command) before ending the session with `FAILURE`.
    public var readTimeout: Duration
    /// Upper bound on the whole session, wall clock, host calls included; ends with `FAILURE` when exceeded.
    public var sessionLimit: Duration
    /// FastAGI TCP connect timeout (Asterisk's `MAX_AGI_CONNECT` is 2000 ms).
    public var connectTimeout: Duration
    /// Whether `EXEC` may run the applications in `dangerousApplications` and `GET VARIABLE`/`GET FULL VARIABLE`/
    /// `SET VARIABLE` may touch the functions in `dangerousFunctions`. When false, `EXEC` of such an application
    /// answers `200 result=-2` (as for an unknown application) without reaching the host.
    public var allowDangerous: Bool
    /// Application names (case-insensitive) that `allowDangerous` guards.
    public var dangerousApplications: Set<String>
    /// Dialplan function names (case-insensitive) that `allowDangerous` guards.
    public var dangerousFunctions: Set<String>
    /// Longest line accepted from a script, in bytes; a longer line ends the session with `FAILURE`.
    public var maxLineLength: Int
    /// After SIGTERM (or after the conversation ended while the child still runs), how long to wait before SIGKILL.
    public var killGracePeriod: Duration
    /// `520-` multi-line usage replies (as an Asterisk built with XML docs sends); false sends the one-line
    /// `520 Invalid command syntax.  Proper usage not available.` form.
    public var sendUsage: Bool
    /// Extra environment variables for a locally run script (on top of this process's environment and
    /// `AST_AGI_DIR`).
    public var scriptEnvironment: [String: String]

    public static let defaultDangerousApplications: Set<String> = [
        "system", "trysystem", "exec", "tryexec", "execif", "agi", "eagi", "deadagi",
    ]
    public static let defaultDangerousFunctions: Set<String> = ["shell", "file"]

    public init(agiDirectory: String = "/var/lib/asterisk/agi-bin",
                readTimeout: Duration = .seconds(10),
                sessionLimit: Duration = .seconds(3600),
                connectTimeout: Duration = .seconds(2),
                allowDangerous: Bool = false,
                dangerousApplications: Set<String> = AGIOptions.defaultDangerousApplications,
                dangerousFunctions: Set<String> = AGIOptions.defaultDangerousFunctions,
                maxLineLength: Int = 64 * 1024,
                killGracePeriod: Duration = .seconds(1),
                sendUsage: Bool = true,
                scriptEnvironment: [String: String] = [:]) {
        self.agiDirectory = agiDirectory
        self.readTimeout = readTimeout
        self.sessionLimit = sessionLimit
        self.connectTimeout = connectTimeout
        self.allowDangerous = allowDangerous
        self.dangerousApplications = dangerousApplications
        self.dangerousFunctions = dangerousFunctions
        self.maxLineLength = maxLineLength
        self.killGracePeriod = killGracePeriod
        self.sendUsage = sendUsage
        self.scriptEnvironment = scriptEnvironment
    }
}

extension Duration {
    /// Whole milliseconds, clamped to zero or more.
    var agiMilliseconds: Int64 {
        let c = components
        let ms = c.seconds.multipliedReportingOverflow(by: 1000)
        if ms.overflow { return c.seconds < 0 ? 0 : Int64.max / 2 }
        return max(0, ms.partialValue + c.attoseconds / 1_000_000_000_000_000)
    }

    var agiNanoseconds: UInt64 {
        let ms = agiMilliseconds
        return ms > Int64(UInt64.max / 2_000_000) ? UInt64.max / 2 : UInt64(ms) * 1_000_000
    }
}
