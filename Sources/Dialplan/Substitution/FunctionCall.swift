/// Calls a dialplan function written as `NAME(args)`, as `ast_func_read` and `ast_func_write` do.
public enum FunctionCall {
    /// Splits `NAME(args)` into the name and the text between the first `(` and the last `)`.
    public static func split(_ call: String) -> (name: String, argument: String) {
        let bytes = call.utf8
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")) else { return (call, "") }
        let name = String(call[..<open])
        let afterOpen = bytes.index(after: open)
        guard let close = bytes[afterOpen...].lastIndex(of: UInt8(ascii: ")")) else {
            return (name, String(call[afterOpen...]))
        }
        return (name, String(call[afterOpen..<close]))
    }

    /// Reads `NAME(args)`; an unknown function or a failure gives "" and a warning.
    public static func read(_ call: String, in context: any EvaluationContext) -> String {
        let (name, argument) = split(call)
        guard let function = context.functions[name] else {
            context.warn("function '\(name)' not registered")
            return ""
        }
        guard let reader = function.read else {
            context.warn("function '\(name)' cannot be read")
            return ""
        }
        do {
            return try reader(argument, context)
        } catch {
            context.warn(error.description)
            return ""
        }
    }

    /// Writes `NAME(args)=value`; false (with a warning) when the function is unknown, read-only or fails.
    @discardableResult
    public static func write(_ call: String, value: String, in context: any EvaluationContext) -> Bool {
        let (name, argument) = split(call)
        guard let function = context.functions[name] else {
            context.warn("function '\(name)' not registered")
            return false
        }
        guard let writer = function.write else {
            context.warn("function '\(name)' cannot be written")
            return false
        }
        do {
            try writer(argument, value, context)
            return true
        } catch {
            context.warn(error.description)
            return false
        }
    }
}
