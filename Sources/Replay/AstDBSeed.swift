import Engine
import Synchronization

/// A scenario's `astdb` lines put into an in-memory AstDB once: every call of every replay of the scenario gets
/// a copy-on-write copy of it instead of putting each entry again.
final class AstDBSeed: Sendable {
    private let seeded = Mutex<AstDB?>(nil)

    /// A fresh database holding `entries` (the ones this seed belongs to).
    func database(_ entries: [(family: String, key: String, value: String)]) -> AstDB {
        let base = seeded.withLock { stored in
            if let stored { return stored }
            let db = AstDB.memory()
            for entry in entries { try? db.put(family: entry.family, key: entry.key, value: entry.value) }
            stored = db
            return db
        }
        return base.memoryCopy() ?? base
    }
}
