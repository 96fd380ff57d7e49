/// A `[context]`: extensions in Asterisk's lookup order, then switches and includes consulted in file order.
public struct Context: Sendable {
    public var name: String
    /// Where `[name]` first appears.
    public var location: SourceLocation
    /// Extensions sorted as Asterisk sorts them (`Extension.precedes`): literals first, then patterns.
    public private(set) var extensions: [Extension] = []
    public var includes: [ContextInclude] = []
    public var switches: [ContextSwitch] = []
    /// `ignorepat =>` patterns (only a hint to overlap-dialing channels).
    public var ignorePatterns: [String] = []
    private var indexByKey: [String: Int] = [:]

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    /// The extension with exactly this name and caller-ID match, as written.
    public func `extension`(named name: String, callerID: String? = nil) -> Extension? {
        indexByKey[Self.key(name, callerID)].map { extensions[$0] }
    }

    /// Finds or creates an extension and lets `body` change it, keeping the lookup order.
    public mutating func updateExtension<R>(named name: String, callerID: String?, location: SourceLocation,
                                           _ body: (inout Extension) -> R) -> R {
        let key = Self.key(name, callerID)
        if let index = indexByKey[key] {
            return body(&extensions[index])
        }
        var created = Extension(name: name, callerID: callerID, location: location)
        let index = insertionIndex(for: created)
        // `1-23` and `123`, `_X` and `_[0-9]`: Asterisk treats these as one extension (an alias), so they share it.
        if index > 0, Extension.order(created, extensions[index - 1]) == 0 {
            indexByKey[key] = index - 1
            return body(&extensions[index - 1])
        }
        let result = body(&created)
        extensions.insert(created, at: index)
        if index == extensions.count - 1 {
            indexByKey[key] = index
        } else {
            for position in index..<extensions.count {
                indexByKey[Self.key(extensions[position].name, extensions[position].callerID)] = position
            }
        }
        return result
    }

    private func insertionIndex(for candidate: Extension) -> Int {
        // Binary search for the first element that the candidate precedes; equal keys keep file order.
        var low = 0
        var high = extensions.count
        while low < high {
            let mid = (low + high) / 2
            if Extension.precedes(candidate, extensions[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    private static func key(_ name: String, _ callerID: String?) -> String {
        guard let callerID else { return name }
        return name + "\u{0}/" + callerID
    }
}

/// `include => other[,timespec]`: another context searched after this one's own extensions.
public struct ContextInclude: Sendable {
    public var context: String
    /// The time spec text as written, if any.
    public var timeSpecText: String?
    /// The parsed time spec: the include is active only while it matches.
    public var timeSpec: TimeSpec?
    public var location: SourceLocation

    public init(context: String, timeSpecText: String? = nil, timeSpec: TimeSpec? = nil, location: SourceLocation) {
        self.context = context
        self.timeSpecText = timeSpecText
        self.timeSpec = timeSpec
        self.location = location
    }
}

/// `switch => Tech/data` (and `lswitch`, `eswitch`): a remote dialplan lookup, kept for display and lint.
public struct ContextSwitch: Sendable {
    public enum Kind: String, Sendable { case `switch`, lswitch, eswitch }
    public var kind: Kind
    public var target: String
    public var location: SourceLocation

    public init(kind: Kind, target: String, location: SourceLocation) {
        self.kind = kind
        self.target = target
        self.location = location
    }
}
