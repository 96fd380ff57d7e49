/// A `Goto`/`Gosub` destination `[[context,]exten,]priority[(args)]` as `pbx_parseable_goto` reads it.
struct JumpTarget: Equatable {
    /// Nil keeps the current context.
    var context: String?
    /// Nil keeps the current extension.
    var exten: String?
    /// A number, `+N`/`-N`, or a label (Gosub arguments removed).
    var priority: String

    /// Nil for an empty target (a GotoIf branch that does not jump).
    init?(_ text: String) {
        var body = text
        // Gosub arguments: the text from the first '(' of the priority field belongs to the callee.
        if let open = body.firstIndex(of: "("), !body[..<open].utf8.contains(UInt8(ascii: "$")) {
            body = String(body[..<open])
        }
        let fields = body.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingBlanks() }
        guard !body.trimmingBlanks().isEmpty else { return nil }
        switch fields.count {
        case 1:
            priority = fields[0]
        case 2:
            exten = fields[0].isEmpty ? nil : fields[0]
            priority = fields[1]
        default:
            context = fields[0].isEmpty ? nil : fields[0]
            exten = fields[1].isEmpty ? nil : fields[1]
            priority = fields[2]
        }
    }

    /// Targets written with variables or expressions are only known at run time.
    var isDynamic: Bool {
        [context, exten, priority].contains { $0?.utf8.contains(UInt8(ascii: "$")) == true }
    }

    /// Relative priorities (`+1`, `-2`) depend on where the jump happens.
    var isRelative: Bool { priority.hasPrefix("+") || priority.hasPrefix("-") }

    /// The targets of `cond?a[:b]` (GotoIf, GosubIf, GotoIfTime): each branch that is present.
    static func branches(of data: String) -> [(text: String, offset: Int)] {
        guard let question = firstQuestionMark(in: data) else { return [] }
        let rest = data[data.index(after: question)...]
        let base = data.utf8.distance(from: data.startIndex, to: question) + 1
        // GosubIf arguments may hold ':' inside parentheses, and `${EXTEN:1}` holds one inside braces:
        // split at the first ':' outside both.
        var depth = 0
        var substitution = 0
        var split: String.Index?
        var previous: Character = " "
        for index in rest.indices {
            let c = rest[index]
            if previous == "$" && (c == "{" || c == "[") {
                substitution += 1
            } else if substitution > 0 && (c == "}" || c == "]") {
                substitution -= 1
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth = max(0, depth - 1)
            } else if c == ":" && depth == 0 && substitution == 0 {
                split = index
                break
            }
            previous = c
        }
        guard let split else { return [(String(rest), base)] }
        let second = rest[rest.index(after: split)...]
        return [(String(rest[..<split]), base),
                (String(second), base + rest.utf8.distance(from: rest.startIndex, to: split) + 1)]
    }

    /// The first `?` outside `${...}` and `$[...]` (an expression may hold its own `?`).
    static func firstQuestionMark(in data: String) -> String.Index? {
        data.firstIndexOutsideSubstitutions(of: "?")
    }
}
