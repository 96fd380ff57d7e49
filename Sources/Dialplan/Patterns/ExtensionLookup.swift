import Foundation

/// What a lookup asks for: a numeric priority or a label (Goto/Gosub by label).
public enum PriorityRequest: Sendable, Hashable {
    case number(Int)
    case label(String)
}

/// The answer of a lookup: the context the extension was found in (may be an included one), the extension,
/// and the priority.
public struct ExtensionMatch: Sendable {
    /// The context that holds the extension (an included context when found through `include =>`).
    public let context: String
    public let `extension`: Extension
    /// The requested priority (always present in a successful lookup).
    public let priority: Priority?

    public init(context: String, extension: Extension, priority: Priority?) {
        self.context = context
        self.extension = `extension`
        self.priority = priority
    }
}

extension Dialplan {
    /// How many contexts one lookup may visit through includes (Asterisk's `AST_PBX_MAX_STACK`).
    public static let maximumIncludeStack = 512

    /// Asterisk's `pbx_find_extension` (list matcher): the context's own extensions in sort order, the first one
    /// that matches `exten` in `mode`, passes its caller-ID match and has the requested priority (or label);
    /// then the includes in file order, recursively, skipping includes whose time spec is false at `now` and
    /// contexts already searched (compared case-insensitively); at most `maximumIncludeStack` contexts.
    /// Switches are not consulted. In `.matchMore` mode an extension matched through `!` ends the search of
    /// its context with "no" (an including context then goes on with its next include, as in Asterisk).
    ///
    /// `callerID` is the caller's number; nil or empty is "no number".
    public func findExtension(_ exten: String, in context: String, priority: PriorityRequest = .number(1),
                              callerID: String? = nil, mode: MatchMode = .match, now: Double = 0,
                              timeZone: TimeZone = .current) -> ExtensionMatch? {
        var search = ExtensionSearch(dialplan: self, priority: priority, callerID: callerID ?? "", mode: mode,
                                     now: now, timeZone: timeZone)
        var data = exten
        return data.withUTF8 { bytes in
            search.find(bytes, in: context)
        }
    }

    /// `ast_exists_extension`: a complete extension with this priority exists.
    public func extensionExists(_ exten: String, in context: String, priority: PriorityRequest = .number(1),
                                callerID: String? = nil, now: Double = 0, timeZone: TimeZone = .current) -> Bool {
        findExtension(exten, in: context, priority: priority, callerID: callerID, mode: .match, now: now,
                      timeZone: timeZone) != nil
    }

    /// `ast_canmatch_extension`: `exten` is an extension or the start of one.
    public func canMatch(_ exten: String, in context: String, priority: PriorityRequest = .number(1),
                         callerID: String? = nil, now: Double = 0, timeZone: TimeZone = .current) -> Bool {
        findExtension(exten, in: context, priority: priority, callerID: callerID, mode: .canMatch, now: now,
                      timeZone: timeZone) != nil
    }

    /// `ast_matchmore_extension`: more digits could still make a (longer) extension. "No" when the first
    /// match of a context ends in `!`.
    public func matchMore(_ exten: String, in context: String, priority: PriorityRequest = .number(1),
                          callerID: String? = nil, now: Double = 0, timeZone: TimeZone = .current) -> Bool {
        findExtension(exten, in: context, priority: priority, callerID: callerID, mode: .matchMore, now: now,
                      timeZone: timeZone) != nil
    }
}

/// The state of one lookup: the contexts searched so far (Asterisk's `incstack`, never popped).
private struct ExtensionSearch {
    let dialplan: Dialplan
    let priority: PriorityRequest
    let callerID: String
    let mode: MatchMode
    let now: Double
    let timeZone: TimeZone
    var searched: [String] = []

    init(dialplan: Dialplan, priority: PriorityRequest, callerID: String, mode: MatchMode, now: Double,
         timeZone: TimeZone) {
        self.dialplan = dialplan
        self.priority = priority
        self.callerID = callerID
        self.mode = mode
        self.now = now
        self.timeZone = timeZone
    }

    mutating func find(_ exten: UnsafeBufferPointer<UInt8>, in contextName: String) -> ExtensionMatch? {
        if searched.count >= Dialplan.maximumIncludeStack { return nil }
        if !searched.isEmpty {
            let folded = Self.asciiLowercased(contextName)
            if searched.contains(folded) { return nil }
        }
        guard let context = dialplan.contexts[contextName] else { return nil }

        // Index the array instead of iterating values: each Extension copy would retain a dozen fields.
        let extensions = context.extensions
        for index in extensions.indices {
            let matched = extensions[index].pattern.match(bytes: exten, mode: mode)
            if matched == 0 { continue }
            if extensions[index].callerID != nil && !callerIDMatches(extensions[index]) { continue }
            if matched == 2 && mode == .matchMore { return nil }
            let found: Priority?
            switch priority {
            case .number(let number): found = extensions[index].priority(number)
            case .label(let label): found = extensions[index].priority(labeled: label)
            }
            if let found {
                return ExtensionMatch(context: context.name, extension: extensions[index], priority: found)
            }
        }

        // Only a context with includes can lead back to one already searched.
        guard !context.includes.isEmpty else { return nil }
        searched.append(Self.asciiLowercased(context.name))
        for include in context.includes {
            if let spec = include.timeSpec, !spec.matches(epoch: now, defaultZone: timeZone) { continue }
            if let match = find(exten, in: include.context) { return match }
        }
        return nil
    }

    /// `strcasecmp` folding: ASCII letters only.
    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Asterisk's `matchcid`: an empty caller number matches only an empty caller-ID pattern; otherwise the
    /// number must match the pattern exactly.
    private func callerIDMatches(_ candidate: Extension) -> Bool {
        let pattern = candidate.callerIDPattern ?? ExtensionPattern(ExtensionPattern.shrinkPhoneNumber(candidate.callerID ?? ""))
        if callerID.utf8.first == nil || callerID.utf8.first == 0 {
            return pattern.text.utf8.first == nil || pattern.text.utf8.first == 0
        }
        return pattern.match(callerID, mode: .match) != 0
    }
}
