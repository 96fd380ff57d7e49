import CSQLite
import Foundation
import Testing
@testable import Engine

/// Opens a raw SQLite connection for setting up files and holding locks.
private final class RawSQLite: @unchecked Sendable {
    private var db: OpaquePointer?

    init(_ path: String) throws {
        guard sqlite3_open(path, &db) == SQLITE_OK else {
            sqlite3_close(db)
            throw RawError.failed("open \(path)")
        }
    }

    deinit { sqlite3_close(db) }

    func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw RawError.failed("\(sql): \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    enum RawError: Error { case failed(String) }
}

@Suite("AstDB files, persistence and concurrency")
struct AstDBFileTests {
    // MARK: - Persistence

    @Test func valuesPersistAcrossInstances() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("astdb.sqlite3")
        #expect(!FileManager.default.fileExists(atPath: path))
        do {
            let db = try AstDB(path: path)
            try db.put(family: "cidname", key: "5551234", value: "Alice")
            try db.put(family: "bank/accounts", key: "42", value: "100.00")
            try db.put(family: "tmp", key: "gone", value: "x")
            #expect(db.delete(family: "tmp", key: "gone"))
            #expect(db.journalMode == "wal")
        }
        #expect(FileManager.default.fileExists(atPath: path), "the file is created on open")
        let reopened = try AstDB(path: path)
        #expect(reopened.get(family: "cidname", key: "5551234") == "Alice")
        #expect(reopened.get(family: "bank", key: "accounts/42") == "100.00")
        #expect(reopened.get(family: "tmp", key: "gone") == nil)
        #expect(reopened.journalMode == "wal", "WAL is persistent in the file")
    }

