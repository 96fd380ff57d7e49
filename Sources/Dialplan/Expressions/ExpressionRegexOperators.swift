import Foundation

/// The string operators of `$[...]`: `:` (regex anchored at the start), `=~` (unanchored) and `~~` (concatenation).
extension ExpressionWorkspace {
    /// `a : re` / `a =~ re`: quotes stripped, POSIX ERE; with a group the text of group 1, else the match length.
    /// No match gives "" with a group and 0 without; a bad pattern gives "".
    mutating func match(_ subject: ExpressionValue, _ pattern: ExpressionValue, anchored: Bool) -> ExpressionValue {
        let text = Self.strippingQuotes(bytes(of: subject))
        let patternText = String(decoding: Self.strippingQuotes(bytes(of: pattern)), as: UTF8.self)
        guard let regex = ExpressionRegexCache.shared.regex(for: patternText) else {
            warn("regcomp() error: invalid regular expression '\(patternText)'")
            return .empty
        }
        let subjectText = String(decoding: text, as: UTF8.self)
        if let found = regex.firstMatch(in: subjectText), let whole = found.ranges.first ?? nil,
           !anchored || whole.lowerBound == 0 {
            if found.ranges.count > 1, let group = found.ranges[1] {
                let characters = Array(subjectText.utf8)
                let lower = min(max(group.lowerBound, 0), characters.count)
                let upper = min(max(group.upperBound, lower), characters.count)
                return makeText(Array(characters[lower..<upper]))
            }
            return .number(ExpressionReal(whole.count))
        }
        return regex.groupCount == 0 ? .number(0) : .empty
    }

    /// `a ~~ b`: both texts, quotes stripped, joined.
    mutating func concatenate(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        var joined = Array(Self.strippingQuotes(bytes(of: left)))
        joined.append(contentsOf: Self.strippingQuotes(bytes(of: right)))
        return makeText(joined)
    }
}

/// Compiled patterns of `:` and `=~`, shared across threads and bounded (cleared when full).
final class ExpressionRegexCache: @unchecked Sendable {
    static let shared = ExpressionRegexCache()
    /// Patterns kept before the cache starts over.
    static let capacity = 256

    /// A compiled pattern, or nil for one `regcomp` rejects.
    private struct Entry {
        let regex: POSIXRegex?
    }

    // Guards `entries`; the compiled patterns themselves are read-only and safe to share.
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The compiled pattern, nil when it is not a valid ERE.
    func regex(for pattern: String) -> POSIXRegex? {
        lock.lock()
        if let entry = entries[pattern] {
            lock.unlock()
            return entry.regex
        }
        lock.unlock()
        let compiled = POSIXRegex(pattern)
        lock.lock()
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[pattern] = Entry(regex: compiled)
        lock.unlock()
        return compiled
    }
}
