/// One step of an extension: `exten => 100,2(label),App(data)`.
public struct Priority: Sendable, Hashable {
    /// The priority number (≥ 1), after `n`, `s` and `label+N` forms were resolved.
    public var number: Int
    /// The `(label)` written after the number, if any.
    public var label: String?
    /// The application name exactly as written (matched case-insensitively at run time).
    public var application: String
    /// The raw argument text between the first `(` and the last `)`; substituted only when the priority runs.
    public var data: String
    /// Where the `exten`/`same` line starts.
    public var location: SourceLocation
    /// Where the application name starts on that line.
    public var applicationLocation: SourceLocation
    /// Where the argument text starts (just after the `(`), for diagnostics inside it.
    public var dataLocation: SourceLocation

    public init(number: Int, label: String? = nil, application: String, data: String,
                location: SourceLocation, applicationLocation: SourceLocation? = nil,
                dataLocation: SourceLocation? = nil) {
        self.number = number
        self.label = label
        self.application = application
        self.data = data
        self.location = location
        self.applicationLocation = applicationLocation ?? location
        self.dataLocation = dataLocation ?? location
    }

    /// `App(data)` as Asterisk's `dialplan show` prints it.
    public var applicationCall: String { "\(application)(\(data))" }
}
