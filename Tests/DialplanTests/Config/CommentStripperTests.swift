import Testing
@testable import Dialplan

@Suite struct CommentStripperTests {
    func strip(_ lines: [String]) -> [String] {
        var stripper = CommentStripper()
        return lines.enumerated().map { index, line in
            let bytes = Array(line.utf8)
            let result = stripper.strip(bytes[...], location: SourceLocation(file: "f", line: index + 1))
            return String(decoding: result.bytes, as: UTF8.self)
        }
    }

    @Test func semicolonStartsACommentAnywhere() {
        #expect(strip(["exten => 1,1,NoOp(a;b)"]) == ["exten => 1,1,NoOp(a"])
        #expect(strip(["Set(x=\"a;b\")"]) == ["Set(x=\"a"])
    }

    @Test func escapedSemicolonIsKeptWithoutItsBackslash() {
        #expect(strip(["NoOp(a\\;b) ; real comment"]) == ["NoOp(a;b) "])
        #expect(strip(["a\\,b"]) == ["a\\,b"])
    }

    @Test func blockCommentsInsideALineAndAcrossLines() {
        #expect(strip(["NoOp(a;-- x --;b)"]) == ["NoOp(ab)"])
        #expect(strip(["keep ;-- start", "hidden", "still --; tail"]) == ["keep ", "", " tail"])
    }

    @Test func blockCommentsNest() {
        #expect(strip(["a;-- 1 ;-- 2 --; still --;b"]) == ["ab"])
    }

    @Test func fourDashesDoNotOpenABlock() {
        #expect(strip(["a;---- b"]) == ["a"])
    }

    @Test func unterminatedBlockCommentIsReported() {
        let result = load("[c]\nexten => 1,1,NoOp() ;-- open\nexten => 2,1,NoOp()\n")
        #expect(result.diagnostics.map(\.description) == ["test.conf:2:21: error: block comment ';--' is never closed with '--;'"])
        #expect(result.dialplan[context: "c"]?.extensions.map(\.name) == ["1"])
    }
}
