#if canImport(Glibc)
import Glibc
#endif

/// Runs one AGI session: a local program over stdin/stdout, or FastAGI over TCP, as `AGI(command,args)` does.
public enum AGIRunner {
    /// Runs `command` (a program path, relative to `options.agiDirectory` unless absolute, or
    /// `agi://host[:port]/script[?args]`) with `arguments` (`agi_arg_1`...) against `host`, and returns what
    /// Asterisk would put in `AGISTATUS`. Blocks the calling thread until the session ends; every wait is bounded by
    /// `options`. The caller sets `AGISTATUS` (and, for `.hangup`, stops the dialplan as `AGI()` returning -1 does).
    public static func run(_ command: String, arguments: [String], host: any AGIHost,
                           options: AGIOptions = AGIOptions()) -> AGIStatus {
        AGISession(command: command, arguments: arguments, host: host, options: options).run()
    }
}

/// One conversation, following `agi_exec_full` / `launch_script` / `run_agi` in `res_agi.c`.
final class AGISession {
    /// `run_agi`'s return status before the exit code is taken into account.
    enum Outcome: Equatable {
        case success, failure, hangup
    }

    let command: String
    let arguments: [String]
    let host: any AGIHost
    let options: AGIOptions
    let sessionDeadline: UInt64

    private var stream: AGIStream?
    private var child: AGIChildProcess?
    private var isFast = false
    /// `AGISIGHUP` is not false: the script learns of a hangup (SIGHUP, or `HANGUP` for FastAGI).
    private var sendSighup = true

    init(command: String, arguments: [String], host: any AGIHost, options: AGIOptions) {
        self.command = command
        self.arguments = arguments
        self.host = host
        self.options = options
        self.sessionDeadline = AGIClock.deadline(after: options.sessionLimit)
    }

    func run() -> AGIStatus {
        if command.isEmpty { return .failure } // "AGI requires an argument (script)"
        if let early = launch() { return early }
        guard let stream else { return .failure }
        defer { stream.close() }

        var preamble: [String] = []
        if isFast, let target = FastAGITarget(url: command) {
            preamble.append("agi_network: yes")
            if !target.script.isEmpty {
                preamble.append("agi_network_script: \(AGIReply.clean(target.script))")
            }
        }
        sendSighup = !Self.isFalse(host.variable(named: "AGISIGHUP"))
        let (outcome, abnormal) = converse(stream: stream, preamble: preamble)
        if isFast && sendSighup {
            _ = send(["HANGUP"], on: stream, within: .milliseconds(500)) // run_agi's "Notify process"
        }
        stream.close()
        return finish(outcome: outcome, abnormal: abnormal)
    }

    // MARK: Launch (launch_script / launch_netscript)

    /// Sets up the stream; returns a status when the session cannot start.
    private func launch() -> AGIStatus? {
        let lower = command.lowercased()
        if lower.hasPrefix("agi:async") {
            return .failure // Async AGI (AMI-driven) is not supported
        }
        if lower.hasPrefix("agi://") || lower.hasPrefix("hagi://") {
            guard let target = FastAGITarget(url: command) else { return .failure }
            if lower.hasPrefix("hagi://") && !target.explicitPort {
                return .failure // SRV look-ups are not supported; hagi:// with a port is plain agi://
            }
            guard let fd = FastAGIConnector.connect(target, timeout: options.connectTimeout) else {
                return .failure // "Couldn't connect to any host.  FastAGI failed."
            }
            isFast = true
            stream = AGIStream(readFD: fd, writeFD: fd, isSocket: true, maxLineLength: options.maxLineLength)
            return nil
        }

        let path: String
        if command.hasPrefix("/") {
            path = command
        } else {
            let dir = options.agiDirectory.hasSuffix("/") ? String(options.agiDirectory.dropLast()) : options.agiDirectory
            path = dir + "/" + command
        }
        var st = stat()
        if stat(path, &st) != 0 {
            return .notFound // "Failed to execute '%s': File does not exist."
        }
        switch AGIChildProcess.spawn(path: path, argv: [command] + arguments,
                                     environment: AGIChildProcess.scriptEnvironment(options: options)) {
        case .failure:
            // execv failing (not executable, bad interpreter...) makes Asterisk's child print "failure": FAILURE.
            return .failure
        case .success(let process):
            child = process
            stream = AGIStream(readFD: process.stdoutRead, writeFD: process.stdinWrite, isSocket: false,
                               maxLineLength: options.maxLineLength)
            return nil
        }
    }

    // MARK: The conversation (setup_env + run_agi)

