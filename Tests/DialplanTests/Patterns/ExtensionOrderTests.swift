import Foundation
import Testing
@testable import Dialplan

@Suite("Extension sort order (ext_cmp)")
struct ExtensionOrderTests {
    private func sign(_ a: String, _ b: String) -> Int {
        ExtensionPattern.compare(ExtensionPattern(a), ExtensionPattern(b)).signum()
    }

    /// The context's order after inserting `names` in the given order.
    private func contextOrder(_ names: [String]) -> [String] {
        var builder = PlanBuilder()
        for name in names { builder.add("c", name) }
        return builder.plan[context: "c"]?.extensions.map(\.name) ?? []
    }

    @Test("reference example: _640X, _64NX, _64XX, _6[34]NX, _6[45]NX, _6XX1, _6.")
    func referenceExample() {
        let sorted = ["_640X", "_64NX", "_64XX", "_6[34]NX", "_6[45]NX", "_6XX1", "_6."]
        #expect(contextOrder(sorted.reversed()) == sorted)
        #expect(contextOrder(["_6XX1", "_64XX", "_6.", "_640X", "_6[45]NX", "_64NX", "_6[34]NX"]) == sorted)
    }

    @Test("test_pbx: literal 2000 sorts before _2.")
    func testPbxOrder() {
        #expect(contextOrder(["_2.", "2000"]) == ["2000", "_2."])
    }

    @Test("literals first, byte-wise, dashes ignored")
    func literals() {
        #expect(contextOrder(["_X", "a", "A", "1", "*", "#", "s"]) == ["#", "*", "1", "A", "a", "s", "_X"])
        #expect(sign("12", "123") == -1)
        #expect(sign("1-23", "124") == -1)
        #expect(sign("12-3", "123") == 0)
        #expect(sign("9", "_0") == -1)
        #expect(sign("_0", "9") == 1)
        #expect(sign("", "1") == -1)
        // Bytes >= 0x80 compare as negative signed chars: before everything ASCII, even the end of a string.
        #expect(sign("é", "1") == -1)
        #expect(sign("1é", "1") == -1)
    }

