import Engine
import Foundation

/// Reads the scenario language (see docs/scenarios.md): `setup` blocks, `scenario` blocks, set-up lines, steps
/// and expectations, one per line. Never traps: anything it cannot read is a `ScenarioError` with file, line and
/// column.
public enum ScenarioParser {
    /// Reads a scenario file from disk.
    public static func parse(path: String) throws(ScenarioError) -> ScenarioFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, line: 0, column: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, line: 0, column: 0, message: "the file is not UTF-8 text")
        }
        return try parse(text: text, path: path)
    }

    /// Reads scenario text; `path` names it in errors and anchors relative paths (dialplan, golden files).
    public static func parse(text: String, path: String) throws(ScenarioError) -> ScenarioFile {
        var parser = Parser(path: path)
        return try parser.run(text)
    }
}

/// A word of a line: its text (quotes removed), whether it was quoted, and its 1-based column.
struct Token: Equatable {
    var text: String
    var quoted: Bool
    var column: Int
}

private struct Parser {
    let path: String
    let folder: String
    var fileSetup = ScenarioSetup()
    var namedSetups: [String: ScenarioSetup] = [:]
    var scenarios: [Scenario] = []
    /// The block being read.
    var block: Block = .file

    enum Block {
        case file
        case setup(name: String, setup: ScenarioSetup)
        case scenario(name: String, line: Int, setup: ScenarioSetup, steps: [ScenarioStep])
    }

