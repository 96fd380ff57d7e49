import Dialplan
import Synchronization

/// Remembers extension lookups across the calls of one engine. A loaded dialplan never changes, so a lookup's
/// answer depends only on its inputs — unless a timed include makes it depend on the time, in which case the
/// cache stays off. Bounded, so digits callers make up cannot grow it without limit.
///
/// Answers are kept per (context, extension, caller ID) in a ``PriorityRun``: a call holds on to the run of the
/// extension it is in, so each further priority costs an integer lookup instead of hashing three strings.
final class LookupCache: Sendable {
    struct Key: Hashable {
        var context: String
        var exten: String
        var callerID: String
    }

    private let runs = Mutex<[Key: PriorityRun]>([:])
    let isEnabled: Bool
    /// How many (context, extension, caller ID) runs are kept.
    static let capacity = 10_000

    init(dialplan: Dialplan) {
        isEnabled = !dialplan.contexts.values.contains { context in context.includes.contains { $0.timeSpec != nil } }
    }

    /// The run for `key`, created on first use; nil when the cache is off or full.
    func run(_ key: Key) -> PriorityRun? {
        guard isEnabled else { return nil }
        return runs.withLock { runs in
            if let run = runs[key] { return run }
            guard runs.count < Self.capacity else { return nil }
            let run = PriorityRun()
            runs[key] = run
            return run
        }
    }
}

/// The lookups of one (context, extension, caller ID): priorities by number and priority numbers by label.
final class PriorityRun: Sendable {
    private let numbers = Mutex<[Int: Priority?]>([:])
    private let labels = Mutex<[String: Int?]>([:])
    /// Answers kept per run (priority numbers and labels come from the dialplan or from Goto arguments).
    static let capacity = 1_000

    /// The priority with this number, from the run or from `lookup`.
    func priority(_ number: Int, lookup: () -> Priority?) -> Priority? {
        if let cached = numbers.withLock({ $0[number] }) { return cached }
        let found = lookup()
        numbers.withLock { table in
            if table.count < Self.capacity { table[number] = .some(found) }
        }
        return found
    }

    /// The number of the priority carrying `label`, from the run or from `lookup`.
    func number(labeled label: String, lookup: () -> Int?) -> Int? {
        if let cached = labels.withLock({ $0[label] }) { return cached }
        let found = lookup()
        labels.withLock { table in
            if table.count < Self.capacity { table[label] = .some(found) }
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
