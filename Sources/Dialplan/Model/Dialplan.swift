import Foundation

/// A loaded dialplan: contexts by name, globals in file order, `[general]` settings and the files it came from.
public struct Dialplan: Sendable {
    public private(set) var contexts: [String: Context] = [:]
    /// Context names in the order they first appear.
    public private(set) var contextOrder: [String] = []
    /// `[globals]` assignments in file order (all `[globals]` sections merged), values as written.
    public var globals: [GlobalAssignment] = []
    /// `[general]` options (`autofallthrough`, `clearglobalvars`, ...), keys lower-cased.
    public var general: [String: String] = [:]
    /// Every file read, main file first, with its text (for diagnostics excerpts).
    public var sources: [SourceFile] = []

    public init() {}

    public subscript(context name: String) -> Context? { contexts[name] }

    /// Whether a context of this name exists (without copying it).
    public func hasContext(_ name: String) -> Bool { contexts.index(forKey: name) != nil }

    /// Contexts in file order.
    public var orderedContexts: [Context] { contextOrder.compactMap { contexts[$0] } }

    /// Finds or creates a context and lets `body` change it.
    public mutating func updateContext<R>(named name: String, location: SourceLocation,
                                         _ body: (inout Context) -> R) -> R {
        if contexts[name] == nil { contextOrder.append(name) }
        return body(&contexts[name, default: Context(name: name, location: location)])
    }

    /// A copy in which timed includes are always active: what could be reached at some time of day.
    public func ignoringIncludeTimes() -> Dialplan {
        var copy = self
        for name in contextOrder {
            copy.contexts[name]?.includes = contexts[name]?.includes.map { include in
                var always = include
                always.timeSpec = nil
                return always
            } ?? []
        }
        return copy
    }

    /// Removes a context to change it in place (created if missing); give it back with `putContext` before
    /// taking another. Its place in `contextOrder` is kept, so a parser builds a section without a lookup per line.
    public mutating func takeContext(named name: String, location: SourceLocation) -> Context {
        if let context = contexts.removeValue(forKey: name) { return context }
        contextOrder.append(name)
        return Context(name: name, location: location)
    }

    /// Puts back the context taken with `takeContext`.
    public mutating func putContext(_ context: Context) {
        contexts[context.name] = context
    }

    /// `autofallthrough` from `[general]` (default yes).
    public var autoFallthrough: Bool {
        guard let value = general["autofallthrough"] else { return true }
        return ConfigBoolean.isTrue(value)
    }
}

/// One `NAME=value` of `[globals]`.
public struct GlobalAssignment: Sendable, Hashable {
    public var name: String
    public var value: String
    public var location: SourceLocation

    public init(name: String, value: String, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// A file that went into a dialplan, with its text.
public struct SourceFile: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Asterisk's `ast_true`: yes, true, y, t, 1, on.
public enum ConfigBoolean {
    public static func isTrue(_ value: String) -> Bool {
        ["yes", "true", "y", "t", "1", "on"].contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
