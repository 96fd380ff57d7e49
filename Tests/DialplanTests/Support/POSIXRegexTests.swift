import Testing
@testable import Dialplan

@Suite struct POSIXRegexTests {
    @Test func leftmostLongestAlternation() throws {
        // Perl semantics would pick "a"; POSIX picks the longest alternative at the leftmost position.
        let regex = try #require(POSIXRegex("a|ab"))
        let match = try #require(regex.firstMatch(in: "xabc"))
        #expect(match.ranges[0] == 1..<3)
    }

    @Test func groupsAndBadPatterns() throws {
        let regex = try #require(POSIXRegex("([0-9]+)-([0-9]+)"))
        let match = try #require(regex.firstMatch(in: "call 555-1234 now"))
        #expect(match.ranges.count == 3)
        #expect(POSIXRegex.substring(of: "call 555-1234 now", try #require(match.ranges[2])) == "1234")
        #expect(POSIXRegex("(unclosed") == nil)
        #expect(POSIXRegex("[z-a]") == nil)
    }
}
