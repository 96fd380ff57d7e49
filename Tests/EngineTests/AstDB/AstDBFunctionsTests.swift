import Testing
@testable import Engine

@Suite("AstDB dialplan functions (func_db.c, app_db.c)")
struct AstDBFunctionsTests {
    // MARK: - Argument parsing (AST_NONSTANDARD_APP_ARGS with '/')

    @Test(arguments: [
        ("fam/key", "fam", "key"),
        ("a/b/c", "a", "b/c"),                 // split at the FIRST '/', the rest is the key
        ("fam/", "fam", ""),                   // trailing separator: an empty key
        ("/key", "", "key"),                   // leading separator: an empty family
        ("\"a/b\"/c", "a/b", "c"),             // quotes protect '/' and are removed
        ("a\\/b/c", "a/b", "c"),               // backslash makes '/' literal and is removed
        ("a(b/c)/d", "a(b/c)", "d"),           // '/' inside parentheses does not split
        ("a[b/c]/d", "a[b/c]", "d"),           // nor inside brackets
        ("a/\"k\\x\"", "a", "\"k\\x\""),       // the key part is taken verbatim
        ("cid/+1 (555) 123", "cid", "+1 (555) 123"),
    ])
    func splitsLikeAsterisk(argument: String, family: String, key: String) throws {
        let split = try #require(AstDBFunctions.splitFamilyKey(argument))
        #expect(split.family == family)
        #expect(split.key == key)
    }

    @Test(arguments: ["", "nofamilyseparator", "\"a/b\"", "a(b/c)"])
    func argumentsWithoutASeparatorAreRejected(argument: String) {
        #expect(AstDBFunctions.splitFamilyKey(argument) == nil)
    }

    // MARK: - DB()

