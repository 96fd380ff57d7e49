import Foundation
import Testing
@testable import Dialplan

/// A context with some variables, for substitution tests.
func substitutionContext(_ variables: [String: String] = [:], globals: [String: String] = [:]) -> StandaloneContext {
    let context = StandaloneContext(globals: globals, now: 1_700_000_000, timeZone: TimeZone(identifier: "UTC")!)
    for (name, value) in variables { context.setVariable(name, to: value) }
    return context
}

@Suite struct SubstituterTests {
    // Asterisk's tests/test_substitution.c, with foo=123, bar=foo, baz=fo.
    @Test(arguments: [
        ("${foo}${foo}", "123123"),
        ("A${foo}A${foo}A", "A123A123A"),
        ("A${${bar}}A", "A123A"),
        ("A${${baz}o}A", "A123A"),
        ("A${${baz}o:1}A", "A23A"),
        ("A${${baz}o:1:1}A", "A2A"),
        ("A${${baz}o:1:-1}A", "A2A"),
        ("A${${baz}o:-1:1}A", "A3A"),
        ("A${${baz}o:-2:1}A", "A2A"),
        ("A${${baz}o:-2:-1}A", "A2A"),
    ])
    func asteriskSubstitutionVectors(text: String, expected: String) {
        let context = substitutionContext(["foo": "123", "bar": "foo", "baz": "fo"])
        #expect(Substituter.substitute(text, in: context) == expected)
    }

    // Reference §4.3: substrings with negative offsets and lengths.
    @Test(arguments: [
        ("${X:-4}", "5678"), ("${X:1}", "2345678"), ("${X:0:-1}", "1234567"), ("${X::2}", "12345678"),
        ("${X:2:3}", "345"), ("${X:8}", ""), ("${X:20}", ""), ("${X:-20:2}", "12"), ("${X:0:-8}", ""),
        ("${X:6:-1}", "7"), ("${X:6:-2}", ""), ("${X:abc}", "12345678"), ("${X:0:0}", ""),
    ])
    func substrings(text: String, expected: String) {
        #expect(Substituter.substitute(text, in: substitutionContext(["X": "12345678"])) == expected)
    }

    @Test func unsetVariablesAreEmptyAndNamesCaseSensitive() {
        let context = substitutionContext(["Name": "x"])
        #expect(Substituter.substitute("[${name}][${Name}][${NOPE}]", in: context) == "[][x][]")
    }

    @Test func channelVariablesShadowGlobals() {
        let context = substitutionContext(["A": "channel"], globals: ["A": "global", "B": "g"])
        #expect(Substituter.substitute("${A} ${B}", in: context) == "channel g")
    }

    @Test func inheritanceMarksAreStrippedWhenStoredNotWhenRead() {
        let context = substitutionContext()
        context.setVariable("__V", to: "x")
        #expect(Substituter.substitute("${V}/${__V}", in: context) == "x/")
    }

    @Test func dollarWithoutBraceIsLiteralAndResultsAreNotRescanned() {
        let context = substitutionContext(["A": "${B}", "B": "no"])
        #expect(Substituter.substitute("cost $5 ${A}", in: context) == "cost $5 ${B}")
        #expect(Substituter.substitute("no dollar here", in: context) == "no dollar here")
    }

    @Test func backslashDoesNotEscapeSubstitution() {
        #expect(Substituter.substitute("\\${A}", in: substitutionContext(["A": "1"])) == "\\1")
    }

    @Test func functionsAreCalledWithTheirRawArgument() {
        let context = substitutionContext(["num": "5551234"])
        context.functions.register(DialplanFunction("ECHO", synopsis: "", read: { argument, _ in "<\(argument)>" }))
        #expect(Substituter.substitute("${ECHO(a,b (c))}", in: context) == "<a,b (c)>")
        #expect(Substituter.substitute("${ECHO(${num}):1:3}", in: context) == "555")
    }

    @Test func unknownFunctionWarnsAndGivesEmpty() {
        let context = substitutionContext()
        #expect(Substituter.substitute("[${NOSUCH(x)}]", in: context) == "[]")
        #expect(context.warnings.contains { $0.contains("NOSUCH") })
    }

    @Test func callerIDFunctionWritesAndReads() {
        let context = substitutionContext()
        FunctionCall.write("CALLERID(num)", value: "5551234", in: context)
        FunctionCall.write("CALLERID(name)", value: "Alice", in: context)
        #expect(Substituter.substitute("${CALLERID(num):0:3} ${CALLERID(all)}", in: context) == "555 \"Alice\" <5551234>")
    }

    @Test func missingCloseBraceWarnsAndUsesTheRest() {
        let context = substitutionContext(["A": "1"])
        #expect(Substituter.substitute("x${A", in: context) == "x1")
        #expect(!context.warnings.isEmpty)
    }

    @Test func nestingDeeperThanFifteenIsEmptyNotACrash() {
        let deep = String(repeating: "${", count: 40) + "A" + String(repeating: "}", count: 40)
        let context = substitutionContext(["A": "1"])
        #expect(Substituter.substitute(deep, in: context) == "")
        #expect(context.warnings.contains { $0.contains("deeper") })
    }

    @Test func builtinsComeFromTheLocation() {
        let context = StandaloneContext(location: ("menu", "123", 4))
        #expect(context.substitute("${CONTEXT},${EXTEN},${PRIORITY}") == "menu,123,4")
    }
}
