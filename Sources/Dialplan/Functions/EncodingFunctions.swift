import Foundation

/// Digest and encoding functions (`funcs/func_sha1.c`, `funcs/func_base64.c`, `funcs/func_uri.c`):
/// SHA1, BASE64_ENCODE, BASE64_DECODE, URIENCODE, URIDECODE.
enum EncodingFunctions {
    typealias S = FunctionSupport

    static let all: [DialplanFunction] = [
        DialplanFunction("SHA1", synopsis: "SHA1(data) — 40 hexadecimal digits of the SHA-1 digest", read: { argument, _ throws(FunctionError) in
            guard !argument.isEmpty else { throw .badArguments(function: "SHA1", reason: "syntax: SHA1(<data>) - missing argument") }
            return SHA1.hexDigest(argument)
        }),
        DialplanFunction("BASE64_ENCODE", synopsis: "BASE64_ENCODE(string) — base64 with padding", read: { argument, _ throws(FunctionError) in
            guard !argument.isEmpty else {
                throw .badArguments(function: "BASE64_ENCODE", reason: "syntax: BASE64_ENCODE(<data>) - missing argument")
            }
            return base64Encode(S.bytes(argument))
        }),
        DialplanFunction("BASE64_DECODE", synopsis: "BASE64_DECODE(base64) — the decoded text", read: { argument, _ throws(FunctionError) in
            guard !argument.isEmpty else {
                throw .badArguments(function: "BASE64_DECODE", reason: "syntax: BASE64_DECODE(<data>) - missing argument")
            }
            var decoded = base64Decode(argument)
            if let nul = decoded.firstIndex(of: 0) { decoded.removeSubrange(nul...) }
            return S.string(decoded)
        }),
        DialplanFunction("URIENCODE", synopsis: "URIENCODE(string) — %XX-encodes all but letters, digits and -_.!~*'()",
                         read: { argument, _ throws(FunctionError) in uriEncode(argument) }),
        DialplanFunction("URIDECODE", synopsis: "URIDECODE(string) — decodes %XX sequences",
                         read: { argument, _ throws(FunctionError) in uriDecode(argument) }),
    ]

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64Encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18 & 0x3F)])
            out.append(alphabet[Int(group >> 12 & 0x3F)])
            out.append(index + 1 < bytes.count ? alphabet[Int(group >> 6 & 0x3F)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(group & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return S.string(out)
    }

    /// `ast_base64decode`: stops at the end or the first `=`; a character outside the alphabet counts as 63.
    static func base64Decode(_ text: String) -> [UInt8] {
        var table = [UInt8](repeating: 63, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        var out: [UInt8] = []
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { break }
            accumulator = (accumulator << 6 | UInt32(table[Int(byte)])) & 0xFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }

    /// `ast_uri_encode` with the HTTP rules: letters, digits and `-_.!~*'()` stay, the rest becomes `%XX`.
    static func uriEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let mark = Array("-_.!~*'()".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            let alphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if alphanumeric || mark.contains(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return S.string(out)
    }

    /// `ast_uri_decode`: `%` with two more characters whose first is hex becomes that byte (`%2x`); the rest is copied.
    static func uriDecode(_ text: String) -> String {
        let b = S.bytes(text)
        var out: [UInt8] = []
        var index = 0
        while index < b.count {
            if b[index] == UInt8(ascii: "%"), index + 2 < b.count, let high = S.hexValue(b[index + 1]) {
                if let low = S.hexValue(b[index + 2]) {
                    out.append(high << 4 | low)
                } else {
                    out.append(high)
                }
                index += 3
            } else {
                out.append(b[index])
                index += 1
            }
        }
        if let nul = out.firstIndex(of: 0) { out.removeSubrange(nul...) }
        return S.string(out)
    }
}
