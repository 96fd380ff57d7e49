/// The DTMF signalling alphabet (ITU-T Q.23): four row (low-group) and four column
/// (high-group) frequencies, sixteen symbols.
public enum DTMF {
    /// All DTMF work in this module is at the telephony rate.
    public static let sampleRate = 8000

    /// Low group, Hz.
    public static let rowFrequencies: [Double] = [697, 770, 852, 941]

    /// High group, Hz.
    public static let columnFrequencies: [Double] = [1209, 1336, 1477, 1633]

    /// The sixteen symbols in row-major keypad order: `symbols[row * 4 + column]`.
    public static let symbols: [Character] = Array("123A456B789C*0#D")

    /// Row and column index of a symbol (`a`–`d` are accepted as `A`–`D`), or nil.
    public static func position(of symbol: Character) -> (row: Int, column: Int)? {
        let upper: Character
        switch symbol {
        case "a": upper = "A"
        case "b": upper = "B"
        case "c": upper = "C"
        case "d": upper = "D"
        default: upper = symbol
        }
        guard let index = symbols.firstIndex(of: upper) else { return nil }
        return (index / 4, index % 4)
    }

    /// The nominal (low, high) frequency pair of a symbol, or nil if it is not a DTMF symbol.
    public static func frequencies(for symbol: Character) -> (low: Double, high: Double)? {
        guard let p = position(of: symbol) else { return nil }
        return (rowFrequencies[p.row], columnFrequencies[p.column])
    }
}
