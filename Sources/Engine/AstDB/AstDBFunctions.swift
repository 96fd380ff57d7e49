/// What a DB dialplan function produced, for the interpreter to apply.
public struct AstDBFunctionResult: Sendable, Equatable {
    /// The function's text (what `${DB(...)}` expands to). Empty on failure.
    public var value: String
    /// Whether the entry existed (DB, DB_EXISTS, DB_DELETE) or the write
    /// succeeded (DB write).
    public var found: Bool
    /// When non-nil, set the channel variable `DB_RESULT` to this; when nil,
    /// leave `DB_RESULT` untouched (Asterisk only sets it in some cases).
    public var dbResult: String?
    /// Asterisk's LOG_WARNING text for this call, if it would log one.
    public var warning: String?
    /// True when Asterisk's function returns -1 (bad argument): the read
    /// fails and expands to the empty string.
    public var failed: Bool

    public init(value: String, found: Bool, dbResult: String? = nil, warning: String? = nil, failed: Bool = false) {
        self.value = value
        self.found = found
        self.dbResult = dbResult
        self.warning = warning
        self.failed = failed
    }

    static func failure(_ warning: String) -> AstDBFunctionResult {
        AstDBFunctionResult(value: "", found: false, dbResult: nil, warning: warning, failed: true)
    }
}

/// The logic of Asterisk's `funcs/func_db.c` (DB, DB_EXISTS, DB_DELETE,
/// DB_KEYS) and `apps/app_db.c` (DBdeltree), independent of the channel: the
/// caller sets `DB_RESULT` from the returned `dbResult`.
///
/// Argument parsing follows Asterisk: `family/key` is split at the FIRST `/`
/// that is not inside parentheses, brackets or double quotes; in the family
/// part double quotes are removed and a backslash makes the next character
/// literal; the key is the rest, verbatim, and may contain `/`. Since both
/// halves are joined back as `/family/key`, `DB(bank/accounts/42)` reaches the
/// same entry as family `bank/accounts`, key `42`. An argument without any
/// separator is an error.
public enum AstDBFunctions {
    /// `${DB(family/key)}`: the value, or "" when missing. Sets DB_RESULT only
    /// when the entry exists.
    public static func read(argument: String, db: AstDB) -> AstDBFunctionResult {
        guard let (family, key) = splitFamilyKey(argument) else {
            return .failure("DB requires an argument, DB(<family>/<key>)")
        }
        guard let value = db.get(family: family, key: key) else {
            return AstDBFunctionResult(value: "", found: false)
        }
        return AstDBFunctionResult(value: value, found: true, dbResult: value)
    }

    /// `Set(DB(family/key)=value)`. Asterisk logs a warning when the write
    /// fails but the assignment itself still succeeds (`failed` stays false).
    public static func write(argument: String, value: String, db: AstDB) -> AstDBFunctionResult {
        guard let (family, key) = splitFamilyKey(argument) else {
            return .failure("DB requires an argument, DB(<family>/<key>)=value")
        }
        do {
            try db.put(family: family, key: key, value: value)
            return AstDBFunctionResult(value: "", found: true)
        } catch {
            return AstDBFunctionResult(value: "", found: false,
                                       warning: "DB: Error writing value to database. (\(error))")
        }
    }

    /// `${DB_EXISTS(family/key)}`: "1" or "0". Sets DB_RESULT to the value when
    /// the entry exists.
    public static func exists(argument: String, db: AstDB) -> AstDBFunctionResult {
        guard let (family, key) = splitFamilyKey(argument) else {
            return .failure("DB_EXISTS requires an argument, DB_EXISTS(<family>/<key>)")
        }
        guard let value = db.get(family: family, key: key) else {
            return AstDBFunctionResult(value: "0", found: false)
        }
        return AstDBFunctionResult(value: "1", found: true, dbResult: value)
    }

    /// `${DB_DELETE(family/key)}` (also `Set(DB_DELETE(family/key)=ignored)`):
    /// returns the value and removes the entry. DB_RESULT is always set — to
    /// the value, or "" when the entry did not exist.
    public static func delete(argument: String, db: AstDB) -> AstDBFunctionResult {
        guard let (family, key) = splitFamilyKey(argument) else {
            return .failure("DB_DELETE requires an argument, DB_DELETE(<family>/<key>)")
        }
        guard let value = db.take(family: family, key: key) else {
            return AstDBFunctionResult(value: "", found: false, dbResult: "")
        }
        return AstDBFunctionResult(value: value, found: true, dbResult: value)
    }

    /// `${DB_KEYS(prefix)}`: the names one level below `prefix`, comma-joined,
    /// with `\` and `,` inside a name escaped by a backslash (as
    /// `ast_str_append_escapecommas`). Leading/trailing `/` are ignored; an
    /// empty prefix lists the top-level families. DB_KEYS sets no DB_RESULT.
    public static func keys(argument: String, db: AstDB) -> String {
        db.keys(family: argument).map(escapeCommas).joined(separator: ",")
    }

    /// `DBdeltree(family[/keytree])` (apps/app_db.c): split at the first `/`,
    /// no quote processing. Returns the number of entries removed. An empty
    /// family removes nothing (Asterisk would delete the whole database).
    @discardableResult
    public static func deleteTree(argument: String, db: AstDB) -> Int {
        let (family, keyTree): (String, String?)
        if let slash = argument.firstIndex(of: "/") {
            family = String(argument[..<slash])
            let rest = String(argument[argument.index(after: slash)...])
            keyTree = rest.isEmpty ? nil : rest
        } else {
            family = argument
            keyTree = nil
        }
        return db.deleteTree(family: family, keyPrefix: keyTree)
    }

    // MARK: - Parsing

    /// `AST_NONSTANDARD_APP_ARGS(args, parse, '/')` with two arguments
    /// (`__ast_app_separate_args`, remove_chars = 1). nil when Asterisk's
    /// `argc < 2` (empty argument or no separator).
    static func splitFamilyKey(_ argument: String) -> (family: String, key: String)? {
        let bytes = Array(argument.utf8)
        guard !bytes.isEmpty else { return nil }
        var family: [UInt8] = []
        var paren = 0, bracket = 0
        var quoted = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("):
                paren += 1
            case UInt8(ascii: ")"):
                if paren > 0 { paren -= 1 }
            case UInt8(ascii: "["):
                bracket += 1
            case UInt8(ascii: "]"):
                if bracket > 0 { bracket -= 1 }
            case UInt8(ascii: "\""):
                quoted.toggle()
                index += 1
                continue  // the quote character is removed
            case UInt8(ascii: "\\"):
                // The backslash is removed and the next character taken literally.
                index += 1
                if index < bytes.count { family.append(bytes[index]) }
                index += 1
                continue
            case UInt8(ascii: "/") where paren == 0 && bracket == 0 && !quoted:
                let key = bytes[(index + 1)...]
                return (String(decoding: family, as: UTF8.self), String(decoding: key, as: UTF8.self))
            default:
                break
            }
            family.append(byte)
            index += 1
        }
        return nil
    }

    static func escapeCommas(_ name: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar == "," || scalar == "\\" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }
}
