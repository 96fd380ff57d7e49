/// One `ivr` subcommand: its name, help text and what it does.
protocol Subcommand {
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// Full `--help` text, starting with the usage line.
    static var help: String { get }
    /// Options the command accepts (`--help` is added for every command).
    static var options: [String: ArgumentScanner.Kind] { get }
    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus
    /// Parses and runs; commands whose library parses its own arguments replace this.
    static func main(_ arguments: [String], io: CommandIO) -> ExitStatus
}

extension Subcommand {
    /// Parses arguments, handles `--help` and usage errors, then runs.
    static func main(_ arguments: [String], io: CommandIO) -> ExitStatus {
        var spec = options
        spec["--help"] = .flag
        spec["-h"] = .flag
        let scanned: ArgumentScanner
        do {
            scanned = try ArgumentScanner(arguments, spec: spec)
        } catch {
            io.err("ivr \(name): \(error.message)\n\(usageLine)\nRun 'ivr \(name) --help' for more.\n")
            return .usage
        }
        if scanned.has("--help") || scanned.has("-h") {
            io.out(help)
            return .success
        }
        return run(scanned, io: io)
    }

    static var usageLine: String {
        help.split(separator: "\n").first.map(String.init) ?? "usage: ivr \(name)"
    }

    static func usageError(_ message: String, io: CommandIO) -> ExitStatus {
        io.err("ivr \(name): \(message)\n\(usageLine)\n")
        return .usage
    }
}
