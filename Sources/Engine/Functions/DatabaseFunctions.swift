import Dialplan

/// The AstDB functions (`funcs/func_db.c`): DB, DB_EXISTS, DB_DELETE, DB_KEYS, with DB_RESULT set as Asterisk does.
enum DatabaseFunctions {
    static let all: [DialplanFunction] = [database, exists, delete, keys]

    static func database(_ context: any EvaluationContext, _ name: String) throws(FunctionError) -> (Call, AstDB) {
        let call = try ChannelFunctions.call(context, name)
        guard let db = call.configuration.astdb else { throw .failed(function: name, reason: "no AstDB is configured") }
        return (call, db)
    }

    /// Applies a function result to the call: DB_RESULT, the warning, the failure.
    static func apply(_ result: AstDBFunctionResult, _ name: String, call: Call) throws(FunctionError) -> String {
        if let dbResult = result.dbResult { call.setVariable("DB_RESULT", to: dbResult) }
        if let warning = result.warning {
            if result.failed { throw .badArguments(function: name, reason: warning) }
            call.warn(warning)
        }
        return result.value
    }

    static let database = DialplanFunction(
        "DB", synopsis: "DB(family/key) — read or write the AstDB; read sets DB_RESULT",
        read: { argument, context throws(FunctionError) in
            let (call, db) = try database(context, "DB")
            return try apply(AstDBFunctions.read(argument: argument, db: db), "DB", call: call)
        },
        write: { argument, value, context throws(FunctionError) in
            let (call, db) = try database(context, "DB")
            _ = try apply(AstDBFunctions.write(argument: argument, value: value, db: db), "DB", call: call)
        })

    static let exists = DialplanFunction(
        "DB_EXISTS", synopsis: "DB_EXISTS(family/key) — 1 if the key exists (its value goes to DB_RESULT), else 0",
        read: { argument, context throws(FunctionError) in
            let (call, db) = try database(context, "DB_EXISTS")
            return try apply(AstDBFunctions.exists(argument: argument, db: db), "DB_EXISTS", call: call)
        })

    static let delete = DialplanFunction(
        "DB_DELETE", synopsis: "DB_DELETE(family/key) — read the value and delete the key",
        read: { argument, context throws(FunctionError) in
            let (call, db) = try database(context, "DB_DELETE")
            return try apply(AstDBFunctions.delete(argument: argument, db: db), "DB_DELETE", call: call)
        })

    static let keys = DialplanFunction(
        "DB_KEYS", synopsis: "DB_KEYS([prefix]) — the keys one level below prefix, comma-separated",
        read: { argument, context throws(FunctionError) in
            let (_, db) = try database(context, "DB_KEYS")
            return AstDBFunctions.keys(argument: argument, db: db)
        })
}
