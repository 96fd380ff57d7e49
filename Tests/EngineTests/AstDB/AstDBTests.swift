import Foundation
import Testing
@testable import Engine

@Suite("AstDB family/key store")
struct AstDBTests {
    // MARK: - put / get / delete

    /// tests/test_db.c `put_get_del`: each row is put, read back, deleted.
    @Test func putGetDelVectorsFromAsteriskTestDB() throws {
        let db = try AstDB(path: ":memory:")
        // The longest key Asterisk accepts with family "astdbtest" (244 bytes).
        let longValue = String(repeating: "x", count: 244)
        let inputs: [(String, String, String)] = [
            ("family", "key", "value"),
            ("astdbtest", "a", "b"),
            ("astdbtest", "a", "a"),
            ("astdbtest", "b", "a"),
            ("astdbtest", "b", "b"),
            ("astdbtest", "b", "!@#$%^&*()|+-<>?"),
            ("astdbtest", longValue, "b"),
            ("astdbtest", "b", longValue),
            ("astdbtest", "!@#$%^&*()|+-<>?", "b"),
        ]
        for (family, key, value) in inputs {
            try db.put(family: family, key: key, value: value)
            #expect(db.get(family: family, key: key) == value, "\(family)/\(key)")
            #expect(db.delete(family: family, key: key), "\(family)/\(key)")
            #expect(db.get(family: family, key: key) == nil)
        }
        #expect(db.entries(prefix: "").isEmpty)
    }

    @Test func putReplacesAndEmptyValueIsAValue() throws {
        let db = try AstDB(path: ":memory:")
        #expect(db.get(family: "cfg", key: "greeting") == nil)
        try db.put(family: "cfg", key: "greeting", value: "hello")
        try db.put(family: "cfg", key: "greeting", value: "welcome")
        #expect(db.get(family: "cfg", key: "greeting") == "welcome")
        try db.put(family: "cfg", key: "empty", value: "")
        #expect(db.get(family: "cfg", key: "empty") == "")
        #expect(db.entries(prefix: "cfg").map(\.key) == ["/cfg/empty", "/cfg/greeting"])
    }

    @Test func unicodeAndSQLMetacharactersRoundTrip() throws {
        let db = try AstDB(path: ":memory:")
        let samples = ["O'Brien", "50% off_now", "naïve — 東京", "a\"b;--", "tab\there"]
        for (index, sample) in samples.enumerated() {
            try db.put(family: "fam", key: sample, value: "v\(index)" + sample)
        }
        for (index, sample) in samples.enumerated() {
            #expect(db.get(family: "fam", key: sample) == "v\(index)" + sample)
        }
        // '%' and '_' are literal: no LIKE wildcard matching.
        #expect(db.get(family: "fam", key: "50x off_now") == nil)
        #expect(db.get(family: "fam", key: "o'brien") == nil, "keys are case-sensitive")
    }

