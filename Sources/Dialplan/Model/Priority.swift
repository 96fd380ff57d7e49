/// One step of an extension: `exten => 100,2(label),App(data)`.
public struct Priority: Sendable, Hashable {
    /// The priority number (≥ 1), after `n`, `s` and `label+N` forms were resolved.
    public var number: Int
    /// The `(label)` written after the number, if any.
    public var label: String?
    /// The application name exactly as written (matched case-insensitively at run time).
    public var application: String
    /// The raw argument text between the first `(` and the last `)`; substituted only when the priority runs.
    public var data: String { didSet { needsSubstitution = data.containsSubstitution } }
    /// Whether `data` holds `${` or `$[`: worked out once, not each time the priority runs.
    public private(set) var needsSubstitution: Bool
    /// Where the `exten`/`same` line starts.
    public var location: SourceLocation
    /// Column of the application name on that line (kept as a number: a priority is copied often).
    public var applicationColumn: Int
    /// Column where the argument text starts (just after the `(`).
    public var dataColumn: Int

    /// Where the application name starts.
    public var applicationLocation: SourceLocation { location.at(column: applicationColumn) }
    /// Where the argument text starts, for diagnostics inside it.
    public var dataLocation: SourceLocation { location.at(column: dataColumn) }

    public init(number: Int, label: String? = nil, application: String, data: String,
                location: SourceLocation, applicationLocation: SourceLocation? = nil,
                dataLocation: SourceLocation? = nil) {
        self.number = number
        self.label = label
        self.application = application
        self.data = data
        self.needsSubstitution = data.containsSubstitution
        self.location = location
        self.applicationColumn = applicationLocation?.column ?? location.column
        self.dataColumn = dataLocation?.column ?? location.column
    }

    /// `App(data)` as Asterisk's `dialplan show` prints it.
    public var applicationCall: String { "\(application)(\(data))" }
}
