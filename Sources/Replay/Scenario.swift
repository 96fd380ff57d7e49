import Foundation

/// A parsed scenario file: its scenarios in file order (named set-up blocks already merged into each).
public struct ScenarioFile: Sendable {
    /// The path the file was read from (as given).
    public var path: String
    public var scenarios: [Scenario]

    public init(path: String, scenarios: [Scenario]) {
        self.path = path
        self.scenarios = scenarios
    }
}

/// One call to replay: how it is set up, then the caller's steps and the expectations, in call order.
public struct Scenario: Sendable {
    public var name: String
    /// The scenario file and the line of its `scenario` header.
    public var file: String
    public var line: Int
    public var setup: ScenarioSetup
    public var steps: [ScenarioStep]

    public init(name: String, file: String, line: Int, setup: ScenarioSetup, steps: [ScenarioStep]) {
        self.name = name
        self.file = file
        self.line = line
        self.setup = setup
        self.steps = steps
    }

    /// `file:line`, for reports.
    public var location: String { "\(file):\(line)" }
}

/// What a call starts with. Every field has a default, so a scenario sets only what it cares about.
public struct ScenarioSetup: Sendable, Equatable {
    /// The dialplan file, already resolved against the scenario file's folder.
    public var dialplan: String?
    /// Where `dialplan` was written (for errors).
    public var dialplanLine: Int = 0
    public var context = "default"
    public var exten = "s"
    public var callerNumber = ""
    public var callerName = ""
    public var language = "en"
    /// Unix time the call starts at. The default, Monday 2026-01-05 10:00 UTC, keeps scenarios repeatable.
    public var startTime: Double = 1_767_607_200
    public var timeZone = TimeZone(identifier: "UTC") ?? .current
    /// `family/key` → value, put into a fresh in-memory AstDB before each call.
    public var astdb: [(family: String, key: String, value: String)] = [] { didSet { astdbSeed = AstDBSeed() } }
    /// `astdb` put into a database once, for all the calls that start from it.
    private(set) var astdbSeed = AstDBSeed()
    /// Canned answers for CURL, by exact URL (a trailing `*` matches any rest).
    public var curl: [CurlAnswer] = []
    /// Channel variables set before the first priority runs.
    public var variables: [String: String] = [:]
    /// How Dial/Queue/Transfer to a destination ends.
    public var outcomes: [String: OutcomeSpec] = [:]
    /// The channel's name (`${CHANNEL}`, the CDR's channel).
    public var channelName = "Scripted/caller-00000001"
    /// How long the caller stays on the line at most when the scenario never hangs up.
    public var limit: Double = 600
    public var accountCode = ""
    /// Where AGI programs named without a path are found (`agi-bin DIR`; nil: the engine's default).
    public var agiDirectory: String?

    public init() {}

    public static func == (lhs: ScenarioSetup, rhs: ScenarioSetup) -> Bool {
        lhs.dialplan == rhs.dialplan && lhs.context == rhs.context && lhs.exten == rhs.exten
            && lhs.callerNumber == rhs.callerNumber && lhs.callerName == rhs.callerName
            && lhs.language == rhs.language && lhs.startTime == rhs.startTime && lhs.timeZone == rhs.timeZone
            && lhs.astdb.map { "\($0.family)/\($0.key)=\($0.value)" } == rhs.astdb.map { "\($0.family)/\($0.key)=\($0.value)" }
            && lhs.curl == rhs.curl && lhs.variables == rhs.variables && lhs.outcomes == rhs.outcomes
            && lhs.channelName == rhs.channelName && lhs.limit == rhs.limit && lhs.accountCode == rhs.accountCode
            && lhs.agiDirectory == rhs.agiDirectory
    }
}

/// A canned CURL answer.
public struct CurlAnswer: Sendable, Equatable {
    public enum Reply: Sendable, Equatable {
        case body(String, code: Int)
        case failure
        case timeout
    }

    public var url: String
    public var reply: Reply

    public init(url: String, reply: Reply) {
        self.url = url
        self.reply = reply
    }

    func matches(_ candidate: String) -> Bool {
        if url.hasSuffix("*") { return candidate.hasPrefix(url.dropLast()) }
        return candidate == url
    }
}

/// How a delivery to one destination ends.
public struct OutcomeSpec: Sendable, Equatable {
    public var status: String
    public var waited: Double
    public var talked: Double

    public init(status: String, waited: Double? = nil, talked: Double? = nil) {
        let answered = status == "ANSWER" || status == "SUCCESS"
        self.status = status
        self.waited = waited ?? (answered ? 5 : 20)
        self.talked = talked ?? (status == "ANSWER" ? 30 : 0)
    }
}

/// One line of a scenario's body: something the caller does, or something expected of the call.
public struct ScenarioStep: Sendable, Equatable {
    public var line: Int
    /// The line as written (trimmed), for reports.
    public var text: String
    public var kind: Kind

    public init(line: Int, text: String, kind: Kind) {
        self.line = line
        self.text = text
        self.kind = kind
    }

    public enum Kind: Sendable, Equatable {
        /// Digits pressed `spacing` apart, starting `after` seconds past the caller's clock (nil: the caller's
        /// reaction time, 100 ms), or `at` a call time.
        case press(digits: String, spacing: Double, after: Double?, at: Double?)
        case wait(Double)
        /// The caller hangs up `after` seconds past the caller's clock (nil: the reaction time), or `at` a call time.
        case hangup(after: Double?, at: Double?)
        case expect(Expectation)
    }
}

/// What a scenario expects of the call.
public enum Expectation: Sendable, Equatable {
    public enum PromptMoment: String, Sendable, Equatable {
        /// The caller's clock moves to the prompt's end (the default).
        case end
        /// The caller's clock moves to the prompt's start (to barge in).
        case starts
        /// The prompt must have been cut by a digit.
        case interrupted
        /// The prompt must have played to its end.
        case finished
    }

    case prompt(String, PromptMoment)
    /// The next prompts heard are exactly these, in this order.
    case prompts([String])
    /// No prompt plays during the next `seconds` of the caller's time.
    case silence(Double)
    /// No prompt starts for the rest of the call.
    case noPrompt
    case variable(name: String, value: String)
    /// `kind` is dial, queue or transfer; `status` optional.
    case delivery(kind: String, destination: String, status: String?)
    case context(String)
    case exten(String, context: String?)
    /// `by` is "caller", "dialplan" or nil for either.
    case hangup(by: String?)
    case cdr(field: String, value: String)
    case never(String)
    case verbose(String)
    /// A golden transcript file (resolved path).
    case transcript(String)
    /// A golden heard-audio WAV (resolved path); checked in audio mode only.
    case heard(String)

    /// Checked on the whole call once every step has run, not against the cursor.
    var isWholeCall: Bool {
        switch self {
        case .cdr, .never, .transcript, .heard: true
        default: false
        }
    }
}

/// A scenario file that cannot be used: where and why.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: error: message`.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}
