import Testing
@testable import Engine

/// Reply formats checked against the `ast_agi_send` formats of the `handle_*` functions in res_agi.c.
@Suite("AGI command replies")
struct AGICommandHandlerTests {
    private func run(_ line: String, _ host: RecordingAGIHost = RecordingAGIHost(),
                     options: AGIOptions = AGIOptions(), dead: Bool = false) -> ([String], AGICommandResult) {
        let context = AGICommandContext(host: host, options: options)
        let result = AGICommandHandler.handle(line: line, context: context, dead: dead)
        return (context.lines, result)
    }

    private func reply(_ line: String, _ host: RecordingAGIHost = RecordingAGIHost(),
                       options: AGIOptions = AGIOptions(), dead: Bool = false) -> [String] {
        run(line, host, options: options, dead: dead).0
    }

    // MARK: 510 / 511 / 520

    @Test("unknown, incomplete and empty commands answer 510")
    func invalid() {
        #expect(reply("FOO BAR") == ["510 Invalid or unknown command"])
        #expect(reply("GET") == ["510 Invalid or unknown command"])
        #expect(reply("") == ["510 Invalid or unknown command"])
        #expect(reply("SAY DATE 0 \"\"") == ["510 Invalid or unknown command"])
    }

    @Test("on a dead channel only dead-capable commands run; others answer 511")
    func deadChannel() {
        let host = RecordingAGIHost()
        host.hungUp = true
        #expect(reply("STREAM FILE x \"\"", host, dead: true) == ["511 Command Not Permitted on a dead channel or intercept routine"])
        #expect(reply("ANSWER", host, dead: true) == ["511 Command Not Permitted on a dead channel or intercept routine"])
        #expect(reply("CHANNEL STATUS", host, dead: true) == ["511 Command Not Permitted on a dead channel or intercept routine"])
        #expect(!host.calls.contains { $0.hasPrefix("streamFile") })
        #expect(reply("NOOP", host, dead: true) == ["200 result=0"])
        #expect(reply("SET VARIABLE A b", host, dead: true) == ["200 result=1"])
        #expect(reply("GET VARIABLE A", host, dead: true) == ["200 result=1 (b)"])
        #expect(reply("VERBOSE hi 1", host, dead: true) == ["200 result=1"])
        #expect(reply("DATABASE PUT f k v", host, dead: true) == ["200 result=1"])
        #expect(reply("EXEC Wait 1", host, dead: true) == ["200 result=0"])
    }

    @Test("wrong argument counts answer the 520 usage form")
    func usage() {
        let lines = reply("WAIT FOR DIGIT")
        #expect(lines.count == 2)
        #expect(lines[0] == "520-Invalid command syntax.  Proper usage follows:")
        #expect(lines[1].hasPrefix("Usage: WAIT FOR DIGIT"))
        #expect(lines[1].hasSuffix("520 End of proper usage."))
        #expect(reply("WAIT FOR DIGIT abc").first == "520-Invalid command syntax.  Proper usage follows:")
        #expect(reply("STREAM FILE onlyname").first == "520-Invalid command syntax.  Proper usage follows:")
        #expect(reply("STREAM FILE a b 10 extra").first == "520-Invalid command syntax.  Proper usage follows:")
    }

    @Test("without usage text the one-line 520 form is sent")
    func usageNotAvailable() {
        let options = AGIOptions(sendUsage: false)
        #expect(reply("DATABASE GET onlyfamily", options: options) == ["520 Invalid command syntax.  Proper usage not available."])
    }

    // MARK: Channel commands

    @Test("ANSWER answers a ringing channel and reports its result")
    func answer() {
        let host = RecordingAGIHost()
        #expect(reply("ANSWER", host) == ["200 result=0"])
        #expect(host.calls.contains("answer"))
        let up = RecordingAGIHost()
        up.state = 6
        #expect(reply("answer", up) == ["200 result=0"])
        #expect(!up.calls.contains("answer"))
        let failing = RecordingAGIHost()
        failing.answerResult = -1
        let (lines, result) = run("ANSWER", failing)
        #expect(lines == ["200 result=-1"])
        #expect(result == .failure)
    }