    init(path: String) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        folder = directory.isEmpty ? "." : directory
    }

    func error(_ line: Int, _ column: Int, _ message: String) -> ScenarioError {
        ScenarioError(file: path, line: line, column: column, message: message)
    }

    mutating func run(_ text: String) throws(ScenarioError) -> ScenarioFile {
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            let tokens = try tokenize(line, number: number)
            guard !tokens.isEmpty else { continue }
            try handle(tokens, line: line, number: number)
        }
        try closeBlock()
        if scenarios.isEmpty {
            throw error(max(number, 1), 1, "no scenarios in this file (start one with: scenario \"name\")")
        }
        return ScenarioFile(path: path, scenarios: scenarios)
    }

    /// Splits a line into words: double quotes group (with `\"` and `\\`), `#` first on a line or `//` after a
    /// blank starts a comment.
    func tokenize(_ line: String, number: Int) throws(ScenarioError) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == " " || character == "\t" { index += 1; continue }
            if tokens.isEmpty && character == "#" { break }
            if character == "/" && index + 1 < characters.count && characters[index + 1] == "/" { break }
            let column = index + 1
            if character == "\"" {
                var text = ""
                index += 1
                var closed = false
                while index < characters.count {
                    let c = characters[index]
                    if c == "\\" && index + 1 < characters.count {
                        let next = characters[index + 1]
                        text.append(next == "n" ? "\n" : next == "t" ? "\t" : next)
                        index += 2
                        continue
                    }
                    if c == "\"" { closed = true; index += 1; break }
                    text.append(c)
                    index += 1
                }
                guard closed else { throw error(number, column, "this quoted text has no closing \"") }
                tokens.append(Token(text: text, quoted: true, column: column))
            } else {
                var text = ""
                while index < characters.count, characters[index] != " ", characters[index] != "\t" {
                    if characters[index] == "\"" {
                        throw error(number, index + 1, "a quote must start a word (put the whole value in quotes)")
                    }
                    text.append(characters[index])
                    index += 1
                }
                tokens.append(Token(text: text, quoted: false, column: column))
            }
        }
        return tokens
    }

    mutating func closeBlock() throws(ScenarioError) {
        switch block {
        case .file: break
        case .setup(let name, let setup): namedSetups[name] = setup
        case .scenario(let name, let line, let setup, let steps):
            guard setup.dialplan != nil else {
                throw error(line, 1, "scenario \"\(name)\" names no dialplan (add: dialplan FILE, here or in a setup it uses)")
            }
            scenarios.append(Scenario(name: name, file: path, line: line, setup: setup, steps: steps))
        }
        block = .file
    }

    /// The name after `scenario`/`setup`, with an optional trailing `:`.
    func headerName(_ tokens: [Token], number: Int) throws(ScenarioError) -> String {
        var words = tokens.dropFirst().map(\.text)
        if let last = words.last, last.hasSuffix(":"), !(tokens.last?.quoted ?? false) {
            words[words.count - 1] = String(last.dropLast())
            if words[words.count - 1].isEmpty { words.removeLast() }
        }
        let name = words.joined(separator: " ")
        guard !name.isEmpty else {
            throw error(number, (tokens.first?.column ?? 1), "\(tokens[0].text) needs a name")
        }
        return name
    }

    mutating func handle(_ tokens: [Token], line: String, number: Int) throws(ScenarioError) {
        let keyword = tokens[0].text.lowercased()
        switch keyword {
        case "scenario", "scenario:":
            try closeBlock()
            let name = try headerName(tokens, number: number)
            if scenarios.contains(where: { $0.name == name }) {
                throw error(number, tokens[0].column, "a scenario named \"\(name)\" already exists in this file")
            }
            block = .scenario(name: name, line: number, setup: fileSetup, steps: [])
            return
        case "setup", "setup:":
            try closeBlock()
            let name = try headerName(tokens, number: number)
            block = .setup(name: name, setup: ScenarioSetup())
            return
        default: break
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        switch block {
        case .file:
            if try applySetup(tokens, line: line, number: number, to: &fileSetup) { return }
            if Self.stepKeywords.contains(keyword) {
                throw error(number, tokens[0].column, "'\(tokens[0].text)' belongs in a scenario (start one with: scenario \"name\")")
            }
            throw unknown(tokens[0], number: number)
        case .setup(let name, var setup):
            if try applySetup(tokens, line: line, number: number, to: &setup) {
                block = .setup(name: name, setup: setup)
                return
            }
            if Self.stepKeywords.contains(keyword) {
                throw error(number, tokens[0].column, "'\(tokens[0].text)' is a step: steps belong in a scenario, not in setup \"\(name)\"")
            }
            throw unknown(tokens[0], number: number)
        case .scenario(let name, let header, var setup, var steps):
            if try applySetup(tokens, line: line, number: number, to: &setup) {
                block = .scenario(name: name, line: header, setup: setup, steps: steps)
                return
            }
            let kind = try step(tokens, line: line, number: number)
            steps.append(ScenarioStep(line: number, text: trimmed, kind: kind))
            block = .scenario(name: name, line: header, setup: setup, steps: steps)
        }
    }

    static let setupKeywords: Set<String> = [
        "dialplan", "context", "extension", "exten", "caller", "callerid", "language", "lang", "time", "timezone",
        "astdb", "curl", "variable", "var", "outcome", "use", "channel", "limit", "accountcode", "agi-bin",
    ]
    static let stepKeywords: Set<String> = ["press", "wait", "hang", "hangup", "expect"]

    func unknown(_ token: Token, number: Int) -> ScenarioError {
        error(number, token.column, "unknown word '\(token.text)' (expected a set-up line such as dialplan, context, "
              + "caller, time, astdb, curl, variable, outcome, use, or a step: press, wait, hang up, expect)")
    }

    /// The value after `=`: either `NAME = VALUE` or `NAME=VALUE`; the value is the rest of the line (one quoted
    /// word keeps its spaces exactly).
    func assignment(_ tokens: [Token], from start: Int, line: String, number: Int,
                    what: String) throws(ScenarioError) -> (name: String, value: String) {
        guard start < tokens.count else {
            throw error(number, (tokens.last?.column ?? 1) + (tokens.last?.text.count ?? 0), "\(what): expected NAME = VALUE")
        }
        let first = tokens[start]
        if !first.quoted, let equals = first.text.firstIndex(of: "="), equals != first.text.startIndex {
            let name = String(first.text[..<equals])
            var rest = [Token]()
            let tail = String(first.text[first.text.index(after: equals)...])
            if !tail.isEmpty { rest.append(Token(text: tail, quoted: false, column: first.column + name.count + 1)) }
            rest += tokens[(start + 1)...]
            return (name, Self.join(rest))
        }
        guard start + 1 < tokens.count, tokens[start + 1].text == "=", !tokens[start + 1].quoted else {
            let column = start + 1 < tokens.count ? tokens[start + 1].column : first.column + first.text.count
            throw error(number, column, "\(what): expected '=' after \(first.text)")
        }
        return (first.text, Self.join(Array(tokens[(start + 2)...])))
    }

    static func join(_ tokens: [Token]) -> String { tokens.map(\.text).joined(separator: " ") }

    func duration(_ token: Token?, number: Int, after previous: Token) throws(ScenarioError) -> Double {
        guard let token else {
            throw error(number, previous.column + previous.text.count + 1,
                        "'\(previous.text)' needs a time such as 2s, 500ms or 1.5m")
        }
        guard let seconds = CallerScript.parseDuration(token.text) else {
            throw error(number, token.column, "'\(token.text)' is not a time (write 2s, 500ms or 1.5m)")
        }
        return seconds
    }

    func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : (folder == "." ? relative : folder + "/" + relative)
    }

    /// Applies a set-up line; false when the line is not one.
    func applySetup(_ tokens: [Token], line: String, number: Int,
                    to setup: inout ScenarioSetup) throws(ScenarioError) -> Bool {
        let keyword = tokens[0].text.lowercased()
        guard Self.setupKeywords.contains(keyword) else { return false }
        func single(_ what: String) throws(ScenarioError) -> String {
            guard tokens.count == 2 else {
                if tokens.count < 2 {
                    throw error(number, tokens[0].column + tokens[0].text.count + 1, "'\(tokens[0].text)' needs \(what)")
                }
                throw error(number, tokens[2].column, "'\(tokens[0].text)' takes one value (\(what)); quote a value with spaces")
            }
            return tokens[1].text
        }
        switch keyword {
        case "dialplan":
            setup.dialplan = resolve(try single("a dialplan file"))
            setup.dialplanLine = number
        case "context": setup.context = try single("a context name")
        case "extension", "exten": setup.exten = try single("an extension")
        case "caller", "callerid":
            guard tokens.count >= 2 else { throw error(number, tokens[0].column, "'caller' needs a number (and optionally a name)") }
            setup.callerNumber = tokens[1].text
            setup.callerName = Self.join(Array(tokens.dropFirst(2)))
        case "language", "lang": setup.language = try single("a language such as en")
        case "channel": setup.channelName = try single("a channel name such as PJSIP/1000-00000001")
        case "accountcode": setup.accountCode = try single("an account code")
        case "agi-bin": setup.agiDirectory = resolve(try single("a folder of AGI programs"))
        case "limit":
            setup.limit = try duration(tokens.count > 1 ? tokens[1] : nil, number: number, after: tokens[0])
        case "timezone":
            let zone = try single("an IANA zone such as Europe/Berlin")
            guard let parsed = TimeZone(identifier: zone) else {
                throw error(number, tokens[1].column, "unknown time zone '\(zone)' (use an IANA name such as Europe/Berlin)")
            }
            setup.timeZone = parsed
        case "time":
            guard tokens.count >= 2 else {
                throw error(number, tokens[0].column, "'time' needs a date and time such as 2026-11-23 10:00 Europe/Berlin")
            }
            var words = Array(tokens.dropFirst())
            var zone = setup.timeZone
            if words.count >= 2, let last = words.last, let parsed = TimeZone(identifier: last.text),
               last.text.contains("/") || last.text == "UTC" || last.text == "GMT" {
                zone = parsed
                words.removeLast()
            }
            let text = words.map(\.text).joined(separator: " ")
            guard let epoch = TimeParsing.instant(text, timeZone: zone) else {
                throw error(number, words[0].column, "'\(text)' is not a date and time (write 2026-11-23 10:00 or 2026-11-23T10:00:00Z)")
            }
            setup.startTime = epoch
            setup.timeZone = zone
        case "astdb":
            let (name, value) = try assignment(tokens, from: 1, line: line, number: number, what: "astdb")
            guard let slash = name.lastIndex(of: "/"), slash != name.startIndex, name.index(after: slash) != name.endIndex else {
                throw error(number, tokens[1].column, "astdb needs FAMILY/KEY = VALUE, not '\(name)'")
            }
            let family = String(name[..<slash]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            setup.astdb.append((family, String(name[name.index(after: slash)...]), value))
        case "curl":
            guard tokens.count >= 3 else {
                throw error(number, tokens[0].column, "'curl' needs URL = BODY, URL fails or URL times out")
            }
            let url = tokens[1].text
            let rest = tokens.dropFirst(2).map { $0.text.lowercased() }
            if rest == ["fails"] {
                setup.curl.append(CurlAnswer(url: url, reply: .failure))
            } else if rest == ["times", "out"] || rest == ["timeout"] {
                setup.curl.append(CurlAnswer(url: url, reply: .timeout))
            } else if tokens[2].text == "=" {
                var body = Array(tokens.dropFirst(3))
                var code = 200
                if body.count >= 2, body[body.count - 2].text.lowercased() == "status", !body[body.count - 1].quoted {
                    guard let parsed = Int(body[body.count - 1].text), (100...599).contains(parsed) else {
                        throw error(number, body[body.count - 1].column, "status must be an HTTP code such as 200 or 404")
                    }
                    code = parsed
                    body.removeLast(2)
                }
                setup.curl.append(CurlAnswer(url: url, reply: .body(Self.join(body), code: code)))
            } else {
                throw error(number, tokens[2].column, "after the URL write = BODY, fails, or times out")
            }
        case "variable", "var":
            let (name, value) = try assignment(tokens, from: 1, line: line, number: number, what: "variable")
            setup.variables[name] = value
        case "outcome":
            let (destination, rest) = try assignment(tokens, from: 1, line: line, number: number, what: "outcome")
            var words = rest.split(separator: " ").map(String.init)
            guard !words.isEmpty else { throw error(number, tokens[0].column, "outcome needs DESTINATION = STATUS") }
            let status = words.removeFirst().uppercased()
            var waited: Double?
            var talked: Double?
            while words.count >= 2 {
                let key = words.removeFirst().lowercased()
                let value = words.removeFirst()
                guard let seconds = CallerScript.parseDuration(value) else {
                    throw error(number, tokens[0].column, "outcome: '\(value)' is not a time")
                }
                switch key {
                case "after": waited = seconds
                case "talk", "talking", "for": talked = seconds
                default: throw error(number, tokens[0].column, "outcome: unknown option '\(key)' (use after TIME, talk TIME)")
                }
            }
            guard words.isEmpty else { throw error(number, tokens[0].column, "outcome: '\(words[0])' needs a time after it") }
            setup.outcomes[destination] = OutcomeSpec(status: status, waited: waited, talked: talked)
        case "use":
            let name = try single("the name of a setup block")
            guard let named = namedSetups[name] else {
                throw error(number, tokens[1].column, "no setup named \"\(name)\" above this line")
            }
            setup.merge(named)
        default:
            return false
        }
        return true
    }

    func step(_ tokens: [Token], line: String, number: Int) throws(ScenarioError) -> ScenarioStep.Kind {
        let keyword = tokens[0].text.lowercased()
        switch keyword {
        case "press":
            guard tokens.count >= 2 else { throw error(number, tokens[0].column, "'press' needs digits, such as press 1 or press 1234#") }
            let digits = tokens[1].text
            guard digits.allSatisfy({ "0123456789*#ABCDabcd".contains($0) }) else {
                throw error(number, tokens[1].column, "'\(digits)' are not DTMF digits (use 0-9, *, # and A-D)")
            }
            var spacing = 0.25
            var after: Double?
            var at: Double?
            var index = 2
            while index < tokens.count {
                let option = tokens[index]
                let value = try duration(index + 1 < tokens.count ? tokens[index + 1] : nil, number: number, after: option)
                switch option.text.lowercased() {
                case "every":
                    guard value >= 0.15 else { throw error(number, tokens[index + 1].column, "digits must be at least 150ms apart") }
                    spacing = value
                case "after": after = value
                case "at": at = value
                default: throw error(number, option.column, "unknown press option '\(option.text)' (use every, after or at)")
                }
                index += 2
            }
            return .press(digits: digits.uppercased(), spacing: spacing, after: after, at: at)
        case "wait":
            guard tokens.count == 2 else { throw error(number, tokens[0].column, "'wait' needs one time, such as wait 3s") }
            return .wait(try duration(tokens[1], number: number, after: tokens[0]))
        case "hang", "hangup":
            var index = 1
            if keyword == "hang" {
                guard tokens.count >= 2, tokens[1].text.lowercased() == "up" else {
                    throw error(number, tokens[0].column, "did you mean 'hang up'?")
                }
                index = 2
            }
            var after: Double?
            var at: Double?
            while index < tokens.count {
                let option = tokens[index]
                let value = try duration(index + 1 < tokens.count ? tokens[index + 1] : nil, number: number, after: option)
                switch option.text.lowercased() {
                case "after": after = value
                case "at": at = value
                default: throw error(number, option.column, "unknown hang up option '\(option.text)' (use after or at)")
                }
                index += 2
            }
            return .hangup(after: after, at: at)
        case "expect":
            return .expect(try expectation(tokens, line: line, number: number))
        default:
            throw unknown(tokens[0], number: number)
        }
    }

    func expectation(_ tokens: [Token], line: String, number: Int) throws(ScenarioError) -> Expectation {
        guard tokens.count >= 2 else {
            throw error(number, tokens[0].column + 7, "'expect' needs what to expect: prompt, prompts, silence, no prompt, "
                        + "variable, dial, queue, transfer, context, extension, hangup, cdr, never, verbose, transcript, heard")
        }
        let what = tokens[1]
        let rest = Array(tokens.dropFirst(2))
        func needOne(_ description: String) throws(ScenarioError) -> String {
            guard rest.count == 1 else {
                if rest.isEmpty { throw error(number, what.column + what.text.count + 1, "'expect \(what.text)' needs \(description)") }
                throw error(number, rest[1].column, "'expect \(what.text)' takes one value (\(description))")
            }
            return rest[0].text
        }
        switch what.text.lowercased() {
        case "prompt":
            guard let name = rest.first else {
                throw error(number, what.column + what.text.count + 1, "'expect prompt' needs a prompt name")
            }
            var moment = Expectation.PromptMoment.end
            if rest.count == 2 {
                guard let parsed = Expectation.PromptMoment(rawValue: rest[1].text.lowercased()), parsed != .end else {
                    throw error(number, rest[1].column, "after the prompt name write starts, interrupted or finished (or nothing)")
                }
                moment = parsed
            } else if rest.count > 2 {
                throw error(number, rest[2].column, "'expect prompt' takes one name; use 'expect prompts A B C' for several")
            }
            return .prompt(name.text, moment)
        case "prompts":
            guard !rest.isEmpty else { throw error(number, what.column + what.text.count + 1, "'expect prompts' needs prompt names") }
            return .prompts(rest.map(\.text))
        case "silence":
            return .silence(try duration(rest.first, number: number, after: what))
        case "no":
            guard rest.count == 1, ["prompt", "prompts"].contains(rest[0].text.lowercased()) else {
                throw error(number, what.column, "did you mean 'expect no prompt'?")
            }
            return .noPrompt
        case "variable", "var":
            let (name, value) = try assignment(tokens, from: 2, line: line, number: number, what: "expect variable")
            return .variable(name: name, value: value)
        case "dial", "queue", "transfer":
            guard rest.count == 1 || rest.count == 2 else {
                throw error(number, rest.isEmpty ? what.column + what.text.count + 1 : rest[2].column,
                            "'expect \(what.text)' needs a destination and optionally a status")
            }
            return .delivery(kind: what.text.lowercased(), destination: rest[0].text,
                             status: rest.count == 2 ? rest[1].text.uppercased() : nil)
        case "context":
            return .context(try needOne("a context name"))
        case "extension", "exten":
            let target = try needOne("an extension, or EXTENSION@CONTEXT")
            if let at = target.lastIndex(of: "@"), at != target.startIndex {
                return .exten(String(target[..<at]), context: String(target[target.index(after: at)...]))
            }
            return .exten(target, context: nil)
        case "hangup", "hang":
            var words = rest.map { $0.text.lowercased() }
            if what.text.lowercased() == "hang" {
                guard words.first == "up" else { throw error(number, what.column, "did you mean 'expect hangup'?") }
                words.removeFirst()
            }
            if words.isEmpty { return .hangup(by: nil) }
            guard words.count == 2, words[0] == "by", ["caller", "dialplan"].contains(words[1]) else {
                throw error(number, rest.first?.column ?? what.column, "write 'expect hangup', 'expect hangup by caller' or 'expect hangup by dialplan'")
            }
            return .hangup(by: words[1])
        case "cdr":
            let (field, value) = try assignment(tokens, from: 2, line: line, number: number, what: "expect cdr")
            guard CDRFields.names.contains(field.lowercased()) else {
                throw error(number, tokens[2].column, "unknown CDR field '\(field)' (fields: \(CDRFields.names.joined(separator: ", ")))")
            }
            return .cdr(field: field.lowercased(), value: value)
        case "never":
            let value = Self.join(rest)
            guard !value.isEmpty else { throw error(number, what.column + what.text.count + 1, "'expect never' needs the value that must not appear") }
            return .never(value)
        case "verbose":
            let value = Self.join(rest)
            guard !value.isEmpty else { throw error(number, what.column + what.text.count + 1, "'expect verbose' needs the text") }
            return .verbose(value)
        case "transcript":
            return .transcript(resolve(try needOne("a golden transcript file")))
        case "heard":
            return .heard(resolve(try needOne("a golden WAV file")))
        default:
            throw error(number, what.column, "unknown expectation '\(what.text)' (use prompt, prompts, silence, no prompt, variable, "
                        + "dial, queue, transfer, context, extension, hangup, cdr, never, verbose, transcript or heard)")
        }
    }
}

