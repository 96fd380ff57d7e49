/// What a command handler hands back, with the numeric meaning `res_agi.c` gives it (`RESULT_SUCCESS` 0,
/// `RESULT_SHOWUSAGE` 1, `RESULT_FAILURE` 2; any other value counts as success). `EXEC` returns the application's
/// own value, exactly as Asterisk does ("Even though this is wrong, users are depending upon this result").
enum AGIHandlerCode {
    static let success = 0
    static let showUsage = 1
    static let failure = 2
}

/// The outcome of one command for the session loop (`agi_handle_command`'s `AGI_RESULT_SUCCESS`/`FAILURE`).
enum AGICommandResult: Equatable {
    case success
    case failure
}

/// One registered AGI command: its words, whether it runs on a hung-up channel, its usage text and handler.
struct AGICommandSpec: Sendable {
    let words: [String]
    let allowedWhenDead: Bool
    let usage: String
    let handler: @Sendable (AGICommandContext, [String]) -> Int
}

/// What a handler works with: the host, the options and the reply lines it produces.
final class AGICommandContext {
    let host: any AGIHost
    let options: AGIOptions
    private(set) var lines: [String] = []

    init(host: any AGIHost, options: AGIOptions) {
        self.host = host
        self.options = options
    }

    func send(_ line: String) {
        lines.append(line)
    }

    var channelName: String? {
        host.environment.first { $0.key == "agi_channel" }?.value
    }

    func isOwnChannel(_ name: String) -> Bool {
        guard let own = channelName else { return false }
        return AGICommandParser.equalsIgnoringCase(own, name)
    }

    /// True when `expression` names a dangerous function (`SHELL(`...) and the options forbid those.
    func touchesForbiddenFunction(_ expression: String) -> Bool {
        if options.allowDangerous { return false }
        let lowered = expression.lowercased()
        for name in options.dangerousFunctions where lowered.contains(name.lowercased() + "(") {
            return true
        }
        return false
    }
}

/// Runs one command line against the host and produces Asterisk's reply lines.
enum AGICommandHandler {
    static let invalidCommand = "510 Invalid or unknown command"
    static let deadChannel = "511 Command Not Permitted on a dead channel or intercept routine"
    static let usageNotAvailable = "520 Invalid command syntax.  Proper usage not available."
    static let usageFollows = "520-Invalid command syntax.  Proper usage follows:"
    static let usageEnd = "520 End of proper usage."

    /// Handles `line` (without its newline). `dead` is run_agi's dead mode: only dead-capable commands run.
    static func handle(line: [UInt8], context: AGICommandContext, dead: Bool) -> AGICommandResult {
        let words = AGICommandParser.split(bytes: line)
        guard let spec = AGICommandParser.lookup(words) else {
            context.send(invalidCommand)
            return .success
        }
        if dead && !spec.allowedWhenDead {
            context.send(deadChannel)
            return .success
        }
        switch spec.handler(context, words) {
        case AGIHandlerCode.showUsage:
            if context.options.sendUsage && !spec.usage.isEmpty {
                context.send(usageFollows)
                // `"%s"` without a newline, then the end line: the usage text and the end marker share a line.
                context.send(spec.usage + usageEnd)
            } else {
                context.send(usageNotAvailable)
            }
            return .success
        case AGIHandlerCode.failure:
            return .failure
        default:
            return .success
        }
    }

    static func handle(line: String, context: AGICommandContext, dead: Bool) -> AGICommandResult {
        handle(line: Array(line.utf8), context: context, dead: dead)
    }
}

// MARK: - Helpers

enum AGIReply {
    /// The ASCII (Unicode scalar) code of a digit, as Asterisk prints `res` for DTMF.
    static func code(_ c: Character) -> Int {
        if let a = c.asciiValue { return Int(a) }
        return Int(c.unicodeScalars.first?.value ?? 0)
    }

    static func code(_ d: AGIDigit) -> Int {
        switch d {
        case .digit(let c): return code(c)
        case .timeout: return 0
        case .hangup: return -1
        }
    }

    /// Text placed inside a reply line: a newline would end the reply early and desynchronise the script.
    static func clean(_ s: String) -> String {
        guard s.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return String(s.map { ($0 == "\n" || $0 == "\r" || $0 == "\r\n") ? " " : $0 })
    }

    static func result(_ r: Int) -> Int {
        r >= 0 ? AGIHandlerCode.success : AGIHandlerCode.failure
    }
}

// MARK: - The command table

