import Dialplan
import Foundation

/// `ivr show FILE EXTEN@CONTEXT`: which extension a lookup picks, as Asterisk's `dialplan show`.
enum ShowCommand: Subcommand {
    static let name = "show"
    static let summary = "show which extension a lookup for EXTEN@CONTEXT picks"
    static let help = """
    usage: ivr show [--callerid NUMBER] [--at ISO8601] [--tz ZONE] FILE EXTEN@CONTEXT

    Looks EXTEN up in CONTEXT at priority 1 as Asterisk does: literal extensions before patterns, the most
    specific pattern first, the context's own extensions before its includes (timed includes only when active),
    caller-ID matched extensions for the given caller.

    Prints the extension exactly as written and the context it was found in (which can be an included one),
    separated by a tab, then its priorities, one a line:

      _NXXXXXX\tlocal
        1. Answer()  [extensions.conf:12]
        2. [menu] Background(main-menu)  [extensions.conf:13]

    options:
      --callerid NUMBER  the caller's number, for extensions written as 'exten => 123/5551234,...'
      --at ISO8601       the time of the lookup, for timed includes (default: now)
      --tz ZONE          the time zone for timed includes (default: the system's)
      -h, --help         show this help

    exit status: 0 found, 1 nothing matches or the dialplan has errors, 2 bad usage

    """
    static let options: [String: ArgumentScanner.Kind] = ["--callerid": .value, "--at": .value, "--tz": .value]

    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus {
        guard arguments.positionals.count == 2 else {
            return usageError("expected a dialplan file and EXTEN@CONTEXT", io: io)
        }
        let file = arguments.positionals[0]
        let target = arguments.positionals[1]
        guard let at = target.lastIndex(of: "@"), at != target.startIndex, target.index(after: at) != target.endIndex else {
            return usageError("'\(target)' is not of the form EXTEN@CONTEXT", io: io)
        }
        let exten = String(target[..<at])
        let contextName = String(target[target.index(after: at)...])
        let clock: ClockOptions
        switch ClockOptions.parse(at: arguments.value("--at"), zone: arguments.value("--tz")) {
        case .success(let parsed): clock = parsed
        case .failure(let problem): return usageError(problem.message, io: io)
        }
        let result = DialplanLoader(linter: nil).load(path: file)
        if result.hasErrors {
            io.err(result.renderer.render(result.diagnostics.filter { $0.severity == .error }))
            return .failure
        }
        guard result.dialplan[context: contextName] != nil else {
            io.err("ivr show: context '\(contextName)' is not defined in \(file)\n")
            return .failure
        }
        guard let match = result.dialplan.findExtension(exten, in: contextName, priority: .number(1),
                                                        callerID: arguments.value("--callerid"), mode: .match,
                                                        now: clock.epoch, timeZone: clock.timeZone) else {
            io.err("ivr show: no extension matches '\(exten)' in context '\(contextName)'\n")
            return .failure
        }
        var text = "\(match.extension.displayName)\t\(match.context)\n"
        for priority in match.extension.priorities {
            let label = priority.label.map { "[\($0)] " } ?? ""
            let file = (priority.location.file as NSString).lastPathComponent
            text += "  \(priority.number). \(label)\(priority.applicationCall)  [\(file):\(priority.location.line)]\n"
        }
        io.out(text)
        return .success
    }
}
