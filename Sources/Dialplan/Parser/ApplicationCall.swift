/// The application part of a priority line, split as `pbx_config` splits it: `App(data)`.
///
/// The name is the text before the first `(` (leading blanks skipped, trailing blanks kept, so `NoOp (x)` names
/// the application `"NoOp "`); the data runs to the last `)`. A name holding `${` or `$[` makes the whole field a
/// dynamic application name with no data.
struct ApplicationCall {
    var name: String
    var data: String
    /// Byte offset of the name within the field.
    var nameOffset: Int
    /// Byte offset of the data within the field.
    var dataOffset: Int
    /// True when a `(` opened the data but no `)` closed it.
    var missingCloseParen: Bool

    init(field: String) {
        let bytes = Array(field.utf8)
        var start = 0
        while start < bytes.count, bytes[start] < 33 { start += 1 }
        nameOffset = start
        missingCloseParen = false
        guard let open = bytes[start...].firstIndex(of: UInt8(ascii: "(")) else {
            name = String(decoding: bytes[start...], as: UTF8.self)
            data = ""
            dataOffset = bytes.count
            return
        }
        let head = String(decoding: bytes[start..<open], as: UTF8.self)
        if head.containsSubstitution {
            name = String(decoding: bytes[start...], as: UTF8.self)
            data = ""
            dataOffset = bytes.count
            return
        }
        name = head
        dataOffset = open + 1
        if let close = bytes[(open + 1)...].lastIndex(of: UInt8(ascii: ")")) {
            data = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        } else {
            data = String(decoding: bytes[(open + 1)...], as: UTF8.self)
            missingCloseParen = true
        }
    }
}
