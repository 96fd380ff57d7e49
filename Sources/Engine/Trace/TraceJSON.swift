import Foundation

/// Renders call events as JSON Lines: one object per event, `event` and `t` first.
public enum TraceJSON {
    public static func line(_ event: CallEvent) -> String {
        var fields: [(String, JSONValue)] = [("event", .string(event.name)), ("t", .number(event.time))]
        switch event.kind {
        case .callStart(let location, let callerID, let channel):
            fields += location.jsonFields + [("callerid", .string(callerID)), ("channel", .string(channel))]
        case .exec(let location, let application, let arguments, let file, let line):
            fields += location.jsonFields + [("app", .string(application)), ("args", .string(arguments)),
                                              ("file", .string(file)), ("line", .int(line))]
        case .promptStart(let name), .promptEnd(let name), .promptMissing(let name):
            fields.append(("prompt", .string(name)))
        case .promptInterrupted(let name, let digit):
            fields += [("prompt", .string(name)), ("digit", .string(String(digit)))]
        case .digit(let digit):
            fields.append(("digit", .string(String(digit))))
        case .timeout(let kind):
            fields.append(("kind", .string(kind)))
        case .variableSet(let name, let value):
            fields += [("name", .string(name)), ("value", .string(value))]
        case .jump(let location, let reason):
            fields += location.jsonFields + [("reason", .string(reason))]
        case .delivery(let kind, let destination, let status):
            fields += [("kind", .string(kind)), ("destination", .string(destination)), ("status", .string(status))]
        case .recording(let path, let outcome):
            fields += [("path", .string(path)), ("outcome", .string(outcome))]
        case .verbose(let level, let message):
            fields += [("level", .int(level)), ("message", .string(message))]
        case .log(let level, let message):
            fields += [("level", .string(level)), ("message", .string(message))]
        case .userEvent(let name, let body):
            fields += [("name", .string(name)), ("body", .string(body))]
        case .agi(let line, let sent):
            fields += [("direction", .string(sent ? "sent" : "received")), ("line", .string(line))]
        case .warning(let message), .error(let message):
            fields.append(("message", .string(message)))
        case .hangup(let cause, let byCaller):
            fields += [("cause", .int(cause)), ("by", .string(byCaller ? "caller" : "dialplan"))]
        case .callEnd(let disposition):
            fields.append(("disposition", .string(disposition)))
        }
        return "{" + fields.map { "\"\($0.0)\":\($0.1.text)" }.joined(separator: ",") + "}"
    }

    /// A JSON scalar.
    enum JSONValue {
        case string(String)
        case number(Double)
        case int(Int)

        var text: String {
            switch self {
            case .string(let value): return quote(value)
            case .int(let value): return String(value)
            case .number(let value):
                // Millisecond resolution, no exponent, no trailing zeros.
                let milliseconds = (value * 1000).rounded()
                if milliseconds.truncatingRemainder(dividingBy: 1000) == 0 { return String(Int(milliseconds / 1000)) }
                return String(format: "%.3f", milliseconds / 1000).replacingOccurrences(of: #"0+$"#, with: "",
                                                                                        options: .regularExpression)
            }
        }
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension CallLocation {
    var jsonFields: [(String, TraceJSON.JSONValue)] {
        [("context", .string(context)), ("exten", .string(exten)), ("priority", .int(priority))]
    }
}
