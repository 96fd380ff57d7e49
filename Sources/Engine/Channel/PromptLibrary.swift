/// Which prompts exist and how long each plays, by name and language (Asterisk's sound-file lookup).
public protocol PromptLibrary: Sendable {
    /// Length in seconds of prompt `name` for `language`, after Asterisk's language fallbacks; nil when missing.
    func duration(of name: String, language: String) -> Double?
}

/// Every prompt exists and plays for the same time, except those listed as missing: for event-level tests.
public struct UniformPrompts: PromptLibrary {
    public var seconds: Double
    public var missing: Set<String>

    public init(seconds: Double = 1.0, missing: Set<String> = []) {
        self.seconds = seconds
        self.missing = missing
    }

    public func duration(of name: String, language: String) -> Double? {
        missing.contains(name) ? nil : seconds
    }
}

/// Prompts with known lengths; anything not listed is missing.
public struct PromptTable: PromptLibrary {
    public var seconds: [String: Double]

    public init(_ seconds: [String: Double]) { self.seconds = seconds }

    public func duration(of name: String, language: String) -> Double? {
        seconds["\(language)/\(name)"] ?? seconds[name]
    }
}
