import Foundation

/// Asterisk's persistent family/key store (`main/db.c`) on SQLite.
///
/// Storage is Asterisk's: one table `astdb(key, value)` whose keys are
/// `/family/key`. A family may itself contain `/` (`bank/accounts`), so
/// `/bank/accounts/42` is key `42` in family `bank/accounts` and equally key
/// `accounts/42` in family `bank`.
///
/// Several `AstDB` instances (in one process or many) may share one file: the
/// database runs in WAL mode and every connection waits for locks through a
/// busy timeout. Calls on one instance are serialised by a lock, so an
/// instance may be shared between tasks and threads. The SQLite handle is
/// closed when the instance is deallocated.
///
/// Reads (`get`, `keys`, `entries`) and `delete`/`deleteTree` follow
/// Asterisk's C API and do not throw; a database failure there yields
/// nil/false/0/empty and is recorded in `lastError`.
public final class AstDB: @unchecked Sendable {
    /// The path the database was opened on.
    public let path: String

    // `connection`, `memory` and `recordedError` are only touched with `lock` held. Exactly one of `connection`
    // (SQLite) and `memory` (``memory()``) is set.
    private let lock = NSLock()
    private var connection: AstDBConnection?
    private var memory: AstDBMemoryTable?
    private var recordedError: AstDBError?

    /// A statement runner handed to `locked` bodies: SQLite's or the memory table's.
    private typealias Run = (AstDBConnection.Statement, [String], Int32, AstDBConnection.Operation) throws(AstDBError)
        -> (rows: [[String?]], changes: Int)

    /// Opens the database at `path`, creating the file when missing (unless
    /// `readOnly`). `:memory:` gives a private in-memory database.
    ///
    /// - Parameters:
    ///   - readOnly: open without write access; changes throw `.readOnly`.
    ///   - busyTimeoutMilliseconds: how long a call waits for another
    ///     connection's lock before failing.
    ///   - verifyIntegrity: also run SQLite's `quick_check` at open, so a
    ///     damaged page is reported here rather than by a failing read later.
    ///     It reads every page. (A file that is not SQLite, or is truncated, is
    ///     reported at open either way.)
    /// - Throws: `AstDBError.cannotOpen` (directory, missing parent directory,
    ///   no permission), `.notADatabase` (not SQLite / corrupt),
    ///   `.incompatibleSchema`, `.readOnly`.
    public init(
        path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5000, verifyIntegrity: Bool = false
    ) throws(AstDBError) {
        guard !path.isEmpty else {
            throw .cannotOpen(path: path, message: "empty database path")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .cannotOpen(path: path, message: "is a directory")
        }
        self.path = path
        self.connection = try AstDBConnection.open(
            path: path, readOnly: readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds,
            verifyIntegrity: verifyIntegrity)
    }

    private init(memoryTable: AstDBMemoryTable) {
        path = ":memory:"
        connection = nil
        memory = memoryTable
    }

    /// A private database held in a dictionary instead of SQLite: the same behaviour as `AstDB(path: ":memory:")`
    /// (keys, trees, bytewise order), opened in no time. For test runs and scenario replays, where every call
    /// starts from its own seeded database.
    public static func memory() -> AstDB {
        AstDB(memoryTable: AstDBMemoryTable())
    }

    /// A new in-memory database holding this one's entries (and last error) as they are now: the table is copied
    /// on write, so seeding one database and copying it per call costs one copy instead of a put per entry.
    /// Nil for a SQLite database.
    public func memoryCopy() -> AstDB? {
        lock.lock()
        defer { lock.unlock() }
        guard let memory else { return nil }
        let copy = AstDB(memoryTable: memory)
        copy.recordedError = recordedError
        return copy
    }

    /// The most recent failure of a non-throwing call (nil if none).
    public var lastError: AstDBError? {
        lock.lock()
        defer { lock.unlock() }
        return recordedError
    }

    // MARK: - Family/key API (ast_db_get / put / del / deltree)

    /// The value of `family`/`key`, or nil when missing (or when either name is empty).
    public func get(family: String, key: String) -> String? {
        guard !family.isEmpty, !key.isEmpty else { return nil }
        return locked { (run: Run) throws(AstDBError) -> String? in
            let result = try run(.get, [Self.fullKey(family, key)], 1, .read)
            // A NULL value counts as missing, as in Asterisk.
            return result.rows.first.flatMap { $0[0] }
        } ?? nil
    }

    /// Stores `value` (which may be empty) under `family`/`key`, replacing any old value.
    public func put(family: String, key: String, value: String) throws(AstDBError) {
        guard !family.isEmpty, !key.isEmpty else { throw .badName(family: family, key: key) }
        lock.lock()
        defer { lock.unlock() }
        do {
            _ = try execute(.put, [Self.fullKey(family, key), value], 0, .write)
        } catch {
            recordedError = error
            throw error
        }
    }

    /// Removes `family`/`key`; false when it did not exist (or a name is empty).
    @discardableResult
    public func delete(family: String, key: String) -> Bool {
        guard !family.isEmpty, !key.isEmpty else { return false }
        return locked { (run: Run) throws(AstDBError) -> Bool in
            try run(.delete, [Self.fullKey(family, key)], 0, .write).changes > 0
        } ?? false
    }