    private func environmentLines() -> [String] {
        var lines: [String] = []
        let env = host.environment
        if !env.contains(where: { $0.key == "agi_request" }) {
            lines.append("agi_request: \(AGIReply.clean(command))")
        }
        for (key, value) in env {
            lines.append("\(AGIReply.clean(key)): \(AGIReply.clean(value))")
        }
        for (i, arg) in arguments.enumerated() {
            lines.append("agi_arg_\(i + 1): \(AGIReply.clean(arg))")
        }
        lines.append("")
        return lines
    }

    private enum SendResult { case ok, timeout }

    private func send(_ lines: [String], on stream: AGIStream, within limit: Duration? = nil) -> SendResult {
        for line in lines {
            host.logAGI(line, sent: true)
            let deadline = min(AGIClock.deadline(after: limit ?? options.readTimeout), sessionDeadline)
            if stream.write(Array((line + "\n").utf8), deadline: deadline) == .timeout {
                return .timeout
            }
        }
        return .ok
    }

    /// Returns run_agi's status and whether the session was cut short by us (timeouts, runaway output).
    private func converse(stream: AGIStream, preamble: [String]) -> (Outcome, Bool) {
        let exitOnHangup = Self.isTrue(host.variable(named: "AGIEXITONHANGUP"))
        var dead = host.isHungUp
        var needHup = false
        var outcome = Outcome.success

        // Write errors while sending the environment are ignored, as ast_agi_send's are: a script that exits
        // without reading it ends the session through end-of-file and its exit code.
        if send(preamble + environmentLines(), on: stream) == .timeout {
            return (.failure, true)
        }

        while true {
            if needHup {
                needHup = false
                dead = true
                if sendSighup {
                    if let child {
                        child.signal(SIGHUP)
                    } else if isFast {
                        if send(["HANGUP"], on: stream) == .timeout { return (outcome == .success ? .failure : outcome, true) }
                    }
                }
                if exitOnHangup { break }
            }
            if !dead && host.isHungUp {
                needHup = true
                if outcome == .success { outcome = .hangup }
                continue
            }
            if AGIClock.now() >= sessionDeadline {
                return (.failure, true)
            }
            let deadline = min(AGIClock.deadline(after: options.readTimeout), sessionDeadline)
            let read = stream.readLine(deadline: deadline) { [host] in !dead && host.isHungUp }
            switch read {
            case .interrupted:
                continue
            case .timeout:
                return (.failure, true)
            case .tooLong(let prefix):
                host.logAGI(String(decoding: prefix, as: UTF8.self) + "...", sent: false)
                return (.failure, true)
            case .endOfFile:
                // "Program terminated": wait for the exit code (bounded; Asterisk waits for ever).
                if let child, !child.waitForExit(options.readTimeout) {
                    return (outcome == .success ? .failure : outcome, true)
                }
                return (outcome, false)
            case .line(let bytes):
                let text = String(decoding: bytes, as: UTF8.self)
                host.logAGI(text, sent: false)
                if bytes.count >= 7,
                   String(decoding: bytes.prefix(7), as: UTF8.self).lowercased() == "failure" {
                    return (.failure, false) // the child could not exec its program
                }
                let context = AGICommandContext(host: host, options: options)
                let result = AGICommandHandler.handle(line: bytes, context: context, dead: dead)
                if send(context.lines, on: stream) == .timeout {
                    return (.failure, true)
                }
                if result == .failure && (dead || !host.isHungUp) {
                    outcome = .failure
                }
            }
        }
        return (outcome, false)
    }

    // MARK: Ending (run_agi's epilogue + agi_exec_full)

    private func finish(outcome: Outcome, abnormal: Bool) -> AGIStatus {
        if let child {
            if abnormal {
                child.terminate(grace: options.killGracePeriod)
            } else if !child.hasExited {
                if sendSighup { child.signal(SIGHUP) }
                if !child.waitForExit(options.killGracePeriod) {
                    child.terminate(grace: options.killGracePeriod)
                }
            }
        }
        switch outcome {
        case .hangup:
            return .hangup
        case .failure:
            return .failure
        case .success:
            // "If the fork'd process returns non-zero, set AGISTATUS to FAILURE"
            if let child, child.rawStatus != 0 { return .failure }
            return .success
        }
    }

    static func isTrue(_ s: String?) -> Bool {
        guard let s = s?.trimmingSpaces.lowercased() else { return false }
        return ["yes", "true", "y", "t", "1", "on"].contains(s)
    }

    static func isFalse(_ s: String?) -> Bool {
        guard let s = s?.trimmingSpaces.lowercased() else { return false }
        return ["no", "false", "n", "f", "0", "off"].contains(s)
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