extension AGICommandSpec {
    /// Asterisk's default digit timeout (`pbx->dtimeoutms`) used by `GET OPTION` without a timeout.
    static let defaultDigitTimeoutMilliseconds = 5000

    static let all: [AGICommandSpec] = [
        AGICommandSpec(words: ["answer"], allowedWhenDead: false,
                       usage: "Usage: ANSWER. Answers channel if not already in answer state. Returns -1 on channel failure, or 0 if successful.",
                       handler: answer),
        AGICommandSpec(words: ["channel", "status"], allowedWhenDead: false,
                       usage: "Usage: CHANNEL STATUS [<channelname>]. Returns the status of the channel (0 down and available ... 6 up, 7 busy), or -1 when no such channel exists.",
                       handler: channelStatus),
        AGICommandSpec(words: ["database", "del"], allowedWhenDead: true,
                       usage: "Usage: DATABASE DEL <family> <key>. Deletes an entry in the Asterisk database. Returns 1 if successful, 0 otherwise.",
                       handler: databaseDel),
        AGICommandSpec(words: ["database", "get"], allowedWhenDead: true,
                       usage: "Usage: DATABASE GET <family> <key>. Returns 0 if the key is not set, 1 and the value in parentheses if it is.",
                       handler: databaseGet),
        AGICommandSpec(words: ["database", "put"], allowedWhenDead: true,
                       usage: "Usage: DATABASE PUT <family> <key> <value>. Adds or updates an entry in the Asterisk database. Returns 1 if successful, 0 otherwise.",
                       handler: databasePut),
        AGICommandSpec(words: ["exec"], allowedWhenDead: true,
                       usage: "Usage: EXEC <application> <options>. Executes the application with the given options. Returns whatever the application returns, or -2 when the application cannot be found.",
                       handler: exec),
        AGICommandSpec(words: ["get", "data"], allowedWhenDead: false,
                       usage: "Usage: GET DATA <file to be streamed> [timeout] [max digits]. Streams the file and receives DTMF digits; returns the digits received.",
                       handler: getData),
        AGICommandSpec(words: ["get", "full", "variable"], allowedWhenDead: true,
                       usage: "Usage: GET FULL VARIABLE <variablename> [<channel name>]. Evaluates the expression; returns 0 if the channel does not exist, 1 and the value in parentheses otherwise.",
                       handler: getFullVariable),
        AGICommandSpec(words: ["get", "option"], allowedWhenDead: false,
                       usage: "Usage: GET OPTION <filename> <escape_digits> [timeout]. Behaves like STREAM FILE, then waits for a digit for the timeout (milliseconds).",
                       handler: getOption),
        AGICommandSpec(words: ["get", "variable"], allowedWhenDead: true,
                       usage: "Usage: GET VARIABLE <variablename>. Returns 0 if the variable is not set, 1 and the value in parentheses if it is.",
                       handler: getVariable),
        AGICommandSpec(words: ["hangup"], allowedWhenDead: false,
                       usage: "Usage: HANGUP [<channelname>]. Hangs up the given channel, or the current one. Returns 1 on success, -1 when the channel does not exist.",
                       handler: hangup),
        AGICommandSpec(words: ["noop"], allowedWhenDead: true,
                       usage: "Usage: NOOP. Does nothing.",
                       handler: noop),
        AGICommandSpec(words: ["record", "file"], allowedWhenDead: false,
                       usage: "Usage: RECORD FILE <filename> <format> <escape digits> <timeout> [offset samples] [BEEP] [s=silence]. Records until a digit, the timeout (ms, -1 for none) or silence (seconds).",
                       handler: recordFile),
        AGICommandSpec(words: ["say", "alpha"], allowedWhenDead: false,
                       usage: "Usage: SAY ALPHA <string> <escape digits>. Says the characters; returns 0, the ASCII code of a pressed digit, or -1 on hangup.",
                       handler: { say(.alpha, $0, $1) }),
        AGICommandSpec(words: ["say", "digits"], allowedWhenDead: false,
                       usage: "Usage: SAY DIGITS <number> <escape digits>. Says the digits; returns 0, the ASCII code of a pressed digit, or -1 on hangup.",
                       handler: { say(.digits, $0, $1) }),
        AGICommandSpec(words: ["say", "number"], allowedWhenDead: false,
                       usage: "Usage: SAY NUMBER <number> <escape digits> [gender]. Says the number; returns 0, the ASCII code of a pressed digit, or -1 on hangup.",
                       handler: { say(.number, $0, $1) }),
        AGICommandSpec(words: ["say", "phonetic"], allowedWhenDead: false,
                       usage: "Usage: SAY PHONETIC <string> <escape digits>. Says the string with phonetics; returns 0, the ASCII code of a pressed digit, or -1 on hangup.",
                       handler: { say(.phonetic, $0, $1) }),
        AGICommandSpec(words: ["set", "autohangup"], allowedWhenDead: false,
                       usage: "Usage: SET AUTOHANGUP <time>. Hangs the channel up <time> seconds in the future; 0 disables.",
                       handler: setAutohangup),
        AGICommandSpec(words: ["set", "context"], allowedWhenDead: false,
                       usage: "Usage: SET CONTEXT <desired context>. Sets the context for continuation upon exiting the application.",
                       handler: setContext),
        AGICommandSpec(words: ["set", "extension"], allowedWhenDead: false,
                       usage: "Usage: SET EXTENSION <new extension>. Changes the extension for continuation upon exiting the application.",
                       handler: setExtension),
        AGICommandSpec(words: ["set", "music"], allowedWhenDead: false,
                       usage: "Usage: SET MUSIC <on|off> <class>. Enables or disables the music on hold generator.",
                       handler: setMusic),
        AGICommandSpec(words: ["set", "priority"], allowedWhenDead: false,
                       usage: "Usage: SET PRIORITY <priority>. Changes the priority (a number or a label) for continuation upon exiting the application.",
                       handler: setPriority),
        AGICommandSpec(words: ["set", "variable"], allowedWhenDead: true,
                       usage: "Usage: SET VARIABLE <variablename> <value>. Sets a variable to the given value.",
                       handler: setVariable),
        AGICommandSpec(words: ["stream", "file"], allowedWhenDead: false,
                       usage: "Usage: STREAM FILE <filename> <escape_digits> [sample offset]. Sends the file; returns 0, the ASCII code of a pressed digit, or -1 on error or hangup, with endpos.",
                       handler: streamFile),
        AGICommandSpec(words: ["verbose"], allowedWhenDead: true,
                       usage: "Usage: VERBOSE <message> <level>. Sends the message to the console via the verbose message system.",
                       handler: verbose),
        AGICommandSpec(words: ["wait", "for", "digit"], allowedWhenDead: false,
                       usage: "Usage: WAIT FOR DIGIT <timeout>. Waits up to <timeout> milliseconds (-1 for ever) for a digit; returns its ASCII code, 0 on timeout, -1 on failure.",
                       handler: waitForDigit),
    ]

