import Foundation

/// The string operators of `$[...]`: `:` (regex anchored at the start), `=~` (unanchored) and `~~` (concatenation).
enum ExpressionRegexOperators {
    /// `a : re` / `a =~ re`: quotes stripped, POSIX ERE; with a group the text of group 1, else the match length.
    /// No match gives "" with a group and 0 without; a bad pattern gives "".
    static func match(_ subject: ExpressionValue, _ pattern: ExpressionValue, anchored: Bool,
                      context: (any EvaluationContext)?) -> ExpressionValue {
        let text = ExpressionValue.strippingQuotes(subject.bytes)
        let patternText = String(decoding: ExpressionValue.strippingQuotes(pattern.bytes), as: UTF8.self)
        guard let regex = ExpressionRegexCache.shared.regex(for: patternText) else {
            context?.warn("regcomp() error: invalid regular expression '\(patternText)'")
            return .empty
        }
        let subjectText = String(decoding: text, as: UTF8.self)
        if let found = regex.firstMatch(in: subjectText), let whole = found.ranges.first ?? nil,
           !anchored || whole.lowerBound == 0 {
            if found.ranges.count > 1, let group = found.ranges[1] {
                let bytes = Array(subjectText.utf8)
                let lower = min(max(group.lowerBound, 0), bytes.count)
                let upper = min(max(group.upperBound, lower), bytes.count)
                return .text(bytes[lower..<upper])
            }
            return .number(ExpressionReal(whole.count))
        }
        return regex.groupCount == 0 ? .number(0) : .empty
    }

    /// `a ~~ b`: both texts, quotes stripped, joined.
    static func concatenate(_ left: ExpressionValue, _ right: ExpressionValue) -> ExpressionValue {
        var joined = Array(ExpressionValue.strippingQuotes(left.bytes))
        joined.append(contentsOf: ExpressionValue.strippingQuotes(right.bytes))
        return .text(joined[...])
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
