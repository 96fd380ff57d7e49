import Dialplan
import Foundation
import Testing
@testable import Engine

/// The in-memory AstDB answers every call exactly as the SQLite one does.
@Suite struct AstDBMemoryTableTests {
    @Test func randomOperationsMatchSQLite() throws {
        let sqlite = try AstDB(path: ":memory:")
        let memory = AstDB.memory()
        var generator = SeededGenerator(seed: 42)
        let families = ["bank", "bank/account", "bank/account/1", "bankx", "a", "a/b"]
        let keys = ["1", "2", "10", "1/pin", "1/tx1", "b", "b/c", "bc", "Ä"]
        func pick(_ list: [String]) -> String { list[Int.random(in: 0..<list.count, using: &generator)] }
        for step in 0..<3_000 {
            let family = pick(families), key = pick(keys)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0, 1:
                let value = String(Int.random(in: 0...99, using: &generator))
                try sqlite.put(family: family, key: key, value: value)
                try memory.put(family: family, key: key, value: value)
            case 2: #expect(sqlite.get(family: family, key: key) == memory.get(family: family, key: key), "step \(step)")
            case 3: #expect(sqlite.delete(family: family, key: key) == memory.delete(family: family, key: key), "step \(step)")
            case 4: #expect(sqlite.take(family: family, key: key) == memory.take(family: family, key: key), "step \(step)")
            case 5:
                let prefix = Bool.random(using: &generator) ? nil : pick(keys)
                #expect(sqlite.deleteTree(family: family, keyPrefix: prefix)
                        == memory.deleteTree(family: family, keyPrefix: prefix), "step \(step)")
            case 6: #expect(sqlite.keys(family: family) == memory.keys(family: family), "step \(step)")
            default:
                let left = sqlite.entries(prefix: family), right = memory.entries(prefix: family)
                #expect(left.map(\.key) == right.map(\.key) && left.map(\.value) == right.map(\.value), "step \(step)")
            }
        }
        let all = sqlite.entries(prefix: ""), mine = memory.entries(prefix: "")
        #expect(all.map(\.key) == mine.map(\.key))
        #expect(memory.path == ":memory:")
        #expect(memory.journalMode == "memory")
    }

    @Test func badNamesAreRejectedAlike() {
        let memory = AstDB.memory()
        #expect(throws: AstDBError.self) { try memory.put(family: "", key: "k", value: "v") }
        #expect(memory.get(family: "f", key: "") == nil)
        #expect(memory.deleteTree(family: "") == 0)
    }
}