    // MARK: Handlers (argv holds every word, the command words included, as in res_agi.c)

    private static func answer(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        var res = 0
        if ctx.host.channelStatus() != 6 {
            res = ctx.host.answer()
        }
        ctx.send("200 result=\(res)")
        return AGIReply.result(res)
    }

    private static func hangup(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        switch argv.count {
        case 1:
            ctx.host.hangup()
            ctx.send("200 result=1")
        case 2:
            if ctx.isOwnChannel(argv[1]) {
                ctx.host.hangup()
                ctx.send("200 result=1")
            } else {
                ctx.send("200 result=-1")
            }
        default:
            return AGIHandlerCode.showUsage
        }
        return AGIHandlerCode.success
    }

    private static func waitForDigit(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 4, let timeout = AGINumber.scan(argv[3]) else { return AGIHandlerCode.showUsage }
        let res = AGIReply.code(ctx.host.waitForDigit(timeoutMilliseconds: timeout))
        ctx.send("200 result=\(res)")
        return AGIReply.result(res)
    }

    private static func streamFile(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 4 || argv.count == 5 else { return AGIHandlerCode.showUsage }
        var offset = 0
        if argv.count > 4 {
            guard let o = AGINumber.scan(argv[4]) else { return AGIHandlerCode.showUsage }
            offset = o
        }
        let playback = ctx.host.streamFile(argv[2], escapeDigits: argv[3], offset: offset)
        if playback.failed {
            ctx.send("200 result=-1 endpos=\(offset)")
            return AGIHandlerCode.failure
        }
        let res = playback.hungUp ? -1 : playback.digit.map(AGIReply.code) ?? 0
        ctx.send("200 result=\(res) endpos=\(playback.endPosition)")
        return AGIReply.result(res)
    }