    /// Removes `family`/`key` and returns the value it had (nil when missing),
    /// atomically — what DB_DELETE does.
    public func take(family: String, key: String) -> String? {
        guard !family.isEmpty, !key.isEmpty else { return nil }
        return locked { (run: Run) throws(AstDBError) -> String? in
            try run(.take, [Self.fullKey(family, key)], 1, .write).rows.first.flatMap { $0[0] }
        } ?? nil
    }

    /// Removes the tree `/family` (or `/family/keyPrefix` when given and
    /// non-empty): the key equal to it and every key below it, as
    /// `ast_db_deltree`. `keyPrefix` is a path, not a string prefix:
    /// `deleteTree(family: "a", keyPrefix: "b")` removes `/a/b` and `/a/b/c`
    /// but not `/a/bc`. Returns the number of entries removed. An empty family
    /// removes nothing (Asterisk would wipe the whole database).
    @discardableResult
    public func deleteTree(family: String, keyPrefix: String? = nil) -> Int {
        guard !family.isEmpty else { return 0 }
        var prefix = "/" + family
        if let keyPrefix, !keyPrefix.isEmpty {
            prefix += "/" + keyPrefix
        }
        return locked { (run: Run) throws(AstDBError) -> Int in
            try run(.deleteTree, [prefix], 0, .write).changes
        } ?? 0
    }

    /// The distinct names one level below `family`, sorted (bytewise) — what
    /// DB_KEYS lists. For `/a/b` and `/a/c/d`, `keys(family: "a")` is
    /// `["b", "c"]`. Leading and trailing `/` of `family` are ignored; an empty
    /// family lists the top-level families.
    public func keys(family: String) -> [String] {
        let trimmed = Self.trimmingSlashes(family)
        let prefix = trimmed.isEmpty ? "" : "/" + trimmed
        let rows = treeRows(prefix: prefix)
        var names: [String] = []
        for row in rows {
            var rest = Substring(row.key).utf8.dropFirst(prefix.utf8.count)
            if rest.first == UInt8(ascii: "/") { rest = rest.dropFirst() }
            if let slash = rest.firstIndex(of: UInt8(ascii: "/")) { rest = rest[..<slash] }
            guard !rest.isEmpty else { continue }
            names.append(String(decoding: rest, as: UTF8.self))
        }
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var unique: [String] = []
        for name in names where !(unique.last.map { $0.utf8.elementsEqual(name.utf8) } ?? false) {
            unique.append(name)
        }
        return unique
    }

    /// Full keys and values of the tree at `prefix` (`family` or
    /// `family/keytree`; leading/trailing `/` ignored; empty for everything),
    /// ordered by key — what `database show [family[/keytree]]` prints.
    public func entries(prefix: String) -> [(key: String, value: String)] {
        let trimmed = Self.trimmingSlashes(prefix)
        return treeRows(prefix: trimmed.isEmpty ? "" : "/" + trimmed)
    }

    // MARK: - Internals

    /// The journal mode in effect ("wal" for file databases).
    var journalMode: String? {
        lock.lock()
        defer { lock.unlock() }
        return memory != nil ? "memory" : connection?.journalMode()
    }

    private func treeRows(prefix: String) -> [(key: String, value: String)] {
        let rows = locked { (run: Run) throws(AstDBError) -> [[String?]] in
            prefix.isEmpty
                ? try run(.selectAll, [], 2, .read).rows
                : try run(.selectTree, [prefix], 2, .read).rows
        } ?? []
        // Rows with a NULL key or value are skipped, as `database show` does.
        return rows.compactMap { row in
            guard let key = row[0], let value = row[1] else { return nil }
            return (key: key, value: value)
        }
    }

    /// Runs `body` with the lock held; a failure is recorded and gives nil.
    private func locked<Result>(_ body: (Run) throws(AstDBError) -> Result) -> Result? {
        lock.lock()
        defer { lock.unlock() }
        do {
            return try body(execute)
        } catch {
            recordedError = error
            return nil
        }
    }

    /// Runs one statement on whichever store this database has; the caller holds `lock`.
    private func execute(_ statement: AstDBConnection.Statement, _ bindings: [String], _ columns: Int32,
                         _ operation: AstDBConnection.Operation) throws(AstDBError) -> (rows: [[String?]], changes: Int) {
        if memory != nil {
            // Moved out and back so the dictionary is never shared while it changes.
            var table = memory.take() ?? AstDBMemoryTable()
            let result = table.run(statement, bindings)
            memory = table
            return result
        }
        if let result = try connection?.run(statement, bindings, columns: columns, operation: operation) { return result }
        return ([], 0)
    }

    static func fullKey(_ family: String, _ key: String) -> String {
        "/" + family + "/" + key
    }

    static func trimmingSlashes(_ text: String) -> String {
        var slice = Substring(text)
        while slice.hasPrefix("/") { slice = slice.dropFirst() }
        while slice.hasSuffix("/") { slice = slice.dropLast() }
        return String(slice)
    }
}