    @Test func emptyNamesAreRejected() throws {
        let db = try AstDB(path: ":memory:")
        #expect(throws: AstDBError.badName(family: "", key: "k")) {
            try db.put(family: "", key: "k", value: "v")
        }
        #expect(throws: AstDBError.badName(family: "f", key: "")) {
            try db.put(family: "f", key: "", value: "v")
        }
        #expect(db.get(family: "", key: "k") == nil)
        #expect(db.get(family: "f", key: "") == nil)
        #expect(db.delete(family: "", key: "k") == false)
        #expect(db.delete(family: "f", key: "") == false)
        #expect(db.take(family: "", key: "k") == nil)
        #expect(db.entries(prefix: "").isEmpty, "nothing was written")
    }

    @Test func deleteReportsWhetherTheKeyExisted() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "f", key: "k", value: "v")
        try db.put(family: "f", key: "other", value: "w")
        #expect(db.delete(family: "f", key: "k"))
        #expect(db.delete(family: "f", key: "k") == false)
        #expect(db.delete(family: "nope", key: "k") == false)
        #expect(db.get(family: "f", key: "other") == "w")
    }

    @Test func takeReturnsTheValueAndRemovesIt() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "f", key: "k", value: "v")
        #expect(db.take(family: "f", key: "k") == "v")
        #expect(db.get(family: "f", key: "k") == nil)
        #expect(db.take(family: "f", key: "k") == nil)
    }

    // MARK: - Nested families

    @Test func familiesMayContainSlashes() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "bank/accounts", key: "42", value: "100.00")
        // Stored as /bank/accounts/42, reachable through either split.
        #expect(db.get(family: "bank", key: "accounts/42") == "100.00")
        #expect(db.get(family: "bank/accounts", key: "42") == "100.00")
        #expect(db.entries(prefix: "").map(\.key) == ["/bank/accounts/42"])
        #expect(db.keys(family: "bank") == ["accounts"])
        #expect(db.keys(family: "bank/accounts") == ["42"])
    }

    // MARK: - keys (DB_KEYS)

    @Test func keysListTheNextLevelSortedAndUnique() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "a", key: "b", value: "1")
        try db.put(family: "a", key: "c/d", value: "2")
        try db.put(family: "a/c", key: "e", value: "3")
        try db.put(family: "a", key: "C", value: "4")
        try db.put(family: "ab", key: "x", value: "5")  // sibling family, not under "a"
        try db.put(family: "z", key: "y", value: "6")
        #expect(db.keys(family: "a") == ["C", "b", "c"])
        #expect(db.keys(family: "a/c") == ["d", "e"])
        #expect(db.keys(family: "ab") == ["x"])
        #expect(db.keys(family: "missing").isEmpty)
        #expect(db.keys(family: "a/c/d").isEmpty, "a leaf has no keys below it")
    }

    @Test func keysIgnoreLeadingAndTrailingSlashes() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "a", key: "b", value: "1")
        try db.put(family: "a/c", key: "d", value: "2")
        for spelling in ["a", "a/", "/a", "//a//"] {
            #expect(db.keys(family: spelling) == ["b", "c"], "\(spelling)")
        }
        #expect(db.keys(family: "/a/c/") == ["d"])
    }

    @Test func keysOfEmptyFamilyListTopLevelFamilies() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "zeta", key: "1", value: "")
        try db.put(family: "alpha/beta", key: "2", value: "")
        try db.put(family: "alpha", key: "3", value: "")
        #expect(db.keys(family: "") == ["alpha", "zeta"])
        #expect(db.keys(family: "/") == ["alpha", "zeta"])
    }

    @Test func keysSortBytewiseEvenAcrossPunctuation() throws {
        // In key order "/a/b-c" sorts before "/a/b/x" ('-' < '/'); the
        // component list is still sorted and unique.
        let db = try AstDB(path: ":memory:")
        try db.put(family: "a", key: "b", value: "")
        try db.put(family: "a", key: "b-c", value: "")
        try db.put(family: "a", key: "b/x", value: "")
        #expect(db.keys(family: "a") == ["b", "b-c"])
    }

    // MARK: - deleteTree / entries (database show)

    /// tests/test_db.c `gettree_deltree`.
    @Test func gettreeDeltreeVectorsFromAsteriskTestDB() throws {
        let db = try AstDB(path: ":memory:")
        let inputs: [(String, String, String)] = [
            ("astdbtest/one", "one", "blah"),
            ("astdbtest/one", "two", "bling"),
            ("astdbtest/one", "three", "blast"),
            ("astdbtest/two", "one", "blah"),
            ("astdbtest/two", "two", "bling"),
            ("astdbtest/two", "three", "blast"),
        ]
        for (family, key, value) in inputs {
            try db.put(family: family, key: key, value: value)
        }
        let all = db.entries(prefix: "astdbtest")
        #expect(all.count == inputs.count)
        for (family, key, value) in inputs {
            #expect(all.contains { $0.key == "/\(family)/\(key)" && $0.value == value })
        }
        let one = db.entries(prefix: "astdbtest/one")
        #expect(one.count == 3)
        #expect(one.allSatisfy { $0.key.hasPrefix("/astdbtest/one/") })
        #expect(db.deleteTree(family: "astdbtest", keyPrefix: "two") == 3)
        #expect(db.deleteTree(family: "astdbtest") == 3)
        #expect(db.entries(prefix: "").isEmpty)
    }

    @Test func deleteTreeRemovesWholePathsOnly() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "a", key: "b", value: "1")
        try db.put(family: "a", key: "b/c", value: "2")
        try db.put(family: "a/b/c", key: "d", value: "3")
        try db.put(family: "a", key: "bc", value: "4")     // not in tree a/b
        try db.put(family: "a", key: "b-c", value: "5")    // not in tree a/b ('-' < '/')
        try db.put(family: "a", key: "b0", value: "6")     // not in tree a/b ('0' is right after '/')
        try db.put(family: "ab", key: "x", value: "7")     // not in tree a
        try db.put(family: "a0", key: "x", value: "8")     // not in tree a
        #expect(db.deleteTree(family: "a", keyPrefix: "b") == 3)
        #expect(db.entries(prefix: "").map(\.key) == ["/a/b-c", "/a/b0", "/a/bc", "/a0/x", "/ab/x"])
        #expect(db.entries(prefix: "a").map(\.key) == ["/a/b-c", "/a/b0", "/a/bc"])
        #expect(db.keys(family: "a") == ["b-c", "b0", "bc"])
        #expect(db.deleteTree(family: "a", keyPrefix: "") == 3, "an empty key prefix means the whole family")
        #expect(db.entries(prefix: "").map(\.key) == ["/a0/x", "/ab/x"])
        #expect(db.deleteTree(family: "a") == 0)
    }

    @Test func deleteTreeIsExactNotLikePattern() throws {
        // Asterisk's deltree uses LIKE, so "a_b" would also match "/axb/..." and
        // "A" would match "/a/...". This store matches exactly.
        let db = try AstDB(path: ":memory:")
        try db.put(family: "axb", key: "k", value: "1")
        try db.put(family: "a", key: "k", value: "2")
        try db.put(family: "a_b", key: "k", value: "3")
        #expect(db.deleteTree(family: "a_b") == 1)
        #expect(db.deleteTree(family: "A") == 0)
        #expect(db.entries(prefix: "").map(\.key) == ["/a/k", "/axb/k"])
    }

    @Test func deleteTreeWithEmptyFamilyRemovesNothing() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "a", key: "b", value: "1")
        #expect(db.deleteTree(family: "") == 0)
        #expect(db.get(family: "a", key: "b") == "1")
    }

    @Test func entriesAreOrderedWithFullKeys() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "cid", key: "5551234", value: "Alice")
        try db.put(family: "blacklist", key: "5559999", value: "1")
        try db.put(family: "cid", key: "5550000", value: "Bob")
        let all = db.entries(prefix: "")
        #expect(all.map(\.key) == ["/blacklist/5559999", "/cid/5550000", "/cid/5551234"])
        #expect(all.map(\.value) == ["1", "Bob", "Alice"])
        #expect(db.entries(prefix: "/cid/").map(\.value) == ["Bob", "Alice"])
        #expect(db.entries(prefix: "cid/5551234").map(\.value) == ["Alice"])
        #expect(db.entries(prefix: "ci").isEmpty, "a prefix is a path, not a string prefix")
    }
}
