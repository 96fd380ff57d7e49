/// One thing that happened in a call, at a time in seconds since the call started. Secrets are already masked.
public struct CallEvent: Sendable, Equatable {
    public var time: Double
    public var kind: Kind

    public init(time: Double, kind: Kind) {
        self.time = time
        self.kind = kind
    }

    /// What happened.
    public enum Kind: Sendable, Equatable {
        /// The call begins: where, who calls on which channel, the language, the wall-clock start (seconds since
        /// 1970) and the time zone the dialplan's time checks use — what a replay of the call needs to know.
        case callStart(location: CallLocation, callerID: String, channel: String, language: String, startTime: Double,
                       timeZone: String)
        /// A priority ran: where, the application, its arguments after substitution, and the dialplan line.
        case exec(location: CallLocation, application: String, arguments: String, file: String, line: Int)
        case promptStart(String)
        case promptEnd(String)
        case promptInterrupted(String, digit: Character)
        case promptMissing(String)
        case digit(Character)
        /// Waiting for input ended with nothing: `digit`, `response` or an application's own timeout.
        case timeout(String)
        case variableSet(name: String, value: String)
        case jump(to: CallLocation, reason: String)
        /// Dial, Transfer or Queue: the kind, the destination and the status it ended with.
        case delivery(kind: String, destination: String, status: String)
        case recording(path: String, outcome: String)
        case verbose(level: Int, message: String)
        case log(level: String, message: String)
        case userEvent(name: String, body: String)
        /// A line of an AGI conversation: `sent` to the script, or received from it.
        case agi(line: String, sent: Bool)
        case warning(String)
        case error(String)
        case hangup(cause: Int, byCaller: Bool)
        case callEnd(disposition: String)
    }

    /// The event's name in JSON Lines (`"event":"exec"`).
    public var name: String {
        switch kind {
        case .callStart: "start"
        case .exec: "exec"
        case .promptStart: "prompt"
        case .promptEnd: "prompt_end"
        case .promptInterrupted: "prompt_interrupted"
        case .promptMissing: "prompt_missing"
        case .digit: "digit"
        case .timeout: "timeout"
        case .variableSet: "set"
        case .jump: "jump"
        case .delivery: "delivery"
        case .recording: "record"
        case .verbose: "verbose"
        case .log: "log"
        case .userEvent: "user_event"
        case .agi: "agi"
        case .warning: "warning"
        case .error: "error"
        case .hangup: "hangup"
        case .callEnd: "end"
        }
    }
}