    private static func getOption(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 4 || argv.count == 5 else { return AGIHandlerCode.showUsage }
        let escape = argv[3]
        let timeout = argv.count == 5 ? AGINumber.atoi(argv[4]) : defaultDigitTimeoutMilliseconds
        let playback = ctx.host.streamFile(argv[2], escapeDigits: escape, offset: 0)
        if playback.failed {
            ctx.send("200 result=-1 endpos=0")
            return AGIHandlerCode.failure
        }
        var res = playback.hungUp ? -1 : playback.digit.map(AGIReply.code) ?? 0
        if res == 0 {
            // No key during the prompt: wait for one; only an escape digit counts (strchr(edigits, res)).
            let waited = AGIReply.code(ctx.host.waitForDigit(timeoutMilliseconds: timeout))
            let allowed = escape.unicodeScalars.contains { Int($0.value) == waited }
            res = (waited > 0 && allowed) ? waited : 0
        }
        ctx.send("200 result=\(res) endpos=\(playback.endPosition)")
        return AGIReply.result(res)
    }

    private static func say(_ kind: AGISayKind, _ ctx: AGICommandContext, _ argv: [String]) -> Int {
        let text: String
        switch kind {
        case .number:
            guard argv.count == 4 || argv.count == 5, let n = AGINumber.scan(argv[2]) else {
                return AGIHandlerCode.showUsage
            }
            text = String(n)
        case .digits:
            guard argv.count == 4, AGINumber.scan(argv[2]) != nil else { return AGIHandlerCode.showUsage }
            text = argv[2]
        case .alpha, .phonetic:
            guard argv.count == 4 else { return AGIHandlerCode.showUsage }
            text = argv[2]
        }
        let res = AGIReply.code(ctx.host.say(kind, text, escapeDigits: argv[3]))
        ctx.send("200 result=\(res)")
        return AGIReply.result(res)
    }

    private static func getData(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count >= 3 else { return AGIHandlerCode.showUsage }
        let timeout = argv.count >= 4 ? AGINumber.atoi(argv[3]) : nil
        let maxDigits = argv.count >= 5 ? AGINumber.atoi(argv[4]) : nil
        let data = ctx.host.getData(file: argv[2], timeoutMilliseconds: timeout, maxDigits: maxDigits)
        if data.hungUp {
            ctx.send("200 result=-1")
        } else if data.timedOut {
            ctx.send("200 result=\(AGIReply.clean(data.digits)) (timeout)")
        } else {
            ctx.send("200 result=\(AGIReply.clean(data.digits))")
        }
        return AGIHandlerCode.success
    }

    private static func setContext(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 3 else { return AGIHandlerCode.showUsage }
        ctx.host.setContext(argv[2])
        ctx.send("200 result=0")
        return AGIHandlerCode.success
    }

    private static func setExtension(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 3 else { return AGIHandlerCode.showUsage }
        ctx.host.setExtension(argv[2])
        ctx.send("200 result=0")
        return AGIHandlerCode.success
    }

    private static func setPriority(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 3 else { return AGIHandlerCode.showUsage }
        if let n = AGINumber.scan(argv[2]) {
            _ = ctx.host.setPriority(String(n))
        } else if !ctx.host.setPriority(argv[2]) {
            return AGIHandlerCode.showUsage // unknown label: ast_findlabel_extension < 1
        }
        ctx.send("200 result=0")
        return AGIHandlerCode.success
    }

    private static func recordFile(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        let argc = argv.count
        guard argc >= 6, let ms = AGINumber.scan(argv[5]) else { return AGIHandlerCode.showUsage }
        // The first of argv[6...8] holding an 's' is the silence argument; it counts only as "s=<n>".
        var silence: Int?
        for i in 6..<min(9, max(6, argc)) {
            if let idx = argv[i].firstIndex(of: "s") {
                let s = argv[i][idx...]
                if s.utf8.count > 2, s.hasPrefix("s=") {
                    let v = AGINumber.atoi(String(s.dropFirst(2)))
                    if v > 0 { silence = v }
                }
                break
            }
        }
        // argv[6]: an offset when numeric, else (without '=') a beep request; argv[7] without '=' also beeps.
        var beep = false
        if argc > 6, AGINumber.scan(argv[6]) == nil, !argv[6].contains("=") { beep = true }
        if argc > 7, !argv[7].contains("=") { beep = true }
        let rec = ctx.host.recordFile(argv[2], format: argv[3], escapeDigits: argv[4], timeoutMilliseconds: ms,
                                      beep: beep, silenceSeconds: silence)
        if rec.failed {
            ctx.send("200 result=-1 (writefile)")
            return AGIHandlerCode.failure
        }
        if rec.hungUp {
            ctx.send("200 result=-1 (hangup) endpos=\(rec.endPosition)")
            return AGIHandlerCode.failure
        }
        if let d = rec.digit {
            ctx.send("200 result=\(AGIReply.code(d)) (dtmf) endpos=\(rec.endPosition)")
            return AGIHandlerCode.success
        }
        ctx.send("200 result=0 (timeout) endpos=\(rec.endPosition)")
        return AGIHandlerCode.success
    }

