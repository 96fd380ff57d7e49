import Foundation
import Testing
@testable import Dialplan

@Suite struct ByteSearchTests {
    @Test func containsFindsExactBytes() {
        #expect(ByteSearch.contains("PIN 4711 entered", "4711"))
        #expect(ByteSearch.contains("4711", "4711"))
        #expect(ByteSearch.contains("x4711", "4711"))
        #expect(!ByteSearch.contains("471", "4711"))
        #expect(!ByteSearch.contains("47 11", "4711"))
        #expect(ByteSearch.contains("anything", ""))
        #expect(!ByteSearch.contains("", "1"))
        #expect(ByteSearch.contains("Grüße 4711", "ü"))
        #expect(!ByteSearch.contains("Grüße", "ue"))
    }

    @Test func replacingAllIsLeftToRightAndNonOverlapping() {
        #expect(ByteSearch.replacingAll("4711", with: "****", in: "4711 and 4711") == "**** and ****")
        #expect(ByteSearch.replacingAll("aa", with: "b", in: "aaa") == "ba")
        #expect(ByteSearch.replacingAll("x", with: "y", in: "none") == "none")
        #expect(ByteSearch.replacingAll("", with: "y", in: "same") == "same")
        #expect(ByteSearch.replacingAll("\"", with: "\"\"", in: "say \"hi\"") == "say \"\"hi\"\"")
        #expect(ByteSearch.replacingAll("ß", with: "ss", in: "Straße") == "Strasse")
    }

    /// The same answers as Foundation on random digit texts (what masking and secret searches see).
    @Test func agreesWithFoundationOnRandomDigits() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in
                Character(String(Int.random(in: 0...3, using: &generator)))
            })
            let needle = String((0..<Int.random(in: 1...4, using: &generator)).map { _ in
                Character(String(Int.random(in: 0...3, using: &generator)))
            })
            #expect(ByteSearch.contains(text, needle) == text.contains(needle), "\(text) / \(needle)")
            #expect(ByteSearch.replacingAll(needle, with: "*", in: text)
                    == text.replacingOccurrences(of: needle, with: "*"), "\(text) / \(needle)")
        }
    }
}
