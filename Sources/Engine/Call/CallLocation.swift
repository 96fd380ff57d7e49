/// Where a call is in the dialplan: context, extension, priority.
public struct CallLocation: Sendable, Hashable, CustomStringConvertible {
    public var context: String
    public var exten: String
    public var priority: Int

    public init(context: String, exten: String, priority: Int) {
        self.context = context
        self.exten = exten
        self.priority = priority
    }

    public var description: String { "\(context),\(exten),\(priority)" }
}

/// One `Gosub` level: where `Return` goes back to and the locals it restores.
struct GosubFrame {
    var returnTo: CallLocation
    /// Local variables of this frame and the value each had before (nil: did not exist).
    var savedLocals: [String: String?] = [:]
    /// How many `ARGn` this call set; higher `ARGn` of outer frames are hidden.
    var argumentCount: Int
}

/// `EXCEPTION()` fields: why and where the call went to `e`.
struct ExceptionInfo {
    var reason: String
    var location: CallLocation
}
