/// `EVAL(text)`: substitutes its (already substituted) argument once more (`funcs/func_strings.c`).
enum EvalFunction {
    static let function = DialplanFunction(
        "EVAL", synopsis: "EVAL(text) — substitute variables in text a second time",
        read: { argument, context throws(FunctionError) in Substituter.substitute(argument, in: context) })
}