extension ScenarioSetup {
    /// Takes every field `other` sets away from its default (a named setup used inside another block).
    mutating func merge(_ other: ScenarioSetup) {
        let blank = ScenarioSetup()
        if other.dialplan != nil { dialplan = other.dialplan; dialplanLine = other.dialplanLine }
        if other.context != blank.context { context = other.context }
        if other.exten != blank.exten { exten = other.exten }
        if other.callerNumber != blank.callerNumber { callerNumber = other.callerNumber }
        if other.callerName != blank.callerName { callerName = other.callerName }
        if other.language != blank.language { language = other.language }
        if other.startTime != blank.startTime { startTime = other.startTime }
        if other.timeZone != blank.timeZone { timeZone = other.timeZone }
        astdb += other.astdb
        curl += other.curl
        variables.merge(other.variables) { _, new in new }
        outcomes.merge(other.outcomes) { _, new in new }
        if other.channelName != blank.channelName { channelName = other.channelName }
        if other.limit != blank.limit { limit = other.limit }
        if other.accountCode != blank.accountCode { accountCode = other.accountCode }
    }
}

/// The CDR fields a scenario can check, by their Master.csv names.
enum CDRFields {
    static let names = ["accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
                        "start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield"]

    static func value(_ field: String, of record: CallDetailRecord, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        func time(_ value: Double?) -> String { value.map { formatter.string(from: Date(timeIntervalSince1970: $0)) } ?? "" }
        switch field {
        case "accountcode": return record.accountCode
        case "src": return record.source
        case "dst": return record.destination
        case "dcontext": return record.destinationContext
        case "clid": return record.callerID
        case "channel": return record.channel
        case "dstchannel": return record.destinationChannel
        case "lastapp": return record.lastApplication
        case "lastdata": return record.lastData
        case "start": return time(record.start)
        case "answer": return time(record.answer)
        case "end": return time(record.end)
        case "duration": return String(record.duration)
        case "billsec": return String(record.billableSeconds)
        case "disposition": return record.disposition
        case "amaflags": return record.amaFlags
        case "uniqueid": return record.uniqueID
        case "userfield": return record.userField
        default: return ""
        }
    }
}

/// ISO 8601-ish instants: with or without a zone, `T` or a space, seconds optional.
enum TimeParsing {
    static func instant(_ text: String, timeZone: TimeZone) -> Double? {
        let withZone = ISO8601DateFormatter()
        withZone.formatOptions = [.withInternetDateTime]
        if let date = withZone.date(from: text) { return date.timeIntervalSince1970 }
        withZone.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withZone.date(from: text) { return date.timeIntervalSince1970 }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date.timeIntervalSince1970 }
        }
        return nil
    }
}
