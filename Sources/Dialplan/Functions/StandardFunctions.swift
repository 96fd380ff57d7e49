/// Every pure dialplan function this package provides.
enum StandardFunctions {
    static let all: [DialplanFunction] =
        StringFunctions.all + ListFunctions.all + MathFunctions.all + LogicFunctions.all + TimeFunctions.all
        + EncodingFunctions.all + [SayFiles.function, SprintfFunction.function]
}
