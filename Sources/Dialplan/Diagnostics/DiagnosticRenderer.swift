/// Renders diagnostics as compilers do: `path:line:col: error: message`, the source line, a caret, then notes.
public struct DiagnosticRenderer: Sendable {
    /// Source text per file path, used to print the offending line under the message.
    public var sources: [String: [Substring]]

    public init(sources: [String: String] = [:]) {
        self.sources = sources.mapValues { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.hasSuffix("\r") ? line.dropLast() : line
            }
        }
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.rawValue)]\n"
        out += excerpt(at: diagnostic.location)
        for note in diagnostic.notes {
            if let location = note.location {
                out += "\(location): note: \(note.message)\n"
                out += excerpt(at: location)
            } else {
                out += "note: \(note.message)\n"
            }
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    private func excerpt(at location: SourceLocation) -> String {
        guard let lines = sources[location.file], location.line >= 1, location.line <= lines.count else { return "" }
        let line = lines[location.line - 1]
        // Tabs are kept in the padding so the caret lines up in a terminal.
        var pad = ""
        for (offset, byte) in line.utf8.enumerated() where offset < location.column - 1 && byte & 0xC0 != 0x80 {
            pad.append(byte == UInt8(ascii: "\t") ? "\t" : " ")
        }
        return "\(line)\n\(pad)^\n"
    }
}
