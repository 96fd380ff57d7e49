import CSQLite

/// The one owner of an `sqlite3*` handle and its cached prepared statements.
///
/// Non-copyable, so the raw pointers have exactly one owner and are released
/// exactly once (in `deinit`). No method hands a C pointer out: callers get
/// Swift strings and counts back. Not thread-safe by itself; `AstDB`
/// serialises every call.
struct AstDBConnection: ~Copyable {
    /// The statements the AstDB uses, prepared once (at open) and reused.
    enum Statement: CaseIterable {
        case put, get, delete, take, deleteTree, selectTree, selectAll

        var sql: String {
            switch self {
            // Same statement as Asterisk's main/db.c.
            case .put: return "INSERT OR REPLACE INTO astdb (key, value) VALUES (?1, ?2)"
            case .get: return "SELECT value FROM astdb WHERE key = ?1"
            case .delete: return "DELETE FROM astdb WHERE key = ?1"
            // Read-and-delete in one statement (DB_DELETE), atomic across processes.
            case .take: return "DELETE FROM astdb WHERE key = ?1 RETURNING value"
            // A tree is the key equal to the prefix plus every key below `prefix/`.
            // Keys in [prefix + "/", prefix + "0") are exactly those starting with
            // prefix + "/" ('0' is the byte after '/'), and the range uses the
            // primary-key index. Exact and case-sensitive, unlike Asterisk's LIKE.
            case .deleteTree:
                return "DELETE FROM astdb WHERE key = ?1 OR (key >= ?1 || '/' AND key < ?1 || '0')"
            case .selectTree:
                return "SELECT key, value FROM astdb WHERE key = ?1 OR (key >= ?1 || '/' AND key < ?1 || '0') ORDER BY key"
            case .selectAll:
                return "SELECT key, value FROM astdb ORDER BY key"
            }
        }
    }

    /// What a failing call was doing, to pick the error case.
    enum Operation { case open, read, write }

    let path: String
    private let db: OpaquePointer
    private var statements: [Statement: OpaquePointer] = [:]

    private init(path: String, db: OpaquePointer) {
        self.path = path
        self.db = db
    }

    deinit {
        for statement in statements.values {
            sqlite3_finalize(statement)
        }
        // close_v2 never fails with SQLITE_BUSY; everything is finalized anyway.
        sqlite3_close_v2(db)
    }