    @Test func readFoundSetsDBResult() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "cidname", key: "5551234", value: "Alice")
        let result = AstDBFunctions.read(argument: "cidname/5551234", db: db)
        #expect(result == AstDBFunctionResult(value: "Alice", found: true, dbResult: "Alice"))
    }

    @Test func readMissingLeavesDBResultAlone() throws {
        let db = try AstDB(path: ":memory:")
        let result = AstDBFunctions.read(argument: "cidname/5550000", db: db)
        #expect(result.value == "")
        #expect(result.found == false)
        #expect(result.dbResult == nil)
        #expect(result.failed == false)
        #expect(result.warning == nil)
    }

    @Test func readWithoutSeparatorFails() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "cidname", key: "x", value: "y")
        let result = AstDBFunctions.read(argument: "cidname", db: db)
        #expect(result.failed)
        #expect(result.value == "")
        #expect(result.dbResult == nil)
        #expect(result.warning == "DB requires an argument, DB(<family>/<key>)")
        #expect(AstDBFunctions.read(argument: "", db: db).failed)
    }

    @Test func readReachesNestedFamilies() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "bank/accounts", key: "42", value: "100.00")
        #expect(AstDBFunctions.read(argument: "bank/accounts/42", db: db).value == "100.00")
        #expect(AstDBFunctions.read(argument: "bank/accounts", db: db).found == false)
    }

    @Test func readEmptyStoredValueIsFound() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "f", key: "k", value: "")
        #expect(AstDBFunctions.read(argument: "f/k", db: db) == AstDBFunctionResult(value: "", found: true, dbResult: ""))
    }

    @Test func writeStoresTheValue() throws {
        let db = try AstDB(path: ":memory:")
        let result = AstDBFunctions.write(argument: "blacklist/5559999", value: "1", db: db)
        #expect(result.found)
        #expect(result.failed == false)
        #expect(result.warning == nil)
        #expect(result.dbResult == nil, "writing does not touch DB_RESULT")
        #expect(db.get(family: "blacklist", key: "5559999") == "1")
        _ = AstDBFunctions.write(argument: "a/b/c", value: "deep", db: db)
        #expect(db.get(family: "a/b", key: "c") == "deep")
        _ = AstDBFunctions.write(argument: "\"x/y\"/z", value: "quoted", db: db)
        #expect(db.entries(prefix: "x").map(\.key) == ["/x/y/z"])
    }

    @Test func writeErrors() throws {
        let db = try AstDB(path: ":memory:")
        let noSeparator = AstDBFunctions.write(argument: "novalue", value: "1", db: db)
        #expect(noSeparator.failed)
        #expect(noSeparator.warning == "DB requires an argument, DB(<family>/<key>)=value")
        // An empty key parses, but the put is refused: a warning, as Asterisk
        // logs for a failed ast_db_put, yet the assignment itself does not fail.
        let emptyKey = AstDBFunctions.write(argument: "fam/", value: "1", db: db)
        #expect(emptyKey.failed == false)
        #expect(emptyKey.found == false)
        #expect(emptyKey.warning?.hasPrefix("DB: Error writing value to database.") == true)
        #expect(db.entries(prefix: "").isEmpty)
    }

    // MARK: - DB_EXISTS()

    @Test func existsReturnsOneOrZero() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "vip", key: "5551234", value: "gold")
        #expect(AstDBFunctions.exists(argument: "vip/5551234", db: db)
            == AstDBFunctionResult(value: "1", found: true, dbResult: "gold"))
        #expect(AstDBFunctions.exists(argument: "vip/5550000", db: db)
            == AstDBFunctionResult(value: "0", found: false, dbResult: nil))
        let bad = AstDBFunctions.exists(argument: "vip", db: db)
        #expect(bad.failed)
        #expect(bad.value == "")
    }

    // MARK: - DB_DELETE()

    @Test func deleteReturnsTheValueAndRemovesIt() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "queue", key: "next", value: "agent7")
        #expect(AstDBFunctions.delete(argument: "queue/next", db: db)
            == AstDBFunctionResult(value: "agent7", found: true, dbResult: "agent7"))
        #expect(db.get(family: "queue", key: "next") == nil)
    }

    @Test func deleteMissingSetsDBResultEmpty() throws {
        let db = try AstDB(path: ":memory:")
        let result = AstDBFunctions.delete(argument: "queue/next", db: db)
        #expect(result == AstDBFunctionResult(value: "", found: false, dbResult: ""))
        let bad = AstDBFunctions.delete(argument: "queue", db: db)
        #expect(bad.failed)
        #expect(bad.dbResult == nil, "a bad argument does not set DB_RESULT")
    }

    // MARK: - DB_KEYS()

    @Test func keysAreCommaJoined() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "a", key: "b", value: "1")
        try db.put(family: "a", key: "c/d", value: "2")
        try db.put(family: "a/c", key: "e", value: "3")
        try db.put(family: "z", key: "y", value: "4")
        #expect(AstDBFunctions.keys(argument: "a", db: db) == "b,c")
        #expect(AstDBFunctions.keys(argument: "a/", db: db) == "b,c")
        #expect(AstDBFunctions.keys(argument: "/a/c/", db: db) == "d,e")
        #expect(AstDBFunctions.keys(argument: "", db: db) == "a,z")
        #expect(AstDBFunctions.keys(argument: "missing", db: db) == "")
    }

    @Test func keysEscapeCommasAndBackslashes() throws {
        let db = try AstDB(path: ":memory:")
        try db.put(family: "names", key: "Smith, John", value: "1")
        try db.put(family: "names", key: "back\\slash", value: "2")
        #expect(AstDBFunctions.keys(argument: "names", db: db) == "Smith\\, John,back\\\\slash")
    }

    // MARK: - DBdeltree()

    @Test func deleteTreeApplication() throws {
        let db = try AstDB(path: ":memory:")
        for (family, key) in [("a", "b"), ("a", "b/c"), ("a", "bc"), ("a", "x"), ("ab", "y")] {
            try db.put(family: family, key: key, value: "v")
        }
        #expect(AstDBFunctions.deleteTree(argument: "a/b", db: db) == 2)
        #expect(AstDBFunctions.deleteTree(argument: "", db: db) == 0)
        #expect(AstDBFunctions.deleteTree(argument: "a/", db: db) == 2, "an empty keytree means the whole family")
        #expect(db.entries(prefix: "").map(\.key) == ["/ab/y"])
        #expect(AstDBFunctions.deleteTree(argument: "ab", db: db) == 1)
    }
}