    @Test func twoLiveInstancesSeeEachOthersWrites() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("shared.sqlite3")
        let first = try AstDB(path: path)
        let second = try AstDB(path: path)
        try first.put(family: "f", key: "k", value: "from first")
        #expect(second.get(family: "f", key: "k") == "from first")
        #expect(second.delete(family: "f", key: "k"))
        #expect(first.get(family: "f", key: "k") == nil)
    }

    @Test func readsAFileWrittenWithAsterisksOwnSchema() throws {
        // main/db.c creates: astdb(key VARCHAR(256), value VARCHAR(256), PRIMARY KEY(key))
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("astdb.sqlite3")
        do {
            let raw = try RawSQLite(path)
            try raw.exec("CREATE TABLE astdb(key VARCHAR(256), value VARCHAR(256), PRIMARY KEY(key))")
            try raw.exec("INSERT INTO astdb VALUES ('/SIP/Registry/alice', '1.2.3.4:5060'), ('/dundi/cache/x', 'y')")
        }
        let db = try AstDB(path: path)
        #expect(db.get(family: "SIP/Registry", key: "alice") == "1.2.3.4:5060")
        #expect(db.keys(family: "") == ["SIP", "dundi"])
        try db.put(family: "dundi/cache", key: "z", value: "w")
        #expect(db.deleteTree(family: "dundi") == 2)
    }

    // MARK: - Concurrency

    @Test func twoInstancesWritingConcurrentlyFromTwoThreads() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("concurrent.sqlite3")
        let perThread = 300
        let failures = AstDBLockedBox<[String]>([])
        // Each thread opens its own instance (as two calls/processes would) on a
        // file that does not exist yet, then writes, reads and deletes.
        astDBRunOnThreads(2) { thread in
            do {
                let db = try AstDB(path: path)
                for index in 0..<perThread {
                    try db.put(family: "calls/t\(thread)", key: "\(index)", value: "value-\(thread)-\(index)")
                    try db.put(family: "shared", key: "counter", value: "\(thread):\(index)")
                    if db.get(family: "calls/t\(thread)", key: "\(index)") != "value-\(thread)-\(index)" {
                        failures.update { $0.append("thread \(thread) lost its own write \(index)") }
                    }
                    if index % 10 == 0, !db.delete(family: "calls/t\(thread)", key: "\(index)") {
                        failures.update { $0.append("thread \(thread) could not delete \(index)") }
                    }
                }
                if let error = db.lastError {
                    failures.update { $0.append("thread \(thread): \(error)") }
                }
            } catch {
                failures.update { $0.append("thread \(thread): \(error)") }
            }
        }
        #expect(failures.current.isEmpty, "\(failures.current)")

        let check = try AstDB(path: path)
        for thread in 0..<2 {
            let keys = check.keys(family: "calls/t\(thread)")
            #expect(keys.count == perThread - perThread / 10, "thread \(thread)")
            #expect(check.get(family: "calls/t\(thread)", key: "299") == "value-\(thread)-299")
            #expect(check.get(family: "calls/t\(thread)", key: "10") == nil)
        }
        let counter = try #require(check.get(family: "shared", key: "counter"))
        #expect(counter == "0:299" || counter == "1:299")
        #expect(check.entries(prefix: "").count == 2 * (perThread - perThread / 10) + 1)
    }

    @Test func manyInstancesOpeningANewFileAtOnce() throws {
        // Creating the table and switching to WAL race when several calls open
        // a fresh file together; none of them may fail with "database is locked".
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let failures = AstDBLockedBox<[String]>([])
        for round in 0..<20 {
            let path = dir.path("fresh-\(round).sqlite3")
            astDBRunOnThreads(4) { thread in
                do {
                    let db = try AstDB(path: path)
                    try db.put(family: "opened", key: "\(thread)", value: "\(round)")
                } catch {
                    failures.update { $0.append("round \(round) thread \(thread): \(error)") }
                }
            }
            let db = try AstDB(path: path)
            #expect(db.keys(family: "opened") == ["0", "1", "2", "3"], "round \(round)")
            #expect(db.journalMode == "wal")
        }
        #expect(failures.current.isEmpty, "\(failures.current)")
    }

    @Test func oneInstanceSharedAcrossTasks() async throws {
        let db = try AstDB(path: ":memory:")
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<50 {
                        try? db.put(family: "task\(task)", key: "\(index)", value: "\(task * 1000 + index)")
                    }
                }
            }
        }
        #expect(db.keys(family: "").count == 8)
        #expect(db.entries(prefix: "").count == 400)
        #expect(db.get(family: "task7", key: "49") == "7049")
    }

    @Test func busyTimeoutWaitsForAnotherConnectionsLock() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("busy.sqlite3")
        let patient = try AstDB(path: path, busyTimeoutMilliseconds: 5000)
        let impatient = try AstDB(path: path, busyTimeoutMilliseconds: 0)
        let holder = try RawSQLite(path)
        try holder.exec("BEGIN IMMEDIATE")  // takes the write lock

        // Without a busy timeout the write fails at once, naming the file.
        do {
            try impatient.put(family: "f", key: "k", value: "v")
            Issue.record("expected the write to fail while the lock is held")
        } catch {
            guard case .writeFailed(let errorPath, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(message.contains("locked"), "\(message)")
            #expect(impatient.lastError == error)
        }

        // With the busy timeout the write waits until the lock is released.
        let released = AstDBLockedBox(false)
        let releaser = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            released.update { $0 = true }
            try? holder.exec("COMMIT")
        }
        let started = Date()
        releaser.start()
        try patient.put(family: "f", key: "k", value: "v")
        #expect(released.current, "the put completed only after the lock was released")
        #expect(Date().timeIntervalSince(started) >= 0.25)
        #expect(impatient.get(family: "f", key: "k") == "v")
    }

    // MARK: - Bad files

    @Test func aNonSQLiteFileIsNotADatabase() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("extensions.conf")
        let text = String(repeating: "[default]\nexten => s,1,Answer()\n", count: 40)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try AstDB(path: path)
            Issue.record("expected opening a text file to fail")
        } catch {
            guard case .notADatabase(let errorPath, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(!message.isEmpty)
            #expect(error.description.contains(path))
        }
        // The file was not modified.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func aDirectoryCannotBeOpened() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.url.path
        do {
            _ = try AstDB(path: path)
            Issue.record("expected opening a directory to fail")
        } catch {
            guard case .cannotOpen(let errorPath, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(error.description.contains(path))
        }
    }

    @Test func aMissingParentDirectoryCannotBeOpened() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("no/such/dir/astdb.sqlite3")
        #expect(throws: AstDBError.self) { try AstDB(path: path) }
        do {
            _ = try AstDB(path: path)
        } catch {
            #expect(error.path == path)
            #expect(error.description.contains(path))
            if case .cannotOpen = error {} else { Issue.record("unexpected error \(error)") }
        }
    }

    /// Writes a multi-page database, then keeps only its first `length` bytes
    /// (half of it when `length` is nil).
    private func makeTruncatedDatabase(in dir: AstDBTemporaryDirectory, keeping length: Int?) throws -> String {
        let path = dir.path("truncated.sqlite3")
        do {
            let db = try AstDB(path: path)
            for index in 0..<500 {
                try db.put(family: "big", key: "\(index)", value: String(repeating: "v", count: 200))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "closing checkpoints the WAL")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(data.count > 16 * 4096)
        try data.prefix(length ?? data.count / 2).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [60, 4096, nil] as [Int?])
    func aTruncatedDatabaseIsReportedAtOpen(keeping length: Int?) throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = try makeTruncatedDatabase(in: dir, keeping: length)
        do {
            _ = try AstDB(path: path)
            Issue.record("expected opening a truncated database to fail")
        } catch {
            #expect(error.path == path)
            #expect(error.description.contains(path))
            if case .notADatabase = error {} else { Issue.record("unexpected error \(error)") }
        }
    }

    @Test func aDamagedPageIsFoundByVerifyIntegrityOrByTheFailingRead() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = try makeTruncatedDatabase(in: dir, keeping: Int.max)  // keeps it all
        // Overwrite pages 5...8 (4 KiB pages) with garbage, keeping the file size.
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.replaceSubrange(4 * 4096..<8 * 4096, with: Data(repeating: 0xFF, count: 4 * 4096))
        try data.write(to: URL(fileURLWithPath: path))

        #expect {
            _ = try AstDB(path: path, verifyIntegrity: true)
        } throws: { error in
            guard let error = error as? AstDBError, case .notADatabase(let errorPath, let message) = error else {
                return false
            }
            return errorPath == path && message.contains("integrity check failed")
        }

        // Without verification the open succeeds; the read that meets the bad
        // page fails cleanly and records why.
        let db = try AstDB(path: path)
        #expect(db.lastError == nil)
        let rows = db.entries(prefix: "big")
        #expect(rows.count < 500)
        let error = try #require(db.lastError)
        #expect(error.path == path)
        if case .notADatabase = error {} else { Issue.record("unexpected error \(error)") }
    }

    @Test func anEmptyFileBecomesAnEmptyDatabase() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("empty.sqlite3")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let db = try AstDB(path: path)
        try db.put(family: "f", key: "k", value: "v")
        #expect(db.get(family: "f", key: "k") == "v")
    }

    @Test func aDatabaseWithAForeignAstdbTableIsIncompatible() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("other.sqlite3")
        do {
            let raw = try RawSQLite(path)
            try raw.exec("CREATE TABLE astdb(name TEXT, size INTEGER)")
        }
        do {
            _ = try AstDB(path: path)
            Issue.record("expected an incompatible schema error")
        } catch {
            guard case .incompatibleSchema(let errorPath, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(errorPath == path)
            #expect(message.contains("key") || message.contains("value"), "\(message)")
        }
    }

    @Test func readOnlyInstancesReadButRefuseWrites() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("ro.sqlite3")
        do {
            let db = try AstDB(path: path)
            try db.put(family: "f", key: "k", value: "v")
        }
        let readOnly = try AstDB(path: path, readOnly: true)
        #expect(readOnly.get(family: "f", key: "k") == "v")
        do {
            try readOnly.put(family: "f", key: "k", value: "changed")
            Issue.record("expected a read-only error")
        } catch {
            guard case .readOnly(let errorPath, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(errorPath == path)
        }
        #expect(readOnly.delete(family: "f", key: "k") == false)
        if case .readOnly? = readOnly.lastError {} else { Issue.record("lastError: \(String(describing: readOnly.lastError))") }
        #expect(readOnly.get(family: "f", key: "k") == "v")
    }

    @Test func readOnlyOnAMissingFileCannotOpen() throws {
        let dir = try AstDBTemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("missing.sqlite3")
        #expect(throws: AstDBError.cannotOpen(path: path, message: "unable to open database file")) {
            try AstDB(path: path, readOnly: true)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anEmptyPathIsRejected() {
        #expect(throws: AstDBError.cannotOpen(path: "", message: "empty database path")) {
            try AstDB(path: "")
        }
    }
}
