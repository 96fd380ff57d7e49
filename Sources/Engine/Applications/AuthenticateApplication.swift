import Dialplan
import Foundation

/// `Authenticate(password[,options[,maxdigits[,prompt]]])` (`apps/app_authenticate.c`).
///
/// Up to three tries: `agent-pass` (or the given prompt), then `auth-incorrect` after a wrong entry; success
/// plays `auth-thankyou` and goes on, failure plays `vm-goodbye` and ends the call. A password starting with
/// `/` is a file of passwords, one per line (`m`: lines `account:md5hash`), or with `d` an AstDB family whose
/// keys are the valid passwords (`r` removes the key used). The digits typed are secret: `*` in the trace and
/// masked everywhere.
enum AuthenticateApplication {
    static let all: [Application] = [
        Application("Authenticate") { call, arguments in authenticate(arguments, call: call) },
    ]

    static func authenticate(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 4)
        let password = parts[0]
        guard !password.isEmpty else {
            call.warn("Authenticate requires an argument(password)")
            return .hangup
        }
        if !password.hasPrefix("/") { call.secrets.hide(password) }
        let options = ApplicationArguments.options(parts[1])
        var maxDigits = 254
        if let value = Condition.leadingInteger(parts[2]), value >= 1, value <= 254 { maxDigits = value }
        var prompt = parts[3].isEmpty ? "agent-pass" : parts[3]
        if options["a"] != nil {
            call.warn("Authenticate: option 'a' (set the account code) is not supported; the account code stays '\(call.accountCode)'")
        }
        BasicApplications.answer(call)

        var accepted = false
        var hungUp = false
        for _ in 0..<3 {
            let (typed, end) = ReadApplications.getData(prompts: ApplicationArguments.prompts(prompt),
                                                        maxDigits: maxDigits, timeout: nil,
                                                        terminators: DigitSet("#"), secret: true, call: call)
            if end == .hangup || end == .failed {
                hungUp = end == .hangup
                break
            }
            call.secrets.hide(typed)
            if !password.hasPrefix("/") {
                if typed == password { accepted = true; break }
            } else if options["d"] != nil {
                let family = String(password.dropFirst())
                if let database = call.configuration.astdb {
                    if !typed.isEmpty, database.get(family: family, key: typed) != nil {
                        if options["r"] != nil { _ = database.delete(family: family, key: typed) }
                        accepted = true
                        break
                    }
                } else {
                    call.warn("Authenticate: option 'd' needs an AstDB, and this engine has none")
                }
            } else {
                guard let contents = try? String(contentsOfFile: password, encoding: .utf8) else {
                    call.warn("Unable to open file '\(password)' for authentication")
                    continue
                }
                if matches(typed, lines: contents, md5: options["m"] != nil) { accepted = true; break }
            }
            prompt = "auth-incorrect"
        }
        if accepted {
            if case .hangup = Prompts.play("auth-thankyou", call: call, interrupt: .none) { return .hangup }
            return call.channel.isHungUp ? .hangup : .proceed
        }
        if !hungUp && !call.channel.isHungUp { _ = Prompts.play("vm-goodbye", call: call, interrupt: .none) }
        return .hangup
    }

    /// A line of the password file equals the entry (or, with `m`, `account:md5` matches its MD5).
    static func matches(_ typed: String, lines contents: String, md5: Bool) -> Bool {
        let hash = MD5.hex(typed)
        for raw in contents.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if md5 {
                guard let colon = line.firstIndex(of: ":") else { continue }
                if String(line[line.index(after: colon)...]) == hash { return true }
            } else if line == typed {
                return true
            }
        }
        return false
    }
}

/// MD5 (RFC 1321), for Authenticate's `m` option (`ast_md5_hash`: lower-case hex).
enum MD5 {
    private static let shifts: [UInt32] = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                           5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                                           4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                           6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
    private static let constants: [UInt32] = (0..<64).map { UInt32(truncatingIfNeeded: Int64(abs(sin(Double($0 + 1))) * 4_294_967_296)) }

    static func hex(_ text: String) -> String {
        var message = Array(text.utf8)
        let bitLength = UInt64(message.count) * 8
        message.append(0x80)
        while message.count % 64 != 56 { message.append(0) }
        for index in 0..<8 { message.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(index)))) }
        var a0: UInt32 = 0x6745_2301, b0: UInt32 = 0xefcd_ab89, c0: UInt32 = 0x98ba_dcfe, d0: UInt32 = 0x1032_5476
        for chunk in stride(from: 0, to: message.count, by: 64) {
            var words = [UInt32](repeating: 0, count: 16)
            for index in 0..<16 {
                let base = chunk + index * 4
                words[index] = UInt32(message[base]) | UInt32(message[base + 1]) << 8
                    | UInt32(message[base + 2]) << 16 | UInt32(message[base + 3]) << 24
            }
            var a = a0, b = b0, c = c0, d = d0
            for round in 0..<64 {
                var f: UInt32
                var g: Int
                switch round {
                case 0..<16: f = (b & c) | (~b & d); g = round
                case 16..<32: f = (d & b) | (~d & c); g = (5 * round + 1) % 16
                case 32..<48: f = b ^ c ^ d; g = (3 * round + 5) % 16
                default: f = c ^ (b | ~d); g = (7 * round) % 16
                }
                f = f &+ a &+ constants[round] &+ words[g]
                a = d
                d = c
                c = b
                b = b &+ ((f << shifts[round]) | (f >> (32 - shifts[round])))
            }
            a0 = a0 &+ a; b0 = b0 &+ b; c0 = c0 &+ c; d0 = d0 &+ d
        }
        return [a0, b0, c0, d0].map { word in
            (0..<4).map { index in
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt32(index)))
                let text = String(byte, radix: 16)
                return byte < 16 ? "0" + text : text
            }.joined()
        }.joined()
    }
}
