/// How much of an extension the dialed data must cover (Asterisk's `E_MATCH`, `E_CANMATCH`, `E_MATCHMORE`).
public enum MatchMode: Sendable, Hashable {
    /// The data is a complete extension.
    case match
    /// The data is a complete extension or the start of one.
    case canMatch
    /// The data is the start of a longer extension: more digits are needed.
    case matchMore
}

/// An extension name (or caller-ID match) compiled once for matching and ordering, as Asterisk's `main/pbx.c`
/// list matcher reads it.
///
/// Text is handled as bytes, like the C code: a NUL byte ends it, and bytes compare as *signed* `char`
/// (x86-64 Linux), which only matters for bytes ≥ 0x80 in literal ordering and in `[a-b]` ranges.
public struct ExtensionPattern: Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// True when the text starts with `_`: the rest is a pattern. Otherwise every byte is literal.
    public let isPattern: Bool
    /// Things in the pattern that do not do what they seem to (for the linter). Empty for well-formed text.
    public let problems: [String]

    /// Literal: the bytes without dashes. Pattern: unused.
    private let literal: [UInt8]
    /// Pattern: what each data byte must satisfy, dashes dropped, up to the first `.`, `!`, bad `[`, `/` or end.
    private let elements: [PatternElement]
    /// Pattern: one sort key per position (Asterisk's `ext_cmp_pattern_pos`), always ending with the end key.
    private let orderKeys: [OrderKey]

    public init(_ text: String) {
        self.text = text
        let bytes = Self.cBytes(text)
        if bytes.first == UInt8(ascii: "_") {
            isPattern = true
            literal = []
            let body = bytes.dropFirst()
            var problems: [String] = []
            elements = Self.compileElements(body, problems: &problems)
            orderKeys = Self.compileOrderKeys(body, problems: &problems)
            if bytes.count == 2 && (bytes[1] == UInt8(ascii: ".") || bytes[1] == UInt8(ascii: "!")) {
                problems.append("'\(text)' matches everything, even 'h', 'i', 't' and 'e'; use '_X\(text.dropFirst())' instead")
            }
            self.problems = problems
        } else {
            isPattern = false
            literal = bytes.filter { $0 != UInt8(ascii: "-") }
            elements = []
            orderKeys = []
            problems = []
        }
    }

    public var description: String { text }

    public static func == (lhs: ExtensionPattern, rhs: ExtensionPattern) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    // MARK: - Matching (`_extension_match_core`)

    /// Matches `data` (a dialed extension or caller number) against this extension, as `_extension_match_core`:
    /// 0 = no, 1 = yes, 2 = yes through a `!` ("early match": nothing more is awaited).
    public func match(_ data: String, mode: MatchMode) -> Int {
        var data = data
        return data.withUTF8 { match(bytes: $0, mode: mode) }
    }

    /// `match(_:mode:) != 0` with `.match`: `data` is this extension (Asterisk's `ast_extension_match`).
    public func matches(_ data: String) -> Bool { match(data, mode: .match) != 0 }

    /// The byte-level matcher. A NUL byte in `data` ends it.
    func match(bytes data: UnsafeBufferPointer<UInt8>, mode: MatchMode) -> Int {
        let count = data.count
        @inline(__always) func at(_ index: Int) -> UInt8 { index < count ? data[index] : 0 }
        let dash = UInt8(ascii: "-")

        guard isPattern else { return matchLiteral(data, mode: mode) }

        // Goto to a pattern name: data written as a pattern equal to this one (in sort terms) is this extension.
        if mode == .match && at(0) == UInt8(ascii: "_") {
            var problems: [String] = []
            let dataKeys = Self.compileOrderKeys(UnsafeBufferPointer(rebasing: data[1...]).prefix { $0 != 0 },
                                                 problems: &problems)
            if Self.compareKeys(orderKeys, dataKeys) == 0 { return 1 }
        }

        var position = 0
        var elementIndex = 0
        let elementCount = elements.count
        while true {
            while at(position) == dash { position += 1 }
            let byte = at(position)
            if byte == 0 || elementIndex == elementCount { break }
            switch elements[elementIndex] {
            case .set(let set):
                guard set.contains(byte) else { return 0 }
                position += 1
                elementIndex += 1
            case .emptySet:
                elementIndex += 1
            case .unterminatedSet:
                return 0
            case .oneOrMore:
                return 1
            case .zeroOrMore:
                return 2
            }
        }
        if at(position) != 0 { return 0 }                  // data left over
        if elementIndex == elementCount { return mode == .matchMore ? 0 : 1 }
        if case .zeroOrMore = elements[elementIndex] { return 2 }
        return mode == .match ? 0 : 1                      // data ran out inside the pattern
    }

    private func matchLiteral(_ data: UnsafeBufferPointer<UInt8>, mode: MatchMode) -> Int {
        let dash = UInt8(ascii: "-")
        var dataLength = 0
        for byte in data {
            if byte == 0 { break }
            if byte != dash { dataLength += 1 }
        }
        if literal.count < dataLength { return 0 }
        // Is the data (dashes ignored) a prefix of the literal?
        var index = 0
        for byte in data {
            if byte == 0 { break }
            if byte == dash { continue }
            if literal[index] != byte { return 0 }
            index += 1
        }
        switch mode {
        case .match: return literal.count == dataLength ? 1 : 0
        case .canMatch: return 1
        case .matchMore: return literal.count > dataLength ? 1 : 0
        }
    }

    // MARK: - Ordering (`ext_cmp`)

    /// Asterisk's `ext_cmp`: negative when `a` sorts first, 0 when Asterisk treats them as the same extension.
    public static func compare(_ a: ExtensionPattern, _ b: ExtensionPattern) -> Int {
        switch (a.isPattern, b.isPattern) {
        case (false, true): return -1
        case (true, false): return 1
        case (false, false): return compareLiterals(a.literal, b.literal)
        case (true, true): return compareKeys(a.orderKeys, b.orderKeys)
        }
    }

    /// `ext_cmp_exten`: byte-wise as signed `char`, dashes ignored, the end counting as 0.
    private static func compareLiterals(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var index = 0
        while true {
            let left = index < a.count ? Int(Int8(bitPattern: a[index])) : 0
            let right = index < b.count ? Int(Int8(bitPattern: b[index])) : 0
            if left != right { return left - right }
            if left == 0 { return 0 }
            index += 1
        }
    }

    /// `ext_cmp_pattern`: position by position, by score, then by set (the set holding the lowest
    /// differing character first).
    private static func compareKeys(_ a: [OrderKey], _ b: [OrderKey]) -> Int {
        var index = 0
        while index < a.count && index < b.count {
            let left = a[index]
            let right = b[index]
            if left.score != right.score { return left.score - right.score }
            let sets = left.set.orderCompare(right.set)
            if sets != 0 { return sets }
            if left.score == OrderKey.endScore { return 0 }
            index += 1
        }
        return a.count - b.count   // not reached: both lists end with the end key
    }

    // MARK: - Compilation

    /// The UTF-8 bytes up to the first NUL, as a C string would see them.
    static func cBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == 0 { break }
            bytes.append(byte)
        }
        return bytes
    }

    private static func compileElements<C: Collection>(_ body: C, problems: inout [String]) -> [PatternElement]
    where C.Element == UInt8, C.Index == Int {
        var elements: [PatternElement] = []
        var index = body.startIndex
        let end = body.endIndex
        while index < end {
            let byte = body[index]
            switch byte {
            case UInt8(ascii: "-"):
                index += 1
                continue
            case UInt8(ascii: "/"):
                problems.append("'/' at offset \(index) ends the pattern; the rest is never matched")
                return elements
            case UInt8(ascii: "["):
                guard let close = body[(index + 1)...].firstIndex(of: UInt8(ascii: "]")) else {
                    problems.append("unterminated '[' at offset \(index): nothing from there on can match")
                    elements.append(.unterminatedSet)
                    return elements
                }
                if close == index + 1 {
                    problems.append("empty '[]' at offset \(index) is ignored")
                    elements.append(.emptySet)
                } else {
                    elements.append(.set(matchSet(body[(index + 1)..<close], problems: &problems)))
                }
                index = close + 1
            case UInt8(ascii: "n"), UInt8(ascii: "N"):
                elements.append(.set(ByteSet(UInt8(ascii: "2")...UInt8(ascii: "9"))))
                index += 1
            case UInt8(ascii: "x"), UInt8(ascii: "X"):
                elements.append(.set(ByteSet(UInt8(ascii: "0")...UInt8(ascii: "9"))))
                index += 1
            case UInt8(ascii: "z"), UInt8(ascii: "Z"):
                elements.append(.set(ByteSet(UInt8(ascii: "1")...UInt8(ascii: "9"))))
                index += 1
            case UInt8(ascii: "."), UInt8(ascii: "!"):
                elements.append(byte == UInt8(ascii: ".") ? .oneOrMore : .zeroOrMore)
                if body[(index + 1)...].contains(where: { $0 != UInt8(ascii: "-") }) {
                    problems.append("characters after '\(Character(Unicode.Scalar(byte)))' at offset \(index) are never matched")
                }
                return elements
            default:
                elements.append(.set(ByteSet(single: byte)))
                index += 1
            }
        }
        return elements
    }

    /// The bytes a `[...]` body accepts when matching: single characters, and `a-b` ranges compared as
    /// signed `char` (a range needs a character after the `-` inside the brackets).
    private static func matchSet(_ items: ArraySlice<UInt8>, problems: inout [String]) -> ByteSet {
        var set = ByteSet()
        var index = items.startIndex
        while index < items.endIndex {
            let first = items[index]
            if index + 2 < items.endIndex && items[index + 1] == UInt8(ascii: "-") {
                let last = items[index + 2]
                let low = Int8(bitPattern: first)
                let high = Int8(bitPattern: last)
                if low > high {
                    problems.append("range '\(printable(first))-\(printable(last))' is empty")
                } else {
                    for value in Int(low)...Int(high) { set.insert(UInt8(bitPattern: Int8(value))) }
                }
                if last == 0xFF {
                    problems.append("range ending in byte 0xFF makes Asterisk loop forever while sorting")
                }
                index += 3
            } else {
                set.insert(first)
                index += 1
            }
        }
        return set
    }

    private static func matchSet<C: Collection>(_ items: C, problems: inout [String]) -> ByteSet
    where C.Element == UInt8, C.Index == Int {
        matchSet(ArraySlice(items), problems: &problems)
    }

    /// One key per position, as `ext_cmp_pattern_pos` scores them, ending with the end key.
    private static func compileOrderKeys<C: Collection>(_ body: C, problems: inout [String]) -> [OrderKey]
    where C.Element == UInt8, C.Index == Int {
        var keys: [OrderKey] = []
        var index = body.startIndex
        let end = body.endIndex
        @inline(__always) func at(_ position: Int) -> UInt8 { position < end ? body[position] : 0 }
        positions: while true {
            // A position: skip dashes, and skip sets that turned out empty.
            while true {
                var byte = at(index)
                index += 1
                while byte == UInt8(ascii: "-") {
                    byte = at(index)
                    index += 1
                }
                switch byte {
                case 0:
                    keys.append(OrderKey(score: OrderKey.endScore, set: ByteSet()))
                    break positions
                case UInt8(ascii: "n"), UInt8(ascii: "N"):
                    keys.append(OrderKey(score: 0x0800 | Int(UInt8(ascii: "2")),
                                         set: ByteSet(UInt8(ascii: "2")...UInt8(ascii: "9"))))
                    continue positions
                case UInt8(ascii: "x"), UInt8(ascii: "X"):
                    keys.append(OrderKey(score: 0x0A00 | Int(UInt8(ascii: "0")),
                                         set: ByteSet(UInt8(ascii: "0")...UInt8(ascii: "9"))))
                    continue positions
                case UInt8(ascii: "z"), UInt8(ascii: "Z"):
                    keys.append(OrderKey(score: 0x0900 | Int(UInt8(ascii: "1")),
                                         set: ByteSet(UInt8(ascii: "1")...UInt8(ascii: "9"))))
                    continue positions
                case UInt8(ascii: "."):
                    keys.append(OrderKey(score: 0x18000, set: ByteSet()))
                    continue positions
                case UInt8(ascii: "!"):
                    keys.append(OrderKey(score: 0x28000, set: ByteSet()))
                    continue positions
                case UInt8(ascii: "["):
                    break
                default:
                    keys.append(OrderKey(score: 0x0100 | Int(byte), set: ByteSet(single: byte)))
                    continue positions
                }
                // A set: `index` is just after the '['.
                var close = index
                while close < end && body[close] != UInt8(ascii: "]") && body[close] != 0 { close += 1 }
                guard close < end && body[close] == UInt8(ascii: "]") else {
                    // Scored last; the bytes after the '[' are then read as further positions.
                    keys.append(OrderKey(score: OrderKey.badSetScore, set: ByteSet()))
                    continue positions
                }
                var set = ByteSet()
                var size = 0
                var lowest: UInt8 = 0xFF
                while index < close {
                    let first = body[index]
                    var last = first
                    if index + 2 < close && body[index + 1] == UInt8(ascii: "-") {
                        last = body[index + 2]
                        index += 2
                    }
                    if first < lowest { lowest = first }
                    if first <= last {
                        for value in first...last where !set.contains(value) {
                            set.insert(value)
                            size += 1
                        }
                    }
                    index += 1
                }
                index = close + 1
                if size > 0 {
                    keys.append(OrderKey(score: (size << 8) | Int(lowest), set: set))
                    continue positions
                }
                // An empty set does not count as a position: read on.
            }
        }
        return keys
    }

    // MARK: - Helpers

    private static func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(Character(Unicode.Scalar(byte))) : "\\x" + String(byte, radix: 16)
    }

    /// Asterisk's `ast_shrink_phone_number`, used on `/cid` matches: drops `(`, `)` and spaces, `-` outside
    /// `[...]` and `.` unless it is the last character.
    public static func shrinkPhoneNumber(_ text: String) -> String {
        let bytes = cBytes(text)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var bracketDepth = 0   // may go negative on a stray ']', exactly as in Asterisk
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "["):
                bracketDepth += 1
                result.append(byte)
            case UInt8(ascii: "]"):
                bracketDepth -= 1
                result.append(byte)
            case UInt8(ascii: "-"):
                if bracketDepth != 0 { result.append(byte) }
            case UInt8(ascii: "."):
                if index == bytes.count - 1 { result.append(byte) }
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: " "):
                break
            default:
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Asterisk's `ext_strncpy` as applied to extension names when they are stored: spaces outside `[...]`
    /// are removed.
    public static func removingSpaces(_ text: String) -> String {
        var result: [UInt8] = []
        var inSquares = false
        for byte in cBytes(text) {
            if byte == UInt8(ascii: "[") {
                inSquares = true
            } else if byte == UInt8(ascii: "]") {
                inSquares = false
            } else if byte == UInt8(ascii: " ") && !inSquares {
                continue
            }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// One compiled step of a pattern.
enum PatternElement: Sendable, Hashable {
    /// One data byte from this set (a literal character, `X`, `Z`, `N` or `[...]`).
    case set(ByteSet)
    /// `[]`: consumes nothing, but still counts as "pattern not finished" when the data runs out.
    case emptySet
    /// `[` without `]`: fails as soon as a data byte reaches it.
    case unterminatedSet
    /// `.`
    case oneOrMore
    /// `!`
    case zeroOrMore
}

/// A sort key of one pattern position: `(set size << 8) | lowest character`, or a special score.
struct OrderKey: Sendable, Hashable {
    static let endScore = 0x30000
    static let badSetScore = 0x40000
    var score: Int
    var set: ByteSet
}

/// A set of bytes, one bit each.
struct ByteSet: Sendable, Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init() {}

    init(single byte: UInt8) {
        insert(byte)
    }

    init(_ range: ClosedRange<UInt8>) {
        for byte in range { insert(byte) }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// Negative when `self` holds the lowest character in which the two differ (it sorts first).
    func orderCompare(_ other: ByteSet) -> Int {
        for (mine, theirs) in [(words.0, other.words.0), (words.1, other.words.1),
                               (words.2, other.words.2), (words.3, other.words.3)] {
            let difference = mine ^ theirs
            if difference != 0 {
                let bit = UInt64(1) << UInt64(difference.trailingZeroBitCount)
                return mine & bit != 0 ? -1 : 1
            }
        }
        return 0
    }

    static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1
            && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

extension Extension {
    /// Asterisk's order of a context's extensions (`ast_add_extension2_lockopt`): `ext_cmp` of the names; for
    /// the same name, the variant with a caller-ID match first, two caller-ID variants by `ext_cmp` of their
    /// (shrunk) caller-ID patterns. A strict weak order; extensions Asterisk would merge compare equal.
    public static func precedes(_ a: Extension, _ b: Extension) -> Bool {
        order(a, b) < 0
    }

    /// The three-way form of `precedes`: 0 when Asterisk would treat both as the same extension.
    public static func order(_ a: Extension, _ b: Extension) -> Int {
        let names = ExtensionPattern.compare(a.pattern, b.pattern)
        if names != 0 { return names }
        switch (a.callerIDPattern, b.callerIDPattern) {
        case (nil, nil): return 0
        case (.some, nil): return -1
        case (nil, .some): return 1
        case let (.some(left), .some(right)): return ExtensionPattern.compare(left, right)
        }
    }
}
