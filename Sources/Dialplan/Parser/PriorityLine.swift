/// The fields of an `exten =>` or `same =>` value: extension name, caller-ID match, priority, label, application.
struct PriorityLine {
    var name: String?
    var nameOffset = 0
    var callerID: String?
    var priority: String
    var priorityOffset: Int
    var label: String?
    /// Label text was opened with `(` but never closed.
    var labelUnclosed = false
    var applicationField: String
    var applicationOffset: Int

    /// Splits `value`; `hasName` is false for `same =>`. Nil when the priority field is missing.
    init?(value: String, hasName: Bool) {
        let bytes = Array(value.utf8)
        var cursor = 0
        if hasName {
            // pbx_strsep: a comma inside [...] does not split, a backslash protects the next byte.
            var square = 0
            var index = 0
            var found: Int?
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "[") {
                    square += 1
                } else if byte == UInt8(ascii: "]") {
                    if square > 0 { square -= 1 }
                } else if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: ","), square == 0 {
                    found = index
                    break
                }
                index += 1
            }
            guard let comma = found else { return nil }
            var fullName = String(decoding: bytes[0..<comma], as: UTF8.self)
            if let slash = fullName.firstIndex(of: "/") {
                callerID = String(fullName[fullName.index(after: slash)...])
                fullName = String(fullName[..<slash])
            }
            name = fullName
            cursor = comma + 1
        }
        let priorityEnd = bytes[cursor...].firstIndex(of: UInt8(ascii: ",")) ?? bytes.count
        var priorityStart = cursor
        while priorityStart < priorityEnd, ConfigReader.isBlank(bytes[priorityStart]) { priorityStart += 1 }
        var priorityText = String(decoding: bytes[priorityStart..<priorityEnd], as: UTF8.self)
        priorityOffset = priorityStart
        if let open = priorityText.firstIndex(of: "(") {
            let after = priorityText[priorityText.index(after: open)...]
            if let close = after.firstIndex(of: ")") {
                let text = String(after[..<close])
                label = text.isEmpty ? nil : text
            } else {
                labelUnclosed = true
            }
            priorityText = String(priorityText[..<open])
        }
        priority = priorityText.trimmingBlanks()
        if priorityEnd < bytes.count {
            applicationOffset = priorityEnd + 1
            applicationField = String(decoding: bytes[(priorityEnd + 1)...], as: UTF8.self)
        } else {
            applicationOffset = bytes.count
            applicationField = ""
        }
        if !hasName && priority.isEmpty && priorityEnd == bytes.count { return nil }
    }
}

extension String {
    /// The string without leading and trailing blanks (space, tab, CR).
    func trimmingBlanks() -> String {
        guard let head = utf8.first, let tail = utf8.last else { return self }
        if !ConfigReader.isBlank(head) && !ConfigReader.isBlank(tail) { return self }
        let bytes = Array(utf8)
        var first = 0
        var last = bytes.count
        while first < last, ConfigReader.isBlank(bytes[first]) { first += 1 }
        while last > first, ConfigReader.isBlank(bytes[last - 1]) { last -= 1 }
        if first == 0 && last == bytes.count { return self }
        return String(decoding: bytes[first..<last], as: UTF8.self)
    }
}
