import Testing
@testable import Dialplan

@Suite struct FunctionCallTests {
    @Test func splitTakesTheFirstOpenAndTheLastClose() {
        #expect(FunctionCall.split("CUT(a,b(c),d)") == ("CUT", "a,b(c),d"))
        #expect(FunctionCall.split("LEN(x") == ("LEN", "x"))
        #expect(FunctionCall.split("PLAIN") == ("PLAIN", ""))
    }

    @Test func writingAReadOnlyFunctionFails() {
        let context = StandaloneContext(functions: FunctionRegistry([DialplanFunction("RO", synopsis: "", read: { _, _ in "" })]))
        #expect(!FunctionCall.write("RO(x)", value: "1", in: context))
        #expect(context.warnings == ["function 'RO' cannot be written"])
    }
}
