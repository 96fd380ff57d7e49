/// Evaluates the text inside `$[...]` (already variable-substituted) as Asterisk does.
public enum ExpressionEvaluator {
    /// The result text: a number printed with `%.18Lg`, or a string as is. An empty expression gives "";
    /// a syntax error gives "0" and a warning on `context`. Never throws, never traps.
    public static func evaluate(_ text: String, context: (any EvaluationContext)?) -> String {
        var source = Array(text.utf8)
        // Asterisk sees a C string: anything from a NUL on is not there.
        if let nul = source.firstIndex(of: 0) { source.removeSubrange(nul...) }
        var parser = ExpressionParser(source: source, context: context)
        guard let result = parser.evaluate() else {
            context?.warn("\(parser.syntaxError ?? "syntax error"); Input: \(String(decoding: source, as: UTF8.self))")
            return "0"
        }
        return result
    }
}
