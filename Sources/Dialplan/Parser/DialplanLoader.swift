/// Reads, parses and lints a dialplan in one call: what `ivr check` and the interpreter use.
public struct DialplanLoader: Sendable {
    public var reader: ConfigReader
    /// Nil skips linting (parse errors are still reported).
    public var linter: Linter?

    public init(reader: ConfigReader = ConfigReader(), linter: Linter? = Linter()) {
        self.reader = reader
        self.linter = linter
    }

    /// A loaded dialplan and every finding, sorted by location.
    public struct Result: Sendable {
        public var dialplan: Dialplan
        public var diagnostics: [Diagnostic]
        /// Errors reject a dialplan; warnings keep it loadable.
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        /// A renderer that can show the offending source lines.
        public var renderer: DiagnosticRenderer {
            DiagnosticRenderer(sources: Dictionary(dialplan.sources.map { ($0.path, $0.text) },
                                                   uniquingKeysWith: { first, _ in first }))
        }
    }

    public func load(path: String) -> Result {
        finish(reader.read(path: path))
    }

    public func load(text: String, path: String) -> Result {
        finish(reader.read(text: text, path: path))
    }

    private func finish(_ config: ConfigReader.Output) -> Result {
        var (dialplan, diagnostics) = DialplanParser.parse(config)
        if let linter { diagnostics += linter.lint(dialplan) }
        let order = Dictionary(dialplan.sources.enumerated().map { ($0.element.path, $0.offset) },
                               uniquingKeysWith: { first, _ in first })
        diagnostics.sort { a, b in
            let fileA = order[a.location.file] ?? Int.max
            let fileB = order[b.location.file] ?? Int.max
            if fileA != fileB { return fileA < fileB }
            return (a.location.line, a.location.column) < (b.location.line, b.location.column)
        }
        return Result(dialplan: dialplan, diagnostics: diagnostics)
    }
}
