import Dialplan
import Foundation
import Testing
@testable import Engine

/// Authenticate (`apps/app_authenticate.c`): three tries, prompts, password files, secrecy.
@Suite struct AuthenticateApplicationTests {
    static func dialplan(_ arguments: String) -> String {
        """
        [default]
        exten => s,1,Authenticate(\(arguments))
         same => n,Playback(welcome)
        exten => h,1,NoOp(end)
        """
    }

    func typedDigits(_ result: CallResult) -> [Character] {
        result.events.compactMap { if case .digit(let digit) = $0.kind { return digit } else { return nil } }
    }

    @Test func rightPasswordFirstTime() {
        let result = runCall(Self.dialplan("1234"), digits: "1234#@1.5s")
        #expect(result.prompts == ["agent-pass", "auth-thankyou", "welcome"])
        #expect(typedDigits(result) == ["*", "*", "*", "*", "#"])
        #expect(result.record.answer != nil)
    }

    @Test func wrongThenRight() {
        let result = runCall(Self.dialplan("1234"), digits: "99#@1.5s 1234#@4s")
        #expect(result.prompts == ["agent-pass", "auth-incorrect", "auth-thankyou", "welcome"])
    }

    @Test func threeFailuresHangUp() {
        let result = runCall(Self.dialplan("1234"), digits: "1#@1.5s 2#@4s 3#@7s")
        #expect(result.prompts == ["agent-pass", "auth-incorrect", "auth-incorrect", "vm-goodbye"])
        #expect(result.path == ["s,1:Authenticate", "h,1:NoOp"])
    }

    @Test func silenceCountsAsAWrongTry() {
        // No input: each try waits TIMEOUT(response) after its prompt.
        let result = runCall(Self.dialplan("1234"))
        #expect(result.prompts == ["agent-pass", "auth-incorrect", "auth-incorrect", "vm-goodbye"])
        #expect(result.events.first { $0.kind == .promptStart("vm-goodbye") }?.time == 33)
    }

    @Test func maxDigitsAndCustomPrompt() {
        let result = runCall(Self.dialplan("1234,,4,enter-pin"), digits: "1234@1.5s")
        #expect(result.prompts == ["enter-pin", "auth-thankyou", "welcome"])
    }

    @Test func typedDigitsAndThePasswordAreMasked() {
        let result = runCall("""
        [default]
        exten => s,1,Authenticate(4321)
         same => n,Verbose(typed 4321)
        """, digits: "4321#@1.5s")
        #expect(result.verbose == ["typed ****"])
        #expect(!result.events.contains { $0.kind == .digit("4") })
        // Not even the priority's own arguments show the password.
        #expect(!result.events.map(TraceJSON.line).joined().contains("4321"))
    }

    @Test func passwordFile() throws {
        let path = NSTemporaryDirectory() + "ivr-auth-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "1111\n2222\n".write(toFile: path, atomically: true, encoding: .utf8)
        let good = runCall(Self.dialplan(path), digits: "2222#@1.5s")
        #expect(good.prompts == ["agent-pass", "auth-thankyou", "welcome"])
        let bad = runCall(Self.dialplan(path), digits: "3333#@1.5s 1111#@4s")
        #expect(bad.prompts == ["agent-pass", "auth-incorrect", "auth-thankyou", "welcome"])
    }

    @Test func md5PasswordFile() throws {
        let path = NSTemporaryDirectory() + "ivr-auth-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // md5("1234") = 81dc9bdb52d04dc20036dbd8313ed055.
        try "sales:81dc9bdb52d04dc20036dbd8313ed055\n".write(toFile: path, atomically: true, encoding: .utf8)
        let good = runCall(Self.dialplan("\(path),m"), digits: "1234#@1.5s")
        #expect(good.prompts == ["agent-pass", "auth-thankyou", "welcome"])
        let plain = runCall(Self.dialplan("\(path),m"), digits: "sales#@1.5s")
        #expect(plain.prompts.last == "vm-goodbye")
    }

    @Test func md5MatchesKnownVectors() {
        #expect(MD5.hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(MD5.hex(String(repeating: "1234567890", count: 8)) == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test func missingPasswordFileFailsEveryTry() {
        let result = runCall(Self.dialplan("/nonexistent/ivr-passwords"), digits: "1#@1.5s 1#@4s 1#@7s")
        #expect(result.warnings.contains { $0.contains("Unable to open file") })
        #expect(result.prompts.last == "vm-goodbye")
    }

    @Test func databaseOptionWithoutAnAstDBFails() {
        let result = runCall(Self.dialplan("/pins,d"), digits: "1#@1.5s 1#@4s 1#@7s")
        #expect(result.warnings.contains { $0.contains("AstDB") })
        #expect(result.prompts.last == "vm-goodbye")
    }

    @Test func noPasswordEndsTheCall() {
        let result = runCall(Self.dialplan(""))
        #expect(result.prompts.isEmpty)
        #expect(result.path == ["s,1:Authenticate", "h,1:NoOp"])
    }
}
