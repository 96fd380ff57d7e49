import Insights
import Replay

/// `ivr test`: scenario replays (the Replay library parses its own options).
enum TestCommand: Subcommand {
    static let name = "test"
    static let summary = "run scenario files (QA call replays); JUnit, coverage, golden transcripts"
    static var help: String {
        var text = ""
        _ = ReplayCommand.run(arguments: ["--help"], out: { text += $0 }, err: { text += $0 })
        return text
    }
    static let options: [String: ArgumentScanner.Kind] = [:]
    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus { .usage }

    static func main(_ arguments: [String], io: CommandIO) -> ExitStatus {
        ExitStatus(rawValue: ReplayCommand.run(arguments: arguments, out: io.out, err: io.err)) ?? .failure
    }
}

/// `ivr report`: KPIs per menu node from traces or CDRs, as text and HTML.
enum ReportCommand: Subcommand {
    static let name = "report"
    static let summary = "KPIs per menu node from call traces or CDRs (text table, HTML page)"
    static var help: String { InsightsCommands.reportHelp }
    static let options: [String: ArgumentScanner.Kind] = [:]
    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus { .usage }

    static func main(_ arguments: [String], io: CommandIO) -> ExitStatus {
        ExitStatus(rawValue: InsightsCommands.report(arguments: arguments, out: io.out, err: io.err)) ?? .failure
    }
}

/// `ivr graph`: the call-flow picture of a dialplan (Graphviz DOT or SVG).
enum GraphCommand: Subcommand {
    static let name = "graph"
    static let summary = "draw a dialplan's call flow (dot or svg), unreachable parts marked"
    static var help: String { InsightsCommands.graphHelp }
    static let options: [String: ArgumentScanner.Kind] = [:]
    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus { .usage }

    static func main(_ arguments: [String], io: CommandIO) -> ExitStatus {
        ExitStatus(rawValue: InsightsCommands.graph(arguments: arguments, out: io.out, err: io.err)) ?? .failure
    }
}
