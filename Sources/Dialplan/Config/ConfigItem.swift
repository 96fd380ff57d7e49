/// One element of a config file after the lexical layer: a `[section]` header or a `key = value` line.
public enum ConfigItem: Sendable {
    case section(SectionHeader)
    case entry(ConfigEntry)
}

/// `[name]`, `[name](!)`, `[name](+)` or `[name](tmpl1,tmpl2)`.
public struct SectionHeader: Sendable {
    public var name: String
    /// `(!)`: a template, not loaded as a context itself.
    public var isTemplate: Bool
    /// `(+)`: adds lines to an earlier section of the same name.
    public var appends: Bool
    /// Templates whose lines this section inherits, in order.
    public var templates: [String]
    public var location: SourceLocation
    /// Where each template name is written, parallel to `templates`.
    public var templateLocations: [SourceLocation]
}

/// `key => value` or `key = value` (or `key += value`), with its line for column lookups.
public struct ConfigEntry: Sendable {
    /// The key, trimmed (case kept).
    public var key: String
    /// The value, trimmed.
    public var value: String
    /// True for `+=`.
    public var appends: Bool
    /// The cleaned line the entry came from.
    public var line: ConfigLine
    /// Byte offset of `value` within `line.text`.
    public var valueOffset: Int

    /// The source location of the byte at `offset` in `value`.
    public func location(inValue offset: Int) -> SourceLocation {
        line.location(atOffset: valueOffset + offset)
    }

    public var location: SourceLocation { line.location }
}