    @Test("patterns position by position")
    func patterns() {
        #expect(sign("_12.", "_1.") == -1)       // a longer pattern before an otherwise identical shorter one
        #expect(sign("_XX", "_X") == -1)
        #expect(sign("_X.", "_X!") == -1)        // '.' before '!'
        #expect(sign("_X!", "_X") == -1)         // '!' before the end
        #expect(sign("_1", "_[12]") == -1)       // single character before a larger set
        #expect(sign("_[0-4]", "_N") == -1)      // 5 chars before 8
        #expect(sign("_N", "_Z") == -1)          // 8 before 9
        #expect(sign("_Z", "_X") == -1)          // 9 before 10
        #expect(sign("_X", "_.") == -1)
        #expect(sign("_[45]", "_[34]") == 1)     // same size: lowest character decides
        #expect(sign("_9", "_[0-9a-z]") == -1)
        #expect(sign("_1-2-3", "_123") == 0)
        #expect(contextOrder(["_X.", "_NXXXXXX", "_1NXXNXXXXXX", "_X!", "_9NXXXXXX"])
                == ["_1NXXNXXXXXX", "_9NXXXXXX", "_NXXXXXX", "_X.", "_X!"])
    }

    @Test("equal scores are ordered by the set holding the lowest character")
    func bitmapTies() {
        #expect(sign("_Set-[0-9]", "_Set-[02-9a]") == -1)
        #expect(sign("_Set-[02-9a]", "_Set-[0-9]") == 1)
        #expect(sign("_[13]", "_[14]") == -1)
        #expect(sign("_[12]", "_[21]") == 0)
        #expect(sign("_X", "_[0-9]") == 0)
        #expect(sign("_x", "_X") == 0)
        #expect(sign("_N", "_[2-9]") == 0)
        #expect(sign("_[11]", "_1") == 0)        // duplicates count once
    }

    @Test("empty and malformed sets")
    func oddSets() {
        #expect(sign("_[]1", "_1") == 0)         // the empty set is skipped
        #expect(sign("_1[]", "_1") == 0)
        #expect(sign("_[9-0]1", "_1") == 0)      // a set that adds nothing is skipped too
        #expect(sign("_1X", "_1[") == -1)        // bad '[' scores last
        #expect(sign("_1", "_1[") == -1)         // ...even after the end
        #expect(sign("_1[2", "_1[3") == -1)      // both bad: the bytes after '[' are compared
        #expect(sign("_1[2", "_1[2") == 0)
        // The lowest character counts every range start, even of a range that added nothing.
        #expect(sign("_[5-39]", "_7") == -1)     // scored as one character '5', though it only takes '9'
        #expect(sign("_[5-39]", "_5") == 1)      // same score as '5'; '5' holds the lower character
    }

    @Test("caller-ID variants: with CID before without, two CIDs by ext_cmp of the CID")
    func callerIDOrder() {
        let location = SourceLocation(file: "t", line: 1)
        let plain = Extension(name: "agi7", location: location)
        let cid = Extension(name: "agi7", callerID: "12", location: location)
        #expect(Extension.precedes(cid, plain))
        #expect(!Extension.precedes(plain, cid))
        let literalCID = Extension(name: "100", callerID: "12", location: location)
        let patternCID = Extension(name: "100", callerID: "_1X", location: location)
        let emptyCID = Extension(name: "100", callerID: "", location: location)
        #expect(Extension.precedes(literalCID, patternCID))
        #expect(Extension.precedes(emptyCID, literalCID))
        // The name decides first.
        let other = Extension(name: "099", location: location)
        #expect(Extension.precedes(other, literalCID))

        var builder = PlanBuilder()
        builder.add("c", "agi7")
        builder.add("c", "agi7", cid: "_1X")
        builder.add("c", "agi7", cid: "12")
        builder.add("c", "agi6")
        let order = builder.plan[context: "c"]?.extensions.map(\.displayName) ?? []
        #expect(order == ["agi6", "agi7/12", "agi7/_1X", "agi7"])
    }

    @Test("names that compare equal are one extension, named as first written (Asterisk's alias)")
    func tiesAreAliases() {
        #expect(contextOrder(["_X", "_[0-9]", "_x"]) == ["_X"])
        #expect(contextOrder(["_[0-9]", "_X"]) == ["_[0-9]"])
    }

    @Test("precedes is a strict weak order on a random sample")
    func strictWeakOrder() {
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array("0129XNZ.![]-ab".utf8)
        var extensions: [Extension] = []
        let location = SourceLocation(file: "t", line: 1)
        for _ in 0..<70 {
            let length = Int.random(in: 0...5, using: &rng)
            var bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
            if Bool.random(using: &rng) { bytes.insert(UInt8(ascii: "_"), at: 0) }
            let cid: String? = Int.random(in: 0..<4, using: &rng) == 0 ? ["", "12", "_X"].randomElement(using: &rng) : nil
            extensions.append(Extension(name: String(decoding: bytes, as: UTF8.self), callerID: cid, location: location))
        }
        var failures = 0
        for a in extensions {
            if Extension.precedes(a, a) { failures += 1 }
            for b in extensions {
                let ab = Extension.precedes(a, b)
                let ba = Extension.precedes(b, a)
                if ab && ba { failures += 1 }
                for c in extensions {
                    let bc = Extension.precedes(b, c)
                    if ab && bc && !Extension.precedes(a, c) { failures += 1 }
                    // Incomparability is transitive.
                    if !ab && !ba && !bc && !Extension.precedes(c, b)
                        && (Extension.precedes(a, c) || Extension.precedes(c, a)) {
                        failures += 1
                    }
                }
            }
        }
        #expect(failures == 0)
    }
}
