import Dialplan
import Foundation

/// The `ivr report` and `ivr graph` subcommands, as functions the CLI registers.
///
/// Exit status: 0 success, 1 bad input (unreadable file, dialplan with errors, Graphviz missing or failing,
/// output not writable), 2 bad usage.
public enum InsightsCommands {
    public static let reportHelp = """
    usage: ivr report TRACE-or-CDR... [--html FILE]

    Key figures of an IVR over many calls. Each file is a JSON Lines trace written by 'ivr run --trace'
    (one call, or several calls each beginning with its "start" event) or an Asterisk Master.csv CDR file
    (a name ending in .csv or a first character '"'; call-level figures only).

    Per menu node (exten@context running Background, WaitExten, Read or ReadExten): visits entered, distinct
    calls, and how each visit ended: completed (a valid choice), timeout, invalid, hung up, other; plus visits
    followed by a transfer (answered Dial/Queue, successful Transfer). Per call: contained, transferred and
    abandoned calls with rates, calls that reached a menu and made a valid choice, average time in the IVR.
    The HTML page spells out the exact definitions.

    Malformed lines are skipped and counted; the report lists them.

    options:
      --html FILE  also write a self-contained HTML page (tables, SVG charts, definitions)
      -h, --help   show this help

    exit status: 0 report written, 1 a file cannot be read or written, 2 bad usage

    """

    public static let graphHelp = """
    usage: ivr graph FILE [--format dot|svg] [--start CONTEXT|EXTEN@CONTEXT] [--output FILE]

    Draws a dialplan's call flow: contexts as clusters, extensions as nodes with the prompts they play, edges
    for menu choices (labelled with the digits), Goto/GotoIf/GotoIfTime/Gosub jumps (labelled with the
    condition), include => (dashed) and the i/t/h handlers. Dynamic targets (${...}) go to a 'dynamic
    target' node. Extensions and contexts the start cannot reach are drawn grey with a dashed border.

    options:
      --format dot|svg   DOT text (default) or SVG drawn by Graphviz's 'dot' (must be installed)
      --start START      start from s of this context (or EXTEN@CONTEXT); default: every context that no
                         other context includes or jumps to
      --output FILE      write to FILE instead of standard output
      -h, --help         show this help

    exit status: 0 graph written, 1 bad dialplan, unknown start, Graphviz missing or failing, or output not
    writable, 2 bad usage

    """

    /// `ivr report TRACES-or-CDRs... [--html FILE]`.
    public static func report(arguments: [String], out: (String) -> Void, err: (String) -> Void) -> Int32 {
        let parsed: ParsedArguments
        switch ParsedArguments.parse(arguments, options: ["--html"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return usage(problem.message, command: "report", err: err)
        }
        if parsed.help {
            out(reportHelp)
            return 0
        }
        guard !parsed.positionals.isEmpty else { return usage("no trace or CDR file given", command: "report", err: err) }
        let report: KPIReport.Report
        do {
            report = try KPIReport.load(paths: parsed.positionals)
        } catch {
            err("ivr report: \(error)\n")
            return 1
        }
        out(KPIReport.text(report))
        if let htmlPath = parsed.values["--html"] {
            do {
                try Data(KPIReport.html(report).utf8).write(to: URL(fileURLWithPath: htmlPath))
            } catch {
                err("ivr report: cannot write \(htmlPath): \(error.localizedDescription)\n")
                return 1
            }
        }
        if !report.warnings.isEmpty {
            err("ivr report: \(KPIReport.plural(report.warnings.count, "input line")) skipped or questionable\n")
        }
        return 0
    }

    /// `ivr graph FILE [--format dot|svg] [--start CONTEXT] [--output FILE]`.
    public static func graph(arguments: [String], out: (String) -> Void, err: (String) -> Void) -> Int32 {
        let parsed: ParsedArguments
        switch ParsedArguments.parse(arguments, options: ["--format", "--start", "--output", "-o"]) {
        case .success(let value): parsed = value
        case .failure(let problem): return usage(problem.message, command: "graph", err: err)
        }
        if parsed.help {
            out(graphHelp)
            return 0
        }
        guard parsed.positionals.count == 1, let file = parsed.positionals.first else {
            return usage(parsed.positionals.isEmpty ? "no dialplan file given" : "give exactly one dialplan file",
                         command: "graph", err: err)
        }
        let format = parsed.values["--format"] ?? "dot"
        guard format == "dot" || format == "svg" else {
            return usage("--format must be dot or svg, not '\(format)'", command: "graph", err: err)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue else {
            err("ivr graph: \(file): no such file\n")
            return 1
        }
        let loaded = DialplanLoader(linter: nil).load(path: file)
        if loaded.hasErrors {
            err(loaded.renderer.render(loaded.diagnostics.filter { $0.severity == .error }))
            return 1
        }
        let start = parsed.values["--start"]
        let text: String
        do {
            text = format == "svg" ? try CallFlowGraph.svg(loaded.dialplan, start: start)
                : try CallFlowGraph.dot(loaded.dialplan, start: start)
        } catch {
            err("ivr graph: \(error)\n")
            return 1
        }
        if let output = parsed.values["--output"] ?? parsed.values["-o"] {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                err("ivr graph: cannot write \(output): \(error.localizedDescription)\n")
                return 1
            }
        } else {
            out(text)
        }
        return 0
    }

    private static func usage(_ message: String, command: String, err: (String) -> Void) -> Int32 {
        err("ivr \(command): \(message)\nTry 'ivr \(command) --help'.\n")
        return 2
    }
}

/// Positionals, `--name value` / `--name=value` options and `-h`/`--help`; `--` ends the options.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var help = false

    struct Problem: Error {
        var message: String
    }

    static func parse(_ arguments: [String], options: Set<String>) -> Result<ParsedArguments, Problem> {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                parsed.help = true
                continue
            }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard options.contains(name) else { return .failure(Problem(message: "unknown option '\(name)'")) }
            if value == nil {
                guard index < arguments.count else { return .failure(Problem(message: "\(name) needs a value")) }
                value = arguments[index]
                index += 1
            }
            if parsed.values[name] != nil { return .failure(Problem(message: "\(name) given twice")) }
            parsed.values[name] = value
        }
        return .success(parsed)
    }
}
