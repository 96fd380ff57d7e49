import Dialplan
import Foundation

/// `ivr eval TEXT`: substitute variables, functions and expressions as a priority's arguments would be.
enum EvalCommand: Subcommand {
    static let name = "eval"
    static let summary = "substitute ${...} and $[...] in TEXT and print the result"
    static let help = """
    usage: ivr eval [--set NAME=VALUE]... [--global NAME=VALUE]... [--context C] [--exten E] [--priority N]
                    [--now ISO8601] [--tz ZONE] [--seed N] TEXT

    Substitutes ${VAR}, ${VAR:offset:length}, ${FUNCTION(args)} and $[expression] in TEXT exactly as the
    arguments of a dialplan priority are substituted, and prints the result alone on standard output.
    Warnings (a bad expression, an unknown function) go to standard error; the result is still printed,
    as Asterisk goes on with the call.

    examples:
      ivr eval '$[1 + 2 * 3]'                                  → 7
      ivr eval --set A=4 '$[${A} + 1 > 5]'                     → 0
      ivr eval --set 'CALLERID(num)=5551234' '${CALLERID(num):0:3}'  → 555
      ivr eval --now 2026-11-23T10:00:00Z --tz UTC '${IFTIME(09:00-17:00,mon-fri,*,*?open:closed)}'

    options:
      --set NAME=VALUE     a channel variable; NAME(args)=VALUE writes a function (CALLERID(num)=...)
      --global NAME=VALUE  a global variable
      --context C          ${CONTEXT} (default: default)
      --exten E            ${EXTEN} (default: s)
      --priority N         ${PRIORITY} (default: 1)
      --now ISO8601        the clock for IFTIME, STRFTIME, ${EPOCH} (default: now)
      --tz ZONE            the default time zone (IANA name; default: the system's)
      --seed N             seed for RAND (default: 1)
      -h, --help           show this help

    exit status: 0 printed, 2 bad usage

    """
    static let options: [String: ArgumentScanner.Kind] = [
        "--set": .value, "--global": .value, "--context": .value, "--exten": .value, "--priority": .value,
        "--now": .value, "--tz": .value, "--seed": .value,
    ]

    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus {
        guard !arguments.positionals.isEmpty else { return usageError("no TEXT to evaluate", io: io) }
        let clock: ClockOptions
        switch ClockOptions.parse(at: arguments.value("--now"), zone: arguments.value("--tz")) {
        case .success(let parsed): clock = parsed
        case .failure(let problem): return usageError(problem.message, io: io)
        }
        var priority = 1
        if let text = arguments.value("--priority") {
            guard let value = Int(text), value >= 1 else {
                return usageError("--priority needs a whole number of 1 or more, not '\(text)'", io: io)
            }
            priority = value
        }
        var seed: UInt64 = 1
        if let text = arguments.value("--seed") {
            guard let value = UInt64(text) else { return usageError("--seed needs a whole number, not '\(text)'", io: io) }
            seed = value
        }
        var globals: [String: String] = [:]
        for assignment in arguments.values("--global") {
            guard let (name, value) = split(assignment) else {
                return usageError("--global needs NAME=VALUE, not '\(assignment)'", io: io)
            }
            globals[name] = value
        }
        let context = StandaloneContext(globals: globals, now: clock.epoch, timeZone: clock.timeZone, seed: seed,
                                        location: (arguments.value("--context") ?? "default",
                                                   arguments.value("--exten") ?? "s", priority))
        for assignment in arguments.values("--set") {
            guard let (name, value) = split(assignment) else {
                return usageError("--set needs NAME=VALUE, not '\(assignment)'", io: io)
            }
            if name.hasSuffix(")") {
                FunctionCall.write(name, value: value, in: context)
            } else {
                context.setVariable(name, to: value)
            }
        }
        let text = arguments.positionals.joined(separator: " ")
        let result = context.substitute(text)
        for warning in context.warnings { io.err("warning: \(warning)\n") }
        io.out(result + "\n")
        return .success
    }

    /// `NAME=VALUE` split at the first `=` (the value may hold more).
    static func split(_ assignment: String) -> (String, String)? {
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else { return nil }
        return (String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...]))
    }
}
