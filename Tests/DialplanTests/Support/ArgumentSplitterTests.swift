import Testing
@testable import Dialplan

@Suite struct ArgumentSplitterTests {
    @Test func splitsOnCommasOutsideParenthesesBracketsAndQuotes() {
        #expect(ArgumentSplitter.split("a,b(c,d),[e,f],\"g,h\"") == ["a", "b(c,d)", "[e,f]", "g,h"])
    }

    @Test func removesQuotesAndBackslashes() {
        #expect(ArgumentSplitter.split("\"a b\",c\\,d,e\\\\f") == ["a b", "c,d", "e\\f"])
    }

    @Test func rawKeepsQuotesAndBackslashes() {
        #expect(ArgumentSplitter.splitRaw("\"a,b\",c\\,d") == ["\"a,b\"", "c\\,d"])
    }

    @Test func trailingDelimiterAddsAnEmptyArgumentAndEmptyTextGivesNone() {
        #expect(ArgumentSplitter.split("a,") == ["a", ""])
        #expect(ArgumentSplitter.split(",") == ["", ""])
        #expect(ArgumentSplitter.split("") == [])
    }

    @Test func lastDeclaredArgumentTakesTheRawRemainder() {
        // Verbose([level,]message): the message keeps its commas and quotes.
        #expect(ArgumentSplitter.split("1,Hello, \"world\"", limit: 2) == ["1", "Hello, \"world\""])
        #expect(ArgumentSplitter.split("a,b,c", limit: 1) == ["a,b,c"])
    }

    @Test func otherDelimiters() {
        #expect(ArgumentSplitter.split("a&b&c(d&e)", delimiter: UInt8(ascii: "&")) == ["a", "b", "c(d&e)"])
    }
}
