import Dialplan

/// Argument helpers shared by applications: Asterisk's argument splitting, time lengths and option letters.
enum ApplicationArguments {
    /// `AST_STANDARD_APP_ARGS` with `count` declared arguments; missing ones are "".
    static func split(_ text: String, count: Int) -> [String] {
        var parts = ArgumentSplitter.split(text, limit: count)
        while parts.count < count { parts.append("") }
        return parts
    }

    /// `ast_app_parse_timelen`: `1.5`, `500ms`, `2m`, `1h` (seconds by default); nil when unreadable.
    static func timeLength(_ text: String, defaultUnit: Double = 1) -> Double? {
        let trimmed = text.trimmingBlanksForApplication()
        guard !trimmed.isEmpty else { return nil }
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where trimmed.lowercased().hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count)), value.isFinite else { return nil }
            return value * scale
        }
        guard let value = leadingDouble(trimmed), value.isFinite else { return nil }
        return value * defaultUnit
    }

    /// `atof`: the longest leading decimal number (blank, sign, digits, point, digits); nil when there is none.
    static func leadingDouble(_ text: String) -> Double? {
        var number = ""
        var sawDigit = false
        var sawPoint = false
        for (index, character) in text.enumerated() {
            if character == " " && number.isEmpty { continue }
            if (character == "-" || character == "+") && index == 0 { number.append(character); continue }
            if character.isASCII && character.isNumber { number.append(character); sawDigit = true; continue }
            if character == "." && !sawPoint { number.append(character); sawPoint = true; continue }
            break
        }
        guard sawDigit else { return nil }
        return Double(number)
    }

    /// `ast_app_parse_options`: each letter a flag, optionally followed by `(argument)`.
    static func options(_ text: String) -> [Character: String] {
        var result: [Character: String] = [:]
        var characters = Array(text)[...]
        while let letter = characters.popFirst() {
            var argument = ""
            if characters.first == "(" {
                characters.removeFirst()
                var depth = 1
                while let next = characters.popFirst() {
                    if next == "(" { depth += 1 } else if next == ")" { depth -= 1; if depth == 0 { break } }
                    argument.append(next)
                }
            }
            result[letter] = argument
        }
        return result
    }

    /// `&`-separated prompt names, each trimmed; empty names dropped.
    static func prompts(_ text: String) -> [String] {
        guard text.utf8.contains(UInt8(ascii: "&")) else {
            let single = text.trimmingBlanksForApplication()
            return single.isEmpty ? [] : [single]
        }
        return text.utf8.split(separator: UInt8(ascii: "&")).compactMap { part in
            let name = String(decoding: part, as: UTF8.self).trimmingBlanksForApplication()
            return name.isEmpty ? nil : name
        }
    }

    /// Splits `condition?then[:else]` at the first `?` and the first `:` after it (raw, as GotoIf does).
    static func conditional(_ text: String) -> (condition: String, then: String?, otherwise: String?)? {
        guard let question = text.firstIndex(of: "?") else { return nil }
        let condition = String(text[..<question])
        let rest = text[text.index(after: question)...]
        guard let colon = rest.firstIndex(of: ":") else { return (condition, String(rest), nil) }
        return (condition, String(rest[..<colon]), String(rest[rest.index(after: colon)...]))
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (a byte scan; no copy when there is nothing to trim).
    func trimmingBlanksForApplication() -> String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        if !isBlank(first) && !isBlank(last) { return self }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { start = bytes.index(after: start) }
        while end > start, isBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        return String(self[start..<end])
    }
}
