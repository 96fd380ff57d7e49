/// An extension of a context: a name or pattern (`_NXX`), an optional caller-ID match, and its priorities.
public struct Extension: Sendable {
    /// The name as written, spaces removed (`_NXXXXXX`, `s`, `555-1212`).
    public var name: String
    /// The caller-ID pattern after `/`, or nil when the extension matches any caller.
    /// An empty string matches only callers with an empty number, as in Asterisk.
    public var callerID: String?
    /// Compiled form of `name` for matching and ordering.
    public var pattern: ExtensionPattern
    /// Compiled form of `callerID`.
    public var callerIDPattern: ExtensionPattern?
    /// Priorities sorted by number.
    public private(set) var priorities: [Priority] = []
    /// The `hint` line's device list, if any.
    public var hint: String?
    /// Where the extension was first defined.
    public var location: SourceLocation

    public init(name: String, callerID: String? = nil, location: SourceLocation) {
        self.name = name
        self.callerID = callerID
        self.pattern = ExtensionPattern(name)
        self.callerIDPattern = callerID.map { ExtensionPattern(ExtensionPattern.shrinkPhoneNumber($0)) }
        self.location = location
    }

    /// `name` or `name/cid` as written.
    public var displayName: String {
        if let callerID { return "\(name)/\(callerID)" }
        return name
    }

    /// The position of the priority with this number in `priorities`.
    public func index(ofPriority number: Int) -> Int? {
        var low = 0
        var high = priorities.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let value = priorities[mid].number
            if value == number { return mid }
            if value < number { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// The priority with this number.
    public func priority(_ number: Int) -> Priority? {
        index(ofPriority: number).map { priorities[$0] }
    }

    /// The priority carrying `label`.
    public func priority(labeled label: String) -> Priority? {
        // Index rather than iterate: iterating copies every Priority (and retains its strings).
        for index in priorities.indices where priorities[index].label == label { return priorities[index] }
        return nil
    }

    /// The smallest priority number greater than `number`.
    public func priority(after number: Int) -> Priority? {
        priorities.first { $0.number > number }
    }

    /// Adds a priority, keeping numeric order. The caller has checked it is not a duplicate.
    public mutating func insert(_ priority: Priority) {
        if let last = priorities.last, last.number < priority.number {
            priorities.append(priority)
            return
        }
        let index = priorities.firstIndex { $0.number > priority.number } ?? priorities.count
        priorities.insert(priority, at: index)
    }
}