    private static func setAutohangup(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 3, AGINumber.scanDouble(argv[2]) != nil else { return AGIHandlerCode.showUsage }
        ctx.send("200 result=0")
        return AGIHandlerCode.success
    }

    private static func setMusic(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count >= 3 else { return AGIHandlerCode.showUsage }
        ctx.send("200 result=0")
        return AGIHandlerCode.success
    }

    private static func exec(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count >= 2 else { return AGIHandlerCode.showUsage }
        let app = argv[1]
        let options = argv.count >= 3 ? argv[2] : ""
        let res: Int
        if !ctx.options.allowDangerous && ctx.options.dangerousApplications.contains(app.lowercased()) {
            res = -2
        } else {
            res = ctx.host.execute(application: app, arguments: options)
        }
        ctx.send("200 result=\(res)")
        return res
    }

    private static func channelStatus(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        switch argv.count {
        case 2:
            ctx.send("200 result=\(ctx.host.channelStatus())")
        case 3:
            if ctx.isOwnChannel(argv[2]) {
                ctx.send("200 result=\(ctx.host.channelStatus())")
            } else {
                ctx.send("200 result=-1")
            }
        default:
            return AGIHandlerCode.showUsage
        }
        return AGIHandlerCode.success
    }

    private static func setVariable(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 4 else { return AGIHandlerCode.showUsage }
        if !ctx.touchesForbiddenFunction(argv[2]) {
            ctx.host.setVariable(argv[2], to: argv[3])
        }
        ctx.send("200 result=1")
        return AGIHandlerCode.success
    }

    private static func getVariable(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 3 else { return AGIHandlerCode.showUsage }
        if !ctx.touchesForbiddenFunction(argv[2]), let value = ctx.host.variable(named: argv[2]) {
            ctx.send("200 result=1 (\(AGIReply.clean(value)))")
        } else {
            ctx.send("200 result=0")
        }
        return AGIHandlerCode.success
    }

    private static func getFullVariable(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 4 || argv.count == 5 else { return AGIHandlerCode.showUsage }
        if argv.count == 5 && !ctx.isOwnChannel(argv[4]) {
            ctx.send("200 result=0")
            return AGIHandlerCode.success
        }
        if ctx.touchesForbiddenFunction(argv[3]) {
            ctx.send("200 result=0")
            return AGIHandlerCode.success
        }
        ctx.send("200 result=1 (\(AGIReply.clean(ctx.host.substitute(argv[3]))))")
        return AGIHandlerCode.success
    }

    private static func verbose(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count >= 2 else { return AGIHandlerCode.showUsage }
        let level = argv.count > 2 ? AGINumber.scan(argv[2]) ?? 0 : 0
        ctx.host.verbose(argv[1], level: level)
        ctx.send("200 result=1")
        return AGIHandlerCode.success
    }

    private static func noop(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        ctx.send("200 result=0")
        return AGIHandlerCode.success
    }

    private static func databaseGet(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 4 else { return AGIHandlerCode.showUsage }
        if let value = ctx.host.databaseGet(family: argv[2], key: argv[3]) {
            ctx.send("200 result=1 (\(AGIReply.clean(value)))")
        } else {
            ctx.send("200 result=0")
        }
        return AGIHandlerCode.success
    }

    private static func databasePut(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 5 else { return AGIHandlerCode.showUsage }
        let ok = ctx.host.databasePut(family: argv[2], key: argv[3], value: argv[4])
        ctx.send(ok ? "200 result=1" : "200 result=0")
        return AGIHandlerCode.success
    }

    private static func databaseDel(_ ctx: AGICommandContext, _ argv: [String]) -> Int {
        guard argv.count == 4 else { return AGIHandlerCode.showUsage }
        let ok = ctx.host.databaseDelete(family: argv[2], key: argv[3])
        ctx.send(ok ? "200 result=1" : "200 result=0")
        return AGIHandlerCode.success
    }
}
