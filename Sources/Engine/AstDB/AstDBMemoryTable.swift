/// The AstDB's `astdb(key, value)` table held in memory: the same statements as ``AstDBConnection`` on a
/// dictionary, for databases that live only as long as their process (test runs, scenario replays) and must
/// start fast. Key order is SQLite's default (bytewise), so listings match the SQLite store exactly.
struct AstDBMemoryTable {
    private var table: [String: String] = [:]

    /// Runs `statement` as ``AstDBConnection/run(_:_:columns:operation:)`` does; it cannot fail.
    mutating func run(_ statement: AstDBConnection.Statement, _ bindings: [String]) -> (rows: [[String?]], changes: Int) {
        let key = bindings.first ?? ""
        switch statement {
        case .put:
            table[key] = bindings.count > 1 ? bindings[1] : ""
            return ([], 1)
        case .get:
            return (table[key].map { [[$0]] } ?? [], 0)
        case .delete:
            return ([], table.removeValue(forKey: key) == nil ? 0 : 1)
        case .take:
            return (table.removeValue(forKey: key).map { [[$0]] } ?? [], 0)
        case .deleteTree:
            let doomed = table.keys.filter { Self.isInTree($0, key) }
            for name in doomed { table.removeValue(forKey: name) }
            return ([], doomed.count)
        case .selectTree:
            return (sortedRows(table.filter { Self.isInTree($0.key, key) }), 0)
        case .selectAll:
            return (sortedRows(table), 0)
        }
    }

    /// The key equal to `prefix` or below `prefix/` (the SQL statements' range).
    private static func isInTree(_ key: String, _ prefix: String) -> Bool {
        let keyBytes = key.utf8
        let prefixBytes = prefix.utf8
        guard keyBytes.starts(with: prefixBytes) else { return false }
        let rest = keyBytes.dropFirst(prefixBytes.count)
        return rest.isEmpty || rest.first == UInt8(ascii: "/")
    }

    private func sortedRows(_ entries: [String: String]) -> [[String?]] {
        entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { [$0.key, $0.value] }
    }
}