    @Test("HANGUP hangs up this channel; another name answers -1")
    func hangup() {
        let host = RecordingAGIHost()
        #expect(reply("HANGUP", host) == ["200 result=1"])
        #expect(host.hungUp)
        let other = RecordingAGIHost()
        #expect(reply("HANGUP SIP/999-1", other) == ["200 result=-1"])
        #expect(!other.hungUp)
        let named = RecordingAGIHost()
        #expect(reply("HANGUP sip/100-00000001", named) == ["200 result=1"])
        #expect(reply("HANGUP a b").first?.hasPrefix("520") == true)
    }

    @Test("CHANNEL STATUS reports the state number")
    func channelStatus() {
        let host = RecordingAGIHost()
        host.state = 6
        #expect(reply("CHANNEL STATUS", host) == ["200 result=6"])
        #expect(reply("CHANNEL STATUS SIP/100-00000001", host) == ["200 result=6"])
        #expect(reply("CHANNEL STATUS SIP/other", host) == ["200 result=-1"])
    }

    // MARK: Playback and digits

    @Test("STREAM FILE: digit as ASCII code with endpos")
    func streamFileDigit() {
        let host = RecordingAGIHost()
        host.playbacks = [AGIPlayback(digit: "1", endPosition: 4000)]
        #expect(reply(#"STREAM FILE hello "12""#, host) == ["200 result=49 endpos=4000"])
        #expect(host.calls.last == "streamFile hello [12] 0")
    }

    @Test("STREAM FILE: played out, offset passed, missing file, hangup")
    func streamFileOutcomes() {
        let host = RecordingAGIHost()
        host.playbacks = [AGIPlayback(endPosition: 12345), AGIPlayback(failed: true), AGIPlayback(endPosition: 99, hungUp: true)]
        #expect(reply("STREAM FILE hello \"\" 800", host) == ["200 result=0 endpos=12345"])
        #expect(host.calls.last == "streamFile hello [] 800")
        let (missing, result) = run("STREAM FILE nothere 0 160", host)
        #expect(missing == ["200 result=-1 endpos=160"])
        #expect(result == .failure)
        #expect(reply("STREAM FILE x #", host) == ["200 result=-1 endpos=99"])
        #expect(reply("STREAM FILE x # notanumber").first?.hasPrefix("520") == true)
    }

    @Test("GET OPTION waits for an escape digit after the prompt")
    func getOption() {
        let host = RecordingAGIHost()
        host.playbacks = [AGIPlayback(endPosition: 8000)]
        host.digits = [.digit("2")]
        #expect(reply("GET OPTION menu 123 2000", host) == ["200 result=50 endpos=8000"])
        #expect(host.calls.suffix(2) == ["streamFile menu [123] 0", "waitForDigit 2000"])

        let other = RecordingAGIHost()
        other.digits = [.digit("9")]
        #expect(reply("GET OPTION menu 123", other) == ["200 result=0 endpos=8000"])
        #expect(other.calls.last == "waitForDigit 5000")

        let pressed = RecordingAGIHost()
        pressed.playbacks = [AGIPlayback(digit: "#", endPosition: 10)]
        #expect(reply("GET OPTION menu #", pressed) == ["200 result=35 endpos=10"])
        #expect(!pressed.calls.contains { $0.hasPrefix("waitForDigit") })
    }

    @Test("WAIT FOR DIGIT: ASCII code, 0 on timeout, -1 on hangup")
    func waitForDigit() {
        let host = RecordingAGIHost()
        host.digits = [.digit("*"), .timeout, .hangup]
        #expect(reply("WAIT FOR DIGIT 3000", host) == ["200 result=42"])
        #expect(host.calls.last == "waitForDigit 3000")
        #expect(reply("WAIT FOR DIGIT -1", host) == ["200 result=0"])
        #expect(host.calls.last == "waitForDigit -1")
        let (lines, result) = run("WAIT FOR DIGIT 10", host)
        #expect(lines == ["200 result=-1"])
        #expect(result == .failure)
    }

    @Test("GET DATA: digits, timeout marker, hangup")
    func getData() {
        let host = RecordingAGIHost()
        host.dataResults = [AGIDigits(digits: "1234"), AGIDigits(digits: "12", timedOut: true),
                            AGIDigits(digits: "", timedOut: true), AGIDigits(digits: "", hungUp: true)]
        #expect(reply("GET DATA enter-number 3000 4", host) == ["200 result=1234"])
        #expect(host.calls.last == "getData enter-number 3000 4")
        #expect(reply("GET DATA enter-number", host) == ["200 result=12 (timeout)"])
        #expect(host.calls.last == "getData enter-number nil nil")
        #expect(reply("GET DATA x 100", host) == ["200 result= (timeout)"])
        let (lines, result) = run("GET DATA x", host)
        #expect(lines == ["200 result=-1"])
        #expect(result == .success) // handle_getdata always returns RESULT_SUCCESS
        #expect(reply("GET DATA").first?.hasPrefix("520") == true)
    }

