extension StringProtocol {
    /// True when the text holds `${` or `$[`, the only text Asterisk substitutes. A byte scan, no Foundation.
    public var containsSubstitution: Bool {
        var previousWasDollar = false
        for byte in utf8 {
            if previousWasDollar && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")) { return true }
            previousWasDollar = byte == UInt8(ascii: "$")
        }
        return false
    }
}

extension String {
    /// The first `character` outside `${...}` and `$[...]` (their own `?`, `:` or `(` do not count).
    public func firstIndexOutsideSubstitutions(of character: Character) -> Index? {
        var depth = 0
        var previous: Character = " "
        for index in indices {
            let c = self[index]
            if previous == "$" && (c == "{" || c == "[") {
                depth += 1
            } else if depth > 0 && (c == "}" || c == "]") {
                depth -= 1
            } else if c == character && depth == 0 {
                return index
            }
            previous = c
        }
        return nil
    }
}
