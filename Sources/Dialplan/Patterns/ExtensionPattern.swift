// PLACEHOLDER owned by the patterns helper: replaced by the real compiled pattern.
/// An extension name compiled for matching and ordering.
public struct ExtensionPattern: Sendable, Hashable {
    public let text: String
    public init(_ text: String) { self.text = text }
    public static func shrinkPhoneNumber(_ text: String) -> String { text }
}

extension Extension {
    /// Asterisk's `ext_cmp` order (with caller-ID variants first).
    public static func precedes(_ a: Extension, _ b: Extension) -> Bool { a.name < b.name }
}
