import Foundation
import Testing
@testable import Dialplan

@Suite("Extension pattern matching")
struct ExtensionPatternTests {
    /// (pattern, data, [match, canMatch, matchMore]) as `_extension_match_core` returns them.
    static let vectors: [(String, String, [Int])] = [
        // Reference §2.2 examples.
        ("_X.", "1", [0, 1, 1]),
        ("_X.", "12", [1, 1, 1]),           // '.' ends the match at once, even in MATCHMORE
        ("_X.", "1abc#*", [1, 1, 1]),       // '.' takes any character
        ("_X.", "", [0, 1, 1]),
        ("_X!", "1", [2, 2, 2]),
        ("_X!", "12", [2, 2, 2]),
        ("_X!", "", [0, 1, 1]),
        ("_!", "", [2, 2, 2]),
        ("_.", "", [0, 1, 1]),
        ("_.", "h", [1, 1, 1]),
        ("_1X", "1", [0, 1, 1]),
        ("_1X", "12", [1, 1, 0]),
        ("_1X", "123", [0, 0, 0]),
        ("_1X", "2", [0, 0, 0]),
        ("_1X", "", [0, 1, 1]),
        // X Z N, either case.
        ("_NXX", "201", [1, 1, 0]),
        ("_NXX", "101", [0, 0, 0]),
        ("_nxx", "999", [1, 1, 0]),
        ("_Z", "0", [0, 0, 0]),
        ("_z", "1", [1, 1, 0]),
        ("_X", "a", [0, 0, 0]),
        ("_N", "1", [0, 0, 0]),
        ("_n", "2", [1, 1, 0]),
        // Sets.
        ("_[a-c0-9]", "b", [1, 1, 0]),
        ("_[a-c0-9]", "7", [1, 1, 0]),
        ("_[a-c0-9]", "d", [0, 0, 0]),
        ("_[a-c0-9]", "B", [0, 0, 0]),
        ("_[-5]", "5", [1, 1, 0]),          // '-' first is literal (and a dialed '-' is skipped anyway)
        ("_[5-]", "5", [1, 1, 0]),          // '-' last is literal
        ("_[13]", "2", [0, 0, 0]),
        ("_[XNZ]", "X", [1, 1, 0]),         // letters are literal inside brackets
        ("_[XNZ]", "5", [0, 0, 0]),
        ("_[a-]", "b", [0, 0, 0]),
        ("_1[]2", "12", [1, 1, 0]),         // empty set ignored
        ("_1[]", "1", [0, 1, 1]),           // ...but still "pattern not finished" when the data runs out
        ("_1[]", "12", [0, 0, 0]),
        ("_1[2", "12", [0, 0, 0]),          // unterminated '[' fails once reached with data
        ("_1[2", "1", [0, 1, 1]),
        ("_[", "", [0, 1, 1]),
        ("_[", "1", [0, 0, 0]),
        ("_[9-0]", "5", [0, 0, 0]),         // reversed range matches nothing
        ("_[]", "", [0, 1, 1]),
        ("_1]", "1]", [1, 1, 0]),           // a lone ']' is an ordinary character
        // Dashes are fluff on both sides.
        ("_1-2-3", "123", [1, 1, 0]),
        ("_123", "1-2-3", [1, 1, 0]),
        ("_NXX-XXXX", "555-1212", [1, 1, 0]),
        ("_NXX-XXXX", "555-", [0, 1, 1]),
        ("_1X", "1-", [0, 1, 1]),
        ("_X.", "---", [0, 1, 1]),
        ("_--", "", [1, 1, 0]),
        // '/' ends a pattern.
        ("_X/5", "1", [1, 1, 0]),
        ("_X/5", "1/5", [0, 0, 0]),
        // Literal characters in patterns are case-sensitive.
        ("_a", "A", [0, 0, 0]),
        ("_a", "a", [1, 1, 0]),
        ("__1", "_1", [1, 1, 0]),
        ("_", "", [1, 1, 0]),
        ("_", "1", [0, 0, 0]),
        // Literals.
        ("1-23", "123", [1, 1, 0]),
        ("123", "1-2-3", [1, 1, 0]),
        ("123", "12", [0, 1, 1]),
        ("123", "", [0, 1, 1]),
        ("123", "1234", [0, 0, 0]),
        ("123", "13", [0, 0, 0]),
        ("123", "-", [0, 1, 1]),
        ("s", "s", [1, 1, 0]),
        ("ABC", "abc", [0, 0, 0]),
        ("X", "5", [0, 0, 0]),              // no '_': X is the letter X
        ("", "", [1, 1, 0]),
        ("", "1", [0, 0, 0]),
        ("123", "_123", [0, 0, 0]),
    ]

