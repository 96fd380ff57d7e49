/// A dialplan function named in application data: `${NAME(...)}` or the target of `Set(NAME(...)=value)`.
struct FunctionUse: Equatable {
    var name: String
    /// Byte offset of the name within the data.
    var offset: Int

    /// Every statically named function in `data`; `application` is the lower-cased application name.
    static func find(in data: String, application: String) -> [FunctionUse] {
        let bytes = Array(data.utf8)
        var uses: [FunctionUse] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{") {
                if let use = name(in: bytes, from: index + 2, terminators: [UInt8(ascii: "}"), UInt8(ascii: ":")]) {
                    uses.append(use)
                }
                index += 2
                continue
            }
            index += 1
        }
        if application == "set" || application == "mset" {
            // Each assignment target: the first one, then (MSet) one after every top-level comma.
            var starts = [0]
            if application == "mset" {
                var offset = 0
                for piece in ArgumentSplitter.splitRaw(data).dropLast() {
                    offset += piece.utf8.count + 1
                    starts.append(offset)
                }
            }
            for start in starts where start < bytes.count {
                if let use = name(in: bytes, from: start, terminators: [UInt8(ascii: "=")]) { uses.append(use) }
            }
        }
        return uses
    }

    /// A name made of letters, digits and `_` followed by `(`, starting at `start`.
    private static func name(in bytes: [UInt8], from start: Int, terminators: [UInt8]) -> FunctionUse? {
        var cursor = start
        while cursor < bytes.count, bytes[cursor] == 0x20 { cursor += 1 }
        let nameStart = cursor
        while cursor < bytes.count {
            let b = bytes[cursor]
            let isNameByte = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "_")
            guard isNameByte else { break }
            cursor += 1
        }
        guard cursor > nameStart, cursor < bytes.count, bytes[cursor] == UInt8(ascii: "("),
              !terminators.contains(bytes[cursor]) else { return nil }
        return FunctionUse(name: String(decoding: bytes[nameStart..<cursor], as: UTF8.self), offset: nameStart)
    }
}
