import Foundation
import Testing
@testable import Engine

@Suite struct DatabaseFunctionsTests {
    func database() throws -> (AstDB, String) {
        let path = NSTemporaryDirectory() + "ivr-astdb-\(UUID().uuidString).sqlite"
        return (try AstDB(path: path), path)
    }

    @Test func valuesPersistAcrossCallsAndEngines() throws {
        let (db, path) = try database()
        var config = EngineConfiguration()
        config.astdb = db
        let first = runCall("""
        [default]
        exten => s,1,Set(DB(bank/balance/42)=1250)
         same => n,Set(DB(bank/owner/42)=Ada)
        """, configuration: config)
        #expect(first.failure == nil)
        // A second engine with its own handle on the same file, as after a restart.
        var again = EngineConfiguration()
        again.astdb = try AstDB(path: path)
        let second = runCall("""
        [default]
        exten => s,1,Verbose(1,${DB(bank/balance/42)} ${DB_RESULT} ${DB_EXISTS(bank/owner/42)} ${DB_EXISTS(bank/owner/7)})
         same => n,Verbose(1,keys=${DB_KEYS(bank)} deleted=${DB_DELETE(bank/owner/42)} now=${DB_EXISTS(bank/owner/42)})
        """, configuration: again)
        #expect(second.verbose == ["1250 1250 1 0", "keys=balance,owner deleted=Ada now=0"])
    }

    @Test func badArgumentsWarnAndGiveEmpty() throws {
        let (db, _) = try database()
        var config = EngineConfiguration()
        config.astdb = db
        let result = runCall("[default]\nexten => s,1,Verbose(1,[${DB(nokey)}])\n", configuration: config)
        #expect(result.verbose == ["[]"])
        #expect(!result.warnings.isEmpty)
    }

    @Test func withoutADatabaseTheFunctionsWarn() {
        let result = runCall("[default]\nexten => s,1,Verbose(1,[${DB(a/b)}])\n")
        #expect(result.verbose == ["[]"])
        #expect(result.warnings.contains { $0.contains("no AstDB") })
    }
}
