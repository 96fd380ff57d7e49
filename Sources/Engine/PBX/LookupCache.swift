import Dialplan
import Synchronization

/// Remembers extension lookups across the calls of one engine. A loaded dialplan never changes, so a lookup's
/// answer depends only on its inputs — unless a timed include makes it depend on the time, in which case the
/// cache stays off. Bounded, so digits callers make up cannot grow it without limit.
final class LookupCache: Sendable {
    struct Key: Hashable {
        var context: String
        var exten: String
        var priority: Int
        var callerID: String
    }

    private let table = Mutex<[Key: Priority?]>([:])
    let isEnabled: Bool
    static let capacity = 50_000

    init(dialplan: Dialplan) {
        isEnabled = !dialplan.contexts.values.contains { context in context.includes.contains { $0.timeSpec != nil } }
    }

    /// The priority at (context, exten, priority), from the cache or from `lookup`.
    func priority(_ key: Key, lookup: () -> Priority?) -> Priority? {
        guard isEnabled else { return lookup() }
        if let cached = table.withLock({ $0[key] }) { return cached }
        let found = lookup()
        table.withLock { table in
            if table.count < Self.capacity { table[key] = .some(found) }
        }
        return found
    }
}

/// Parsed time specs by their text, shared by the calls of one engine (GotoIfTime, ExecIfTime parse the same few).
final class TimeSpecCache: Sendable {
    private let table = Mutex<[String: TimeSpec]>([:])
    static let capacity = 1_000

    func spec(_ text: String) -> TimeSpec {
        if let cached = table.withLock({ $0[text] }) { return cached }
        let parsed = TimeSpec(text)
        table.withLock { table in
            if table.count < Self.capacity { table[text] = parsed }
        }
        return parsed
    }
}