    @Test("SAY DIGITS / NUMBER / ALPHA / PHONETIC")
    func say() {
        let host = RecordingAGIHost()
        host.digits = [.timeout, .digit("5"), .timeout, .hangup]
        #expect(reply("SAY DIGITS 123 \"\"", host) == ["200 result=0"])
        #expect(host.calls.last == "say digits 123 []")
        #expect(reply("SAY NUMBER 0042 #5 f", host) == ["200 result=53"])
        #expect(host.calls.last == "say number 42 [#5]")
        #expect(reply("SAY ALPHA abc1 #", host) == ["200 result=0"])
        #expect(host.calls.last == "say alpha abc1 [#]")
        #expect(reply("SAY PHONETIC xyz #", host) == ["200 result=-1"])
        #expect(reply("SAY DIGITS abc #").first?.hasPrefix("520") == true)
        #expect(reply("SAY NUMBER x #").first?.hasPrefix("520") == true)
        #expect(reply("SAY ALPHA abc").first?.hasPrefix("520") == true)
    }

    @Test("RECORD FILE: dtmf, timeout, hangup, write failure, beep and silence arguments")
    func recordFile() {
        let host = RecordingAGIHost()
        host.recordings = [AGIRecording(digit: "#", endPosition: 8000), AGIRecording(endPosition: 16000),
                           AGIRecording(endPosition: 5, hungUp: true), AGIRecording(failed: true)]
        #expect(reply("RECORD FILE msg wav # 5000", host) == ["200 result=35 (dtmf) endpos=8000"])
        #expect(host.calls.last == "recordFile msg.wav [#] 5000 beep=false silence=nil")
        #expect(reply("RECORD FILE msg wav # -1 BEEP s=3", host) == ["200 result=0 (timeout) endpos=16000"])
        #expect(host.calls.last == "recordFile msg.wav [#] -1 beep=true silence=3")
        #expect(reply("RECORD FILE msg wav # 1000 0 BEEP", host) == ["200 result=-1 (hangup) endpos=5"])
        #expect(host.calls.last == "recordFile msg.wav [#] 1000 beep=true silence=nil")
        #expect(reply("RECORD FILE msg wav # 1000 0", host) == ["200 result=-1 (writefile)"])
        #expect(host.calls.last == "recordFile msg.wav [#] 1000 beep=false silence=nil")
        #expect(reply("RECORD FILE msg wav #").first?.hasPrefix("520") == true)
        #expect(reply("RECORD FILE msg wav # soon").first?.hasPrefix("520") == true)
    }

    // MARK: Variables, database, dialplan

    @Test("SET VARIABLE / GET VARIABLE / GET FULL VARIABLE")
    func variables() {
        let host = RecordingAGIHost()
        #expect(reply(#"SET VARIABLE GREETING "hello world""#, host) == ["200 result=1"])
        #expect(host.variables["GREETING"] == "hello world")
        #expect(reply("GET VARIABLE GREETING", host) == ["200 result=1 (hello world)"])
        #expect(reply("GET VARIABLE MISSING", host) == ["200 result=0"])
        #expect(reply("GET VARIABLE CALLERID(num)", host) == ["200 result=1 (100)"])
        #expect(reply("GET FULL VARIABLE ${GREETING}!", host) == ["200 result=1 (hello world!)"])
        #expect(reply("GET FULL VARIABLE ${GREETING} SIP/100-00000001", host) == ["200 result=1 (hello world)"])
        #expect(reply("GET FULL VARIABLE ${GREETING} SIP/nobody", host) == ["200 result=0"])
        #expect(reply("SET VARIABLE ONLYNAME", host).first?.hasPrefix("520") == true)
        #expect(reply("GET VARIABLE", host).first?.hasPrefix("520") == true)
    }

    @Test("values with newlines cannot break the reply line")
    func newlineInValue() {
        let host = RecordingAGIHost()
        host.variables["EVIL"] = "a\n200 result=1"
        #expect(reply("GET VARIABLE EVIL", host) == ["200 result=1 (a 200 result=1)"])
    }