    @Test("match core vectors", arguments: vectors.indices)
    func matchCore(index: Int) {
        let (pattern, data, expected) = Self.vectors[index]
        let compiled = ExtensionPattern(pattern)
        #expect(compiled.modes(data) == expected, "pattern \(pattern) data \(data)")
        // The uncompiled reading agrees.
        let reference = [MatchMode.match, .canMatch, .matchMore].map {
            ReferenceMatcher.match(Array(pattern.utf8), Array(data.utf8), $0)
        }
        #expect(reference == expected, "reference for pattern \(pattern) data \(data)")
    }

    @Test func isPattern() {
        #expect(ExtensionPattern("_X.").isPattern)
        #expect(!ExtensionPattern("100").isPattern)
        #expect(!ExtensionPattern("").isPattern)
        #expect(!ExtensionPattern("X_").isPattern)
    }

    @Test("a pattern written as the dialed data matches in E_MATCH only")
    func patternEqualityForGoto() {
        let pattern = ExtensionPattern("_X.")
        #expect(pattern.match("_X.", mode: .match) == 1)
        #expect(pattern.match("_x.", mode: .match) == 1)
        #expect(pattern.match("_[0-9].", mode: .match) == 1)     // same set, same sort key
        #expect(pattern.match("_X-.", mode: .match) == 1)
        #expect(pattern.match("_N.", mode: .match) == 0)
        #expect(pattern.match("_X.", mode: .canMatch) == 0)
        #expect(pattern.match("_X.", mode: .matchMore) == 0)
        #expect(ExtensionPattern("_NXX").match("_NXX", mode: .match) == 1)
        #expect(ExtensionPattern("_NXX").match("_NX", mode: .match) == 0)
        #expect(ExtensionPattern("_[0-9]").match("_X", mode: .match) == 1)
        // Not for literal extensions.
        #expect(ExtensionPattern("_1").match("_1", mode: .match) == 1)
        #expect(ExtensionPattern("1").match("_1", mode: .match) == 0)
    }

    @Test("bytes compare as signed char in ranges")
    func signedRanges() {
        // '0'-0xC3 is empty as signed char; only the trailing 0xA9 byte is a member.
        let pattern = ExtensionPattern("_[0-é]")
        #expect(pattern.match("5", mode: .match) == 0)
        #expect(pattern.problems.contains { $0.contains("is empty") })
        // Each set takes one byte: "[é-é]" is {C3} plus the range A9...C3, so two of them take "é" (C3 A9).
        let high = ExtensionPattern("_[é-é][é-é]")
        #expect(high.match("é", mode: .match) == 1)
        #expect(high.match("éé", mode: .match) == 0)
    }

    @Test("NUL ends pattern and data like a C string")
    func nulBytes() {
        #expect(ExtensionPattern("_1X\u{0}9").match("12", mode: .match) == 1)
        #expect(ExtensionPattern("_1X").match("12\u{0}99", mode: .match) == 1)
        #expect(ExtensionPattern("12\u{0}3").match("12", mode: .match) == 1)
    }

    @Test func problems() {
        #expect(ExtensionPattern("_NXX").problems.isEmpty)
        #expect(ExtensionPattern("_[0-9]XX").problems.isEmpty)
        #expect(ExtensionPattern("100").problems.isEmpty)
        #expect(ExtensionPattern("_1[23").problems.contains { $0.contains("unterminated '['") })
        #expect(ExtensionPattern("_1[]2").problems.contains { $0.contains("empty '[]'") })
        #expect(ExtensionPattern("_X.1").problems.contains { $0.contains("after '.'") })
        #expect(ExtensionPattern("_X!1").problems.contains { $0.contains("after '!'") })
        #expect(ExtensionPattern("_X.-").problems.isEmpty)
        #expect(ExtensionPattern("_.").problems.contains { $0.contains("_X.") })
        #expect(ExtensionPattern("_!").problems.contains { $0.contains("_X!") })
        #expect(ExtensionPattern("_X/1").problems.contains { $0.contains("'/'") })
        #expect(ExtensionPattern("_[9-0]").problems.contains { $0.contains("'9-0' is empty") })
    }

