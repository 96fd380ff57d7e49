import Foundation
import Testing
@testable import Dialplan

@Suite struct EncodingFunctionsTests {
    @Test(arguments: [
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("junky", "60fa5675b9303eb62f99a9cd47f9f5837d18f9a0"),
        ("The quick brown fox jumps over the lazy dog", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ("a", "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8"),
    ])
    func sha1KnownDigests(input: String, digest: String) throws {
        #expect(try read("SHA1", input, FunctionTestKit.context()) == digest)
    }

    @Test func sha1LongInputsAndEmpty() throws {
        #expect(SHA1.hexDigest(String(repeating: "a", count: 1_000_000)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        #expect(SHA1.hexDigest("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        // Lengths around the 55/56/64-byte padding boundaries.
        #expect(SHA1.hexDigest(String(repeating: "x", count: 55)) != SHA1.hexDigest(String(repeating: "x", count: 56)))
        #expect(SHA1.hexDigest(String(repeating: "a", count: 64)) == "0098ba824b5c16427bd7a1122a5a442a25ec644d")
        #expect(throws: FunctionError.self) { try read("SHA1", "", FunctionTestKit.context()) }
    }

    @Test func base64() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("BASE64_ENCODE", "Hello, world", ctx) == "SGVsbG8sIHdvcmxk")
        #expect(try read("BASE64_ENCODE", "a", ctx) == "YQ==")
        #expect(try read("BASE64_ENCODE", "ab", ctx) == "YWI=")
        #expect(try read("BASE64_ENCODE", "abc", ctx) == "YWJj")
        #expect(try read("BASE64_DECODE", "SGVsbG8sIHdvcmxk", ctx) == "Hello, world")
        #expect(try read("BASE64_DECODE", "YQ==", ctx) == "a")
        #expect(try read("BASE64_DECODE", "YWI", ctx) == "ab")
        #expect(try read("BASE64_DECODE", "AAAA", ctx) == "") // NUL ends the C string
        #expect(throws: FunctionError.self) { try read("BASE64_ENCODE", "", ctx) }
        #expect(throws: FunctionError.self) { try read("BASE64_DECODE", "", ctx) }
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 1...40, using: &generator)).map { _ in UInt8.random(in: 1...127, using: &generator) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(try read("BASE64_DECODE", try read("BASE64_ENCODE", text, ctx), ctx) == text)
        }
    }

    @Test func uri() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("URIENCODE", "a b&c=d/é", ctx) == "a%20b%26c%3Dd%2F%C3%A9")
        #expect(try read("URIENCODE", "-_.!~*'()", ctx) == "-_.!~*'()")
        #expect(try read("URIDECODE", "a%20b%26c%3Dd%2F%C3%A9", ctx) == "a b&c=d/é")
        #expect(try read("URIDECODE", "100%", ctx) == "100%")
        #expect(try read("URIDECODE", "%4", ctx) == "%4")
        #expect(try read("URIDECODE", "a+b", ctx) == "a+b")
        #expect(try read("URIDECODE", "%41g", ctx) == "Ag")
        #expect(try read("URIENCODE", "", ctx) == "")
        #expect(try read("URIDECODE", "", ctx) == "")
    }
}