    @Test("DATABASE GET / PUT / DEL")
    func database() {
        let host = RecordingAGIHost()
        #expect(reply("DATABASE GET cid 100", host) == ["200 result=0"])
        #expect(reply(#"DATABASE PUT cid 100 "Alice A""#, host) == ["200 result=1"])
        #expect(reply("DATABASE GET cid 100", host) == ["200 result=1 (Alice A)"])
        #expect(reply("DATABASE DEL cid 100", host) == ["200 result=1"])
        #expect(reply("DATABASE DEL cid 100", host) == ["200 result=0"])
        host.databaseWritable = false
        #expect(reply("DATABASE PUT cid 1 x", host) == ["200 result=0"])
        #expect(reply("DATABASE PUT cid 1", host).first?.hasPrefix("520") == true)
    }

    @Test("SET CONTEXT / EXTENSION / PRIORITY")
    func dialplanPosition() {
        let host = RecordingAGIHost()
        #expect(reply("SET CONTEXT sales", host) == ["200 result=0"])
        #expect(reply("SET EXTENSION 200", host) == ["200 result=0"])
        #expect(reply("SET PRIORITY 3", host) == ["200 result=0"])
        #expect(reply("SET PRIORITY start", host) == ["200 result=0"])
        #expect((host.context, host.exten, host.priority) == ("sales", "200", "start"))
        #expect(reply("SET PRIORITY nolabel", host).first?.hasPrefix("520") == true)
        #expect(reply("SET CONTEXT", host).first?.hasPrefix("520") == true)
    }

    @Test("EXEC returns the application's result; unknown applications -2")
    func exec() {
        let host = RecordingAGIHost()
        #expect(reply("EXEC Playback hello-world", host) == ["200 result=0"])
        #expect(host.calls.last == "execute Playback(hello-world)")
        #expect(reply("EXEC Wait", host) == ["200 result=0"])
        #expect(host.calls.last == "execute Wait()")
        #expect(reply(#"EXEC Dial "SIP/200,20""#, host) == ["200 result=-2"])
        #expect(reply("EXEC").first?.hasPrefix("520") == true)
    }

    @Test("EXEC passes the application's return value through as res_agi does (2 is RESULT_FAILURE)")
    func execRawResult() {
        let host = RecordingAGIHost()
        host.execResults["Odd"] = 2
        let (lines, result) = run("EXEC Odd x", host)
        #expect(lines == ["200 result=2"])
        #expect(result == .failure)
    }

    @Test("dangerous applications and functions are refused unless allowed")
    func dangerous() {
        let host = RecordingAGIHost()
        host.execResults["System"] = 0
        host.variables["SHELL(id)"] = "uid=0"
        #expect(reply("EXEC System \"rm -rf /\"", host) == ["200 result=-2"])
        #expect(!host.calls.contains { $0.hasPrefix("execute") })
        #expect(reply("GET VARIABLE SHELL(id)", host) == ["200 result=0"])
        #expect(reply("GET FULL VARIABLE ${shell(id)}", host) == ["200 result=0"])
        #expect(reply("SET VARIABLE FILE(/tmp/x) y", host) == ["200 result=1"])
        #expect(host.variables["FILE(/tmp/x)"] == nil)

        let allowed = AGIOptions(allowDangerous: true)
        #expect(reply("EXEC System true", host, options: allowed) == ["200 result=0"])
        #expect(host.calls.last == "execute System(true)")
        #expect(reply("GET VARIABLE SHELL(id)", host, options: allowed) == ["200 result=1 (uid=0)"])
    }

    @Test("VERBOSE, NOOP, SET MUSIC, SET AUTOHANGUP")
    func misc() {
        let host = RecordingAGIHost()
        #expect(reply(#"VERBOSE "hello there" 3"#, host) == ["200 result=1"])
        #expect(host.calls.last == "verbose 3 hello there")
        #expect(reply("VERBOSE x", host) == ["200 result=1"])
        #expect(host.calls.last == "verbose 0 x")
        #expect(reply("NOOP anything goes", host) == ["200 result=0"])
        #expect(reply("SET MUSIC on default", host) == ["200 result=0"])
        #expect(reply("SET MUSIC off", host) == ["200 result=0"])
        #expect(reply("SET AUTOHANGUP 30", host) == ["200 result=0"])
        #expect(reply("SET AUTOHANGUP soon", host).first?.hasPrefix("520") == true)
        #expect(reply("SET MUSIC", host).first?.hasPrefix("520") == true)
    }
}
