/// How serious a finding is: errors reject a dialplan, warnings keep it loadable.
public enum Severity: String, Sendable, Hashable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A finding about a dialplan: where, how serious, what, and notes that point elsewhere.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var code: DiagnosticCode
    public var message: String
    public var notes: [Note]

    /// A secondary remark attached to a diagnostic ("previous definition is here").
    public struct Note: Hashable, Sendable {
        public var location: SourceLocation?
        public var message: String

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.location = location
            self.message = message
        }
    }

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.notes = notes
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                             notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, notes: notes)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation,
                               notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, notes: notes)
    }

    /// `path:line:col: severity: message`, without the source excerpt.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// The kind of a finding, stable across message wording; shown as `[code]` and usable to filter.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // Files and lines
    case unreadableFile = "file-unreadable"
    case includeCycle = "include-cycle"
    case includeMissing = "include-missing"
    case execInclude = "exec-include"
    case malformedLine = "line-malformed"
    case lineOutsideSection = "line-outside-section"
    case unterminatedBlockComment = "comment-unterminated"
    case unknownDirective = "directive-unknown"
    case unknownTemplate = "template-unknown"
    case badSectionHeader = "section-malformed"
    // Extensions and priorities
    case sameWithoutExtension = "same-without-exten"
    case badPriority = "priority-invalid"
    case duplicatePriority = "priority-duplicate"
    case missingPriorityOne = "priority-one-missing"
    case duplicateLabel = "label-duplicate"
    case badExtensionName = "exten-invalid"
    case discouragedPattern = "pattern-discouraged"
    case missingApplication = "app-missing"
    case applicationWhitespace = "app-whitespace"
    case unknownApplication = "app-unknown"
    case unknownFunction = "function-unknown"
    case unbalanced = "unbalanced"
    case badArguments = "app-arguments"
    // Structure between contexts
    case unknownIncludedContext = "include-unknown-context"
    case duplicateInclude = "include-duplicate"
    case badTimeSpec = "timespec-invalid"
    case gotoUnknownContext = "goto-unknown-context"
    case gotoUnknownExtension = "goto-unknown-exten"
    case gotoUnknownLabel = "goto-unknown-label"
    case gotoUnknownPriority = "goto-unknown-priority"
    case emptyContext = "context-empty"
}
