import Engine
import Foundation

/// A problem with one line of an input file: the line was skipped (or, for structure problems, kept with a note).
public struct InputWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file (or the name given for in-memory text).
    public var source: String
    /// 1-based line number.
    public var line: Int
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { "\(source):\(line): \(message)" }
}

/// Reads the JSON Lines traces written by `ivr run --trace` back into call events.
///
/// One call per `start` event: a file may hold one call or many, each beginning with its `start`. Events before
/// the first `start` form a call of their own (with a warning). Blank lines are ignored; lines that are not a
/// JSON object, lack `"event"` or a numeric `"t"`, name an unknown event or lack a field the event needs are
/// skipped with a warning. Never traps.
public enum TraceReader {
    /// The calls found in `text` and the warnings for skipped lines.
    public static func parse(_ text: String, source: String) -> (calls: [[CallEvent]], warnings: [InputWarning]) {
        var calls: [[CallEvent]] = []
        var current: [CallEvent]?
        var warnings: [InputWarning] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            switch event(from: line, decoder: decoder) {
            case .failure(let problem):
                warnings.append(InputWarning(source: source, line: lineNumber, message: problem.message))
            case .success(let event):
                if case .callStart = event.kind {
                    if let finished = current { calls.append(finished) }
                    current = [event]
                } else if current != nil {
                    current?.append(event)
                } else {
                    warnings.append(InputWarning(source: source, line: lineNumber,
                                                 message: "events before the first 'start': read as a call of their own"))
                    current = [event]
                }
            }
        }
        if let finished = current { calls.append(finished) }
        return (calls, warnings)
    }

    /// Why a line was skipped.
    struct Problem: Error {
        var message: String
    }

    /// One JSON Lines object as a call event.
    static func event(from line: String, decoder: JSONDecoder) -> Result<CallEvent, Problem> {
        let object: [String: JSONScalar]
        do {
            object = try decoder.decode([String: JSONScalar].self, from: Data(line.utf8))
        } catch {
            return .failure(Problem(message: "not a JSON object"))
        }
        guard let name = object["event"]?.string else { return .failure(Problem(message: "no \"event\" name")) }
        guard let time = object["t"]?.number, time.isFinite else {
            return .failure(Problem(message: "event '\(name)' has no numeric \"t\""))
        }
        let fields = Fields(object: object, event: name)
        do {
            return .success(CallEvent(time: time, kind: try kind(name, fields)))
        } catch {
            return .failure(error)
        }
    }

    private static func kind(_ name: String, _ fields: Fields) throws(Problem) -> CallEvent.Kind {
        switch name {
        case "start":
            let location = CallLocation(context: fields.optional("context") ?? "", exten: fields.optional("exten") ?? "s",
                                        priority: fields.optionalInt("priority") ?? 1)
            return .callStart(location: location, callerID: fields.optional("callerid") ?? "",
                              channel: fields.optional("channel") ?? "", language: fields.optional("language") ?? "",
                              startTime: fields.optionalDouble("epoch") ?? 0, timeZone: fields.optional("tz") ?? "")
        case "exec":
            return .exec(location: try fields.location(), application: try fields.string("app"),
                         arguments: fields.optional("args") ?? "", file: fields.optional("file") ?? "",
                         line: fields.optionalInt("line") ?? 0)
        case "prompt": return .promptStart(try fields.string("prompt"))
        case "prompt_end": return .promptEnd(try fields.string("prompt"))
        case "prompt_missing": return .promptMissing(try fields.string("prompt"))
        case "prompt_interrupted":
            return .promptInterrupted(try fields.string("prompt"), digit: try fields.character("digit"))
        case "digit": return .digit(try fields.character("digit"))
        case "timeout": return .timeout(fields.optional("kind") ?? "")
        case "set": return .variableSet(name: try fields.string("name"), value: fields.optional("value") ?? "")
        case "jump": return .jump(to: try fields.location(), reason: fields.optional("reason") ?? "")
        case "delivery":
            return .delivery(kind: try fields.string("kind"), destination: fields.optional("destination") ?? "",
                             status: fields.optional("status") ?? "")
        case "record": return .recording(path: fields.optional("path") ?? "", outcome: fields.optional("outcome") ?? "")
        case "verbose": return .verbose(level: fields.optionalInt("level") ?? 0, message: fields.optional("message") ?? "")
        case "log": return .log(level: fields.optional("level") ?? "", message: fields.optional("message") ?? "")
        case "user_event": return .userEvent(name: fields.optional("name") ?? "", body: fields.optional("body") ?? "")
        case "agi": return .agi(line: fields.optional("line") ?? "", sent: fields.optional("direction") == "sent")
        case "warning": return .warning(fields.optional("message") ?? "")
        case "error": return .error(fields.optional("message") ?? "")
        case "hangup":
            return .hangup(cause: fields.optionalInt("cause") ?? 16, byCaller: fields.optional("by") == "caller")
        case "end": return .callEnd(disposition: fields.optional("disposition") ?? "")
        default: throw Problem(message: "unknown event '\(name)'")
        }
    }

    /// Typed access to an event's fields, with messages naming what is missing.
    private struct Fields {
        var object: [String: JSONScalar]
        var event: String

        func optional(_ key: String) -> String? {
            guard let value = object[key] else { return nil }
            switch value {
            case .string(let text): return text
            case .number(let number):
                return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            case .bool(let flag): return flag ? "true" : "false"
            case .null, .other: return nil
            }
        }

        func optionalDouble(_ key: String) -> Double? {
            guard let value = object[key] else { return nil }
            switch value {
            case .number(let number) where number.isFinite: return number
            case .string(let text): return Double(text)
            default: return nil
            }
        }

        func optionalInt(_ key: String) -> Int? {
            guard let value = object[key] else { return nil }
            switch value {
            case .number(let number) where number.isFinite && abs(number) < 1e15: return Int(number)
            case .string(let text): return Int(text)
            default: return nil
            }
        }

        func string(_ key: String) throws(Problem) -> String {
            guard let text = optional(key) else { throw Problem(message: "event '\(event)' has no \"\(key)\"") }
            return text
        }

        func character(_ key: String) throws(Problem) -> Character {
            guard let first = optional(key)?.first else { throw Problem(message: "event '\(event)' has no \"\(key)\"") }
            return first
        }

        func location() throws(Problem) -> CallLocation {
            guard let priority = optionalInt("priority") else {
                throw Problem(message: "event '\(event)' has no numeric \"priority\"")
            }
            return CallLocation(context: try string("context"), exten: try string("exten"), priority: priority)
        }
    }
}

/// A JSON value as far as traces need it: scalars, anything else kept as `other`.
enum JSONScalar: Decodable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case other

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.singleValueContainer() else {
            self = .other
            return
        }
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .other
        }
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