    @Test("ast_shrink_phone_number")
    func shrink() {
        #expect(ExtensionPattern.shrinkPhoneNumber("(555) 123-4567") == "5551234567")
        #expect(ExtensionPattern.shrinkPhoneNumber("_55[1-3]-.") == "_55[1-3].")
        #expect(ExtensionPattern.shrinkPhoneNumber("1.2.3") == "123")
        #expect(ExtensionPattern.shrinkPhoneNumber("_X.") == "_X.")
        #expect(ExtensionPattern.shrinkPhoneNumber("[1 - 3]") == "[1-3]")
        #expect(ExtensionPattern.shrinkPhoneNumber("]]-1") == "]]-1")     // depth goes negative: '-' kept
        #expect(ExtensionPattern.shrinkPhoneNumber("") == "")
        #expect(ExtensionPattern.shrinkPhoneNumber("12\u{0}-3") == "12")
    }

    @Test("ext_strncpy removes spaces outside brackets")
    func removeSpaces() {
        #expect(ExtensionPattern.removingSpaces("_ 1 X [1 2]") == "_1X[1 2]")
        #expect(ExtensionPattern.removingSpaces("1 0 0") == "100")
    }

    @Test("extension model compiles its caller-ID pattern shrunk")
    func modelCallerID() {
        let ext = Extension(name: "100", callerID: "(555) 12-34", location: SourceLocation(file: "t", line: 1))
        #expect(ext.callerIDPattern?.text == "5551234")
        #expect(ext.pattern.text == "100")
        let empty = Extension(name: "x", callerID: "", location: SourceLocation(file: "t", line: 1))
        #expect(empty.callerIDPattern?.text == "")
    }

    @Test("2,000 random pattern/data pairs: no crash, modes consistent, agrees with the uncompiled reading")
    func randomProperty() {
        var rng = SeededGenerator(seed: 0xA57E_415C)
        let patternAlphabet = Array("0123456789XZNxzn.![]-/ab#*_".utf8)
        let dataAlphabet = Array("0123456789-#*abXN_[]".utf8)
        func randomBytes(_ alphabet: [UInt8], maxLength: Int) -> [UInt8] {
            let length = Int.random(in: 0...maxLength, using: &rng)
            return (0..<length).map { _ in
                Int.random(in: 0..<20, using: &rng) == 0 ? UInt8.random(in: 0...255, using: &rng)
                    : alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
            }
        }
        var matched = 0
        for _ in 0..<2_000 {
            var patternBytes = randomBytes(patternAlphabet, maxLength: 8)
            if Int.random(in: 0..<5, using: &rng) != 0 { patternBytes.insert(UInt8(ascii: "_"), at: 0) }
            let dataBytes = randomBytes(dataAlphabet, maxLength: 6)
            let patternText = String(decoding: patternBytes, as: UTF8.self)
            let dataText = String(decoding: dataBytes, as: UTF8.self)
            let pattern = ExtensionPattern(patternText)
            let m = pattern.match(dataText, mode: .match)
            let c = pattern.match(dataText, mode: .canMatch)
            let more = pattern.match(dataText, mode: .matchMore)
            #expect([0, 1, 2].contains(m) && [0, 1, 2].contains(c) && [0, 1, 2].contains(more))
            if !dataText.hasPrefix("_") {
                #expect(m == 0 || c != 0, "match implies canMatch: \(patternText) / \(dataText)")
            }
            #expect(more == 0 || c != 0, "matchMore implies canMatch: \(patternText) / \(dataText)")
            for (mode, value) in [(MatchMode.match, m), (.canMatch, c), (.matchMore, more)] {
                let expected = ReferenceMatcher.match(Array(patternText.utf8), Array(dataText.utf8), mode)
                #expect(value == expected, "\(mode) \(patternText.debugDescription) / \(dataText.debugDescription)")
            }
            if m != 0 { matched += 1 }
            _ = pattern.problems
            let other = ExtensionPattern(dataText)
            let forward = ExtensionPattern.compare(pattern, other)
            let backward = ExtensionPattern.compare(other, pattern)
            #expect(forward.signum() == -backward.signum())
        }
        #expect(matched > 20)   // the generator does produce matches
    }
}
