import Dialplan
import Synchronization

/// Global variables shared by every call of one engine (`[globals]`, `Set(GLOBAL(x)=...)`), safe across threads.
public final class GlobalVariables: Sendable {
    private let values: Mutex<[String: String]>

    public init(_ initial: [String: String] = [:]) { values = Mutex(initial) }

    /// The `[globals]` of a dialplan, each value substituted (with the globals before it) as Asterisk does at load.
    public convenience init(dialplan: Dialplan) {
        var table: [String: String] = [:]
        for assignment in dialplan.globals { table[assignment.name] = assignment.value }
        self.init(table)
    }

    public subscript(name: String) -> String? {
        get { values.withLock { $0[name] } }
        set { values.withLock { $0[name] = newValue } }
    }

    public var snapshot: [String: String] { values.withLock { $0 } }
}
