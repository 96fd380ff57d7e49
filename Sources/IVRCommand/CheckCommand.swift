import Dialplan
import Engine
import Foundation

/// `ivr check FILE...`: parse and lint dialplans, print findings, exit 1 when any has errors.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "parse and lint dialplan files; print diagnostics"
    static let help = """
    usage: ivr check [--quiet] [--werror] [--summary] FILE|DIR...

    Parses each extensions.conf-style file (following #include) and lints it: malformed lines, duplicate
    priorities and labels, extensions without priority 1, includes of unknown contexts, unbalanced ${ $[ ( ",
    Goto/Gosub targets that cannot exist, applications and functions this engine does not know.
    A directory stands for every file below it whose name contains '.conf'.

    Diagnostics are printed as 'path:line:col: severity: message [code]', then the source line and a caret.

    options:
      --quiet     print errors only
      --werror    treat warnings as errors (exit 1 on any finding)
      --summary   one line per file instead of every diagnostic
      -h, --help  show this help

    exit status: 0 no errors, 1 errors found, 2 bad usage

    """
    static let options: [String: ArgumentScanner.Kind] = ["--quiet": .flag, "-q": .flag, "--werror": .flag,
                                                           "--summary": .flag]

    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus {
        guard !arguments.positionals.isEmpty else { return usageError("no dialplan file given", io: io) }
        let quiet = arguments.has("--quiet") || arguments.has("-q")
        let strict = arguments.has("--werror")
        let summaryOnly = arguments.has("--summary")
        var files: [String] = []
        for path in arguments.positionals { files += expand(path) }
        // The linter knows exactly the applications and functions the engine runs.
        let engineFunctions = EngineConfiguration().functions
        let loader = DialplanLoader(linter: Linter(knownApplications: ApplicationRegistry.standard.names,
                                                   knownFunctions: Set(engineFunctions.names)))
        var failed = false
        var totalErrors = 0
        var totalWarnings = 0
        for file in files {
            let result = loader.load(path: file)
            let shown = result.diagnostics.filter { !quiet || $0.severity == .error }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.filter { $0.severity == .warning }.count
            totalErrors += errors
            totalWarnings += warnings
            if errors > 0 || (strict && warnings > 0) { failed = true }
            if summaryOnly {
                io.out("\(file): \(count(errors, "error")), \(count(warnings, "warning"))\n")
            } else {
                io.out(result.renderer.render(shown))
            }
        }
        if !summaryOnly {
            let contexts = files.count == 1 ? "" : " in \(files.count) files"
            io.out("\(count(totalErrors, "error")), \(count(totalWarnings, "warning"))\(contexts)\n")
        }
        return failed ? .failure : .success
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// A file stands for itself; a directory for its files whose names contain ".conf", sorted.
    static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let found = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String]) ?? []
        return found.filter { $0.split(separator: "/").last?.contains(".conf") == true }
            .map { "\(base)/\($0)" }
            .filter { candidate in
                var dir: ObjCBool = false
                return FileManager.default.fileExists(atPath: candidate, isDirectory: &dir) && !dir.boolValue
            }
            .sorted()
    }
}
