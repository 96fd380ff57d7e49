/// What an AGI script may ask of the call it runs in. The interpreter implements it; the AGI layer only speaks the
/// protocol. Every method runs on the call's own thread, in the call's (possibly virtual) time.
public protocol AGIHost: AnyObject {
    /// The `agi_*` block sent before the first command, in Asterisk's order (request, channel, language, ...).
    var environment: [(key: String, value: String)] { get }
    /// True once the caller hung up: most commands then answer `511` or `result=-1`.
    var isHungUp: Bool { get }

    func answer() -> Int
    func hangup()
    /// Plays a prompt; a digit in `escapeDigits` stops it. `nil` digit with `failed` when the file is missing.
    func streamFile(_ name: String, escapeDigits: String, offset: Int) -> AGIPlayback
    /// Waits for one digit; `timeoutMilliseconds` < 0 waits for ever.
    func waitForDigit(timeoutMilliseconds: Int) -> AGIDigit
    /// Plays `file` and collects up to `maxDigits` digits (`#` ends), as `GET DATA` does.
    func getData(file: String, timeoutMilliseconds: Int?, maxDigits: Int?) -> AGIDigits
    /// SAY DIGITS / NUMBER / ALPHA / PHONETIC with escape digits.
    func say(_ kind: AGISayKind, _ text: String, escapeDigits: String) -> AGIDigit
    func setVariable(_ name: String, to value: String)
    func variable(named name: String) -> String?
    /// `GET FULL VARIABLE`: substitutes `${...}` and `$[...]` in `expression`.
    func substitute(_ expression: String) -> String
    /// `EXEC`: runs a dialplan application; its return value, or -2 when the application does not exist.
    func execute(application: String, arguments: String) -> Int
    func verbose(_ message: String, level: Int)
    /// Asterisk's channel state number (6 = up).
    func channelStatus() -> Int
    func databaseGet(family: String, key: String) -> String?
    func databasePut(family: String, key: String, value: String) -> Bool
    func databaseDelete(family: String, key: String) -> Bool
    /// `RECORD FILE`: records to `file.format`; returns the terminating digit or failure.
    func recordFile(_ file: String, format: String, escapeDigits: String, timeoutMilliseconds: Int,
                    beep: Bool, silenceSeconds: Int?) -> AGIRecording
    /// `SET CONTEXT`, `SET EXTENSION`, `SET PRIORITY`: where the dialplan goes on after AGI returns.
    func setContext(_ context: String)
    func setExtension(_ exten: String)
    /// A number or a label of the extension; false when the label does not exist.
    func setPriority(_ priority: String) -> Bool
    /// A line of the AGI conversation (`>>` sent to the script, `<<` received), for the call's AGI log.
    /// The host masks secrets before anything is written.
    func logAGI(_ line: String, sent: Bool)
}

/// The outcome of `STREAM FILE` and similar: the digit that stopped it, where it stopped, or failure.
public struct AGIPlayback: Sendable, Equatable {
    public var digit: Character?
    /// Samples played (8 kHz), Asterisk's `endpos`.
    public var endPosition: Int
    public var failed: Bool
    public var hungUp: Bool

    public init(digit: Character? = nil, endPosition: Int = 0, failed: Bool = false, hungUp: Bool = false) {
        self.digit = digit
        self.endPosition = endPosition
        self.failed = failed
        self.hungUp = hungUp
    }
}

/// One digit, a timeout, or a hangup.
public enum AGIDigit: Sendable, Equatable {
    case digit(Character)
    case timeout
    case hangup
}

/// Digits collected by `GET DATA`.
public struct AGIDigits: Sendable, Equatable {
    public var digits: String
    public var timedOut: Bool
    public var hungUp: Bool

    public init(digits: String, timedOut: Bool = false, hungUp: Bool = false) {
        self.digits = digits
        self.timedOut = timedOut
        self.hungUp = hungUp
    }
}

/// What `SAY ...` reads out.
public enum AGISayKind: String, Sendable {
    case digits, number, alpha, phonetic
}

/// The outcome of `RECORD FILE`: the digit that stopped it, the samples recorded, or failure (same shape as a playback).
public typealias AGIRecording = AGIPlayback
