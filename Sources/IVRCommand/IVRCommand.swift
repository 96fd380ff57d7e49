import Foundation

/// The `ivr` command line: dispatches to a subcommand and returns the process exit status.
public enum IVRCommand {
    static let version = "0.1.0"

    static var subcommands: [any Subcommand.Type] {
        [CheckCommand.self, ShowCommand.self, EvalCommand.self, RunCommand.self, DTMFCommand.self, TestCommand.self,
         ReportCommand.self, GraphCommand.self]
    }

    /// Runs `ivr` with `arguments` (without the program name).
    public static func run(_ arguments: [String], io: CommandIO = .standard) -> Int32 {
        guard let first = arguments.first else {
            io.err(overview)
            return ExitStatus.usage.rawValue
        }
        switch first {
        case "--help", "-h":
            io.out(overview)
            return ExitStatus.success.rawValue
        case "help":
            if arguments.count > 1, let command = subcommands.first(where: { $0.name == arguments[1] }) {
                io.out(command.help)
                return ExitStatus.success.rawValue
            }
            io.out(overview)
            return ExitStatus.success.rawValue
        case "--version":
            io.out("ivr \(version)\n")
            return ExitStatus.success.rawValue
        default:
            guard let command = subcommands.first(where: { $0.name == first }) else {
                io.err("ivr: unknown command '\(first)'\n\n\(overview)")
                return ExitStatus.usage.rawValue
            }
            return command.main(Array(arguments.dropFirst()), io: io).rawValue
        }
    }

    static var overview: String {
        var text = """
        ivr — an IVR engine that runs Asterisk extensions.conf dialplans

        usage: ivr <command> [options] [arguments]

        commands:

        """
        for command in subcommands {
            text += "  \(command.name.padding(toLength: 8, withPad: " ", startingAt: 0))\(command.summary)\n"
        }
        text += """

        Run 'ivr <command> --help' for a command's options.
        Exit status: 0 fine, 1 findings or errors, 2 bad usage.

        """
        return text
    }
}