    /// Opens (creating when allowed) the database, switches it to WAL, sets the
    /// busy timeout, makes sure the `astdb` table exists and prepares every
    /// statement, so a bad file is reported here and not on first use.
    static func open(
        path: String, readOnly: Bool, busyTimeoutMilliseconds: Int32, verifyIntegrity: Bool
    ) throws(AstDBError) -> AstDBConnection {
        var handle: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let rc = sqlite3_open_v2(path, &handle, flags, nil)
        guard rc == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(handle)
            throw .cannotOpen(path: path, message: message)
        }
        // From here on the connection's deinit closes the handle if a step throws.
        var connection = AstDBConnection(path: path, db: handle)
        try connection.configure(
            readOnly: readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds, verifyIntegrity: verifyIntegrity)
        return connection
    }

    private mutating func configure(
        readOnly: Bool, busyTimeoutMilliseconds: Int32, verifyIntegrity: Bool
    ) throws(AstDBError) {
        let timeout = max(0, busyTimeoutMilliseconds)
        sqlite3_busy_timeout(db, timeout)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout))
        // Reading the schema is the first access to the file: a file that is not
        // SQLite fails here with SQLITE_NOTADB, a truncated one (shorter than
        // its header says) with SQLITE_CORRUPT.
        try exec("SELECT count(*) FROM sqlite_master", operation: .open, retryUntil: deadline)
        // A damaged page elsewhere in the file only shows when it is read;
        // quick_check reads every page (opt-in: cheap for an astdb-sized file).
        if verifyIntegrity {
            try quickCheck()
        }
        if !readOnly {
            // WAL lets readers and one writer work at once; other processes/calls
            // sharing the file wait for locks through the busy timeout.
            try exec("PRAGMA journal_mode=WAL", operation: .open, retryUntil: deadline)
            try exec("PRAGMA synchronous=NORMAL", operation: .open, retryUntil: deadline)
            try exec("CREATE TABLE IF NOT EXISTS astdb(key TEXT PRIMARY KEY, value TEXT)",
                     operation: .write, retryUntil: deadline)
        }
        for statement in Statement.allCases {
            _ = try prepared(statement)
        }
    }

    // MARK: - Running statements

    /// Runs a cached statement with text bindings; returns the rows (each with
    /// `columns` nullable text values) and the number of rows changed.
    mutating func run(
        _ statement: Statement,
        _ bindings: [String],
        columns: Int32 = 0,
        operation: Operation
    ) throws(AstDBError) -> (rows: [[String?]], changes: Int) {
        let stmt = try prepared(statement)
        defer {
            sqlite3_reset(stmt)
            sqlite3_clear_bindings(stmt)
        }
        for (offset, text) in bindings.enumerated() {
            let rc = text.withCString { sqlite3_bind_text(stmt, Int32(offset + 1), $0, -1, sqliteTransient) }
            guard rc == SQLITE_OK else { throw error(rc, operation: operation) }
        }
        var rows: [[String?]] = []
        while true {
            let rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw error(rc, operation: operation) }
            var row: [String?] = []
            row.reserveCapacity(Int(columns))
            for column in 0..<columns {
                row.append(Self.text(stmt, column))
            }
            rows.append(row)
        }
        let changes = operation == .write ? Int(sqlite3_changes(db)) : 0
        return (rows, changes)
    }

    /// The current journal mode ("wal" for file databases), for diagnostics/tests.
    mutating func journalMode() -> String? {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nil) == SQLITE_OK, let stmt else { return nil }
        defer { sqlite3_finalize(stmt) }
        guard sqlite3_step(stmt) == SQLITE_ROW else { return nil }
        return Self.text(stmt, 0)
    }

    // MARK: - Helpers

    private func quickCheck() throws(AstDBError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            sqlite3_finalize(stmt)
            throw error(rc, operation: .open)
        }
        defer { sqlite3_finalize(stmt) }
        let step = sqlite3_step(stmt)
        guard step == SQLITE_ROW else { throw error(step, operation: .open) }
        let verdict = Self.text(stmt, 0) ?? ""
        guard verdict == "ok" else {
            throw .notADatabase(path: path, message: "integrity check failed: \(verdict)")
        }
    }

    private mutating func prepared(_ statement: Statement) throws(AstDBError) -> OpaquePointer {
        if let cached = statements[statement] { return cached }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(db, statement.sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            sqlite3_finalize(stmt)
            // A prepare that fails on a readable file means the astdb table is
            // missing or shaped differently (e.g. no `value` column).
            if rc & 0xff == SQLITE_ERROR {
                throw .incompatibleSchema(path: path, message: String(cString: sqlite3_errmsg(db)))
            }
            throw error(rc, operation: .open)
        }
        statements[statement] = stmt
        return stmt
    }

    /// Runs setup SQL. Some setup steps (switching to WAL, creating the table)
    /// can get SQLITE_BUSY without SQLite calling the busy handler, when
    /// several connections open a new file at once (lock upgrade deadlock
    /// avoidance); those are retried here until `deadline`.
    private func exec(_ sql: String, operation: Operation, retryUntil deadline: ContinuousClock.Instant) throws(AstDBError) {
        while true {
            let rc = sqlite3_exec(db, sql, nil, nil, nil)
            if rc == SQLITE_OK { return }
            let primary = rc & 0xff
            guard primary == SQLITE_BUSY || primary == SQLITE_LOCKED, ContinuousClock.now < deadline else {
                throw error(rc, operation: operation)
            }
            sqlite3_sleep(5)
        }
    }

    /// Maps an SQLite result code to an `AstDBError`, with SQLite's message.
    private func error(_ rc: Int32, operation: Operation) -> AstDBError {
        var message = String(cString: sqlite3_errmsg(db))
        if message.isEmpty || message == "not an error" {
            message = String(cString: sqlite3_errstr(rc))
        }
        switch rc & 0xff {
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return .notADatabase(path: path, message: message)
        case SQLITE_READONLY:
            return .readOnly(path: path, message: message)
        case SQLITE_CANTOPEN:
            return .cannotOpen(path: path, message: message)
        default:
            switch operation {
            case .open: return .cannotOpen(path: path, message: message)
            case .read: return .readFailed(path: path, message: message)
            case .write: return .writeFailed(path: path, message: message)
            }
        }
    }

    private static func text(_ stmt: OpaquePointer, _ column: Int32) -> String? {
        guard sqlite3_column_type(stmt, column) != SQLITE_NULL,
              let bytes = sqlite3_column_text(stmt, column) else { return nil }
        let count = Int(sqlite3_column_bytes(stmt, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
}

/// SQLITE_TRANSIENT (a macro Swift does not import): SQLite copies the bound text.
private var sqliteTransient: sqlite3_destructor_type {
    unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)
}
