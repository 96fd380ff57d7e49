import Dialplan
import Foundation

/// How an engine runs calls: applications and functions on offer, limits, storage, and what is allowed.
public struct EngineConfiguration: Sendable {
    /// Applications by lower-cased name.
    public var applications: ApplicationRegistry
    /// Functions: the pure ones plus the channel ones.
    public var functions: FunctionRegistry
    /// The zone for time specs and STRFTIME when none is named.
    public var timeZone: TimeZone
    /// Seed for RAND, so replays repeat.
    public var randomSeed: UInt64
    /// Priorities one call may run before it is ended as a runaway loop.
    public var stepLimit: Int
    /// Gosub depth before Gosub fails (Asterisk has none; a bound keeps a runaway recursion from eating memory).
    public var gosubDepthLimit: Int
    /// The AstDB shared by calls (DB(), DATABASE ...), if any.
    public var astdb: AstDB?
    /// `SHELL()` and `System()` run commands only when this is true.
    public var allowShell: Bool
    /// Seconds a CURL request may take.
    public var curlTimeout: Double
    /// Where Record writes relative file names and VoiceMail keeps mailboxes.
    public var spoolDirectory: String
    /// AGI program directory and limits.
    public var agiOptions: AGIOptions

    public init(applications: ApplicationRegistry = .standard, functions: FunctionRegistry = .standard,
                timeZone: TimeZone = .current, randomSeed: UInt64 = 1, stepLimit: Int = 100_000,
                gosubDepthLimit: Int = 10_000, astdb: AstDB? = nil, allowShell: Bool = false, curlTimeout: Double = 5,
                spoolDirectory: String = NSTemporaryDirectory() + "ivr-spool", agiOptions: AGIOptions = AGIOptions()) {
        self.applications = applications
        self.functions = functions.adding(ChannelFunctions.all)
        self.timeZone = timeZone
        self.randomSeed = randomSeed
        self.stepLimit = stepLimit
        self.gosubDepthLimit = gosubDepthLimit
        self.astdb = astdb
        self.allowShell = allowShell
        self.curlTimeout = curlTimeout
        self.spoolDirectory = spoolDirectory
        self.agiOptions = agiOptions
    }
}
