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
