/// Errors raised by the AstDB. Every case that concerns the database file
/// carries the file's path and SQLite's own message, so a log line alone is
/// enough to find and diagnose the file.
public enum AstDBError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or created (missing directory, a directory
    /// instead of a file, no permission, ...).
    case cannotOpen(path: String, message: String)
    /// The file exists but is not an SQLite database, or is corrupt/truncated
    /// (SQLITE_NOTADB / SQLITE_CORRUPT).
    case notADatabase(path: String, message: String)
    /// The file is an SQLite database but its `astdb` table cannot be used
    /// (e.g. a table of that name without `key`/`value` columns).
    case incompatibleSchema(path: String, message: String)
    /// A query failed (I/O error, lock timeout, ...).
    case readFailed(path: String, message: String)
    /// A change failed (I/O error, lock timeout, disk full, ...).
    case writeFailed(path: String, message: String)
    /// A change was refused because the database is read-only.
    case readOnly(path: String, message: String)
    /// Family or key is empty; Asterisk requires both for get/put/delete.
    case badName(family: String, key: String)

    /// The database path the error is about (nil for `badName`).
    public var path: String? {
        switch self {
        case .cannotOpen(let path, _), .notADatabase(let path, _), .incompatibleSchema(let path, _),
             .readFailed(let path, _), .writeFailed(let path, _), .readOnly(let path, _):
            return path
        case .badName:
            return nil
        }
    }

    /// SQLite's message (or a short explanation for `badName`).
    public var message: String {
        switch self {
        case .cannotOpen(_, let message), .notADatabase(_, let message), .incompatibleSchema(_, let message),
             .readFailed(_, let message), .writeFailed(_, let message), .readOnly(_, let message):
            return message
        case .badName(let family, let key):
            return family.isEmpty
                ? "family must not be empty (key '\(key)')"
                : "key must not be empty (family '\(family)')"
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let message):
            return "AstDB: cannot open database '\(path)': \(message)"
        case .notADatabase(let path, let message):
            return "AstDB: '\(path)' is not a usable SQLite database (not a database or corrupt): \(message)"
        case .incompatibleSchema(let path, let message):
            return "AstDB: '\(path)' has an incompatible astdb table: \(message)"
        case .readFailed(let path, let message):
            return "AstDB: read from '\(path)' failed: \(message)"
        case .writeFailed(let path, let message):
            return "AstDB: write to '\(path)' failed: \(message)"
        case .readOnly(let path, let message):
            return "AstDB: '\(path)' is read-only: \(message)"
        case .badName:
            return "AstDB: bad name: \(message)"
        }
    }
}
