import Dialplan
import Foundation

/// Renders call events as JSON Lines: one object per event, `event` and `t` first.
public enum TraceJSON {
    /// The JSON Lines object for `event` (no newline).
    public static func line(_ event: CallEvent) -> String {
        // Built as bytes: one allocation for the line instead of a few per field.
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(160)
        visitFields(of: event) { key, value in
            if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: key.utf8)
            bytes.append(UInt8(ascii: "\""))
            bytes.append(UInt8(ascii: ":"))
            value.append(to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends every value the trace line of `event` holds, one per line, as UTF-8: strings as they are, integers in
    /// decimal, times with three decimals (the transcript's form, which contains the trace's). Keys, event names and
    /// punctuation hold no digits, so a run of digits (a PIN, an account number) occurs in the trace line or the
    /// transcript line of an event exactly when it occurs here — JSON's `\u00XX` escapes of control characters
    /// aside — and a search for one need not render either.
    public static func appendValues(of event: CallEvent, to bytes: inout [UInt8]) {
        visitFields(of: event) { _, value in
            switch value {
            case .string(let string): bytes.append(contentsOf: string.utf8)
            case .int(let number): appendDecimal(number, to: &bytes)
            case .number(let seconds):
                let scaled = (seconds * 1000).rounded()
                let milliseconds = scaled.isFinite && abs(scaled) < 9e15 ? Int(scaled) : 0
                if milliseconds < 0 { bytes.append(UInt8(ascii: "-")) }
                appendDecimal(Int(milliseconds.magnitude / 1000), to: &bytes)
                bytes.append(UInt8(ascii: "."))
                let fraction = Int(milliseconds.magnitude % 1000)
                bytes.append(UInt8(ascii: "0") + UInt8(fraction / 100))
                bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10 % 10))
                bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10))
            }
            bytes.append(UInt8(ascii: "\n"))
        }
    }

    private static func appendDecimal(_ number: Int, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(magnitude: number.magnitude, to: &bytes)
    }

    /// The digits of `magnitude`, written in place (no temporary array).
    private static func appendDecimal(magnitude: UInt, to bytes: inout [UInt8]) {
        let start = bytes.count
        var magnitude = magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Calls `field` with each key and value of the event's trace line, in order.
    static func visitFields(of event: CallEvent, _ field: (String, JSONValue) -> Void) {
        field("event", .string(event.name))
        field("t", .number(event.time))
        switch event.kind {
        case .callStart(let location, let callerID, let channel, let language, let startTime, let timeZone):
            location.visitFields(field)
            field("callerid", .string(callerID))
            field("channel", .string(channel))
            field("language", .string(language))
            field("epoch", .number(startTime))
            field("tz", .string(timeZone))
        case .exec(let location, let application, let arguments, let file, let line):
            location.visitFields(field)
            field("app", .string(application))
            field("args", .string(arguments))
            field("file", .string(file))
            field("line", .int(line))
        case .promptStart(let name), .promptEnd(let name), .promptMissing(let name):
            field("prompt", .string(name))
        case .promptInterrupted(let name, let digit):
            field("prompt", .string(name))
            field("digit", .string(String(digit)))
        case .digit(let digit):
            field("digit", .string(String(digit)))
        case .timeout(let kind):
            field("kind", .string(kind))
        case .variableSet(let name, let value):
            field("name", .string(name))
            field("value", .string(value))
        case .jump(let location, let reason):
            location.visitFields(field)
            field("reason", .string(reason))
        case .delivery(let kind, let destination, let status):
            field("kind", .string(kind))
            field("destination", .string(destination))
            field("status", .string(status))
        case .recording(let path, let outcome):
            field("path", .string(path))
            field("outcome", .string(outcome))
        case .verbose(let level, let message):
            field("level", .int(level))
            field("message", .string(message))
        case .log(let level, let message):
            field("level", .string(level))
            field("message", .string(message))
        case .userEvent(let name, let body):
            field("name", .string(name))
            field("body", .string(body))
        case .agi(let line, let sent):
            field("direction", .string(sent ? "sent" : "received"))
            field("line", .string(line))
        case .warning(let message), .error(let message):
            field("message", .string(message))
        case .hangup(let cause, let byCaller):
            field("cause", .int(cause))
            field("by", .string(byCaller ? "caller" : "dialplan"))
        case .callEnd(let disposition):
            field("disposition", .string(disposition))
        }
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
                return Milliseconds.text(value, trimmingZeros: true)
            }
        }

        /// Appends `text` as UTF-8 without building it as a string first.
        func append(to bytes: inout [UInt8]) {
            switch self {
            case .string(let value):
                if value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                    bytes.append(contentsOf: quote(value).utf8)
                } else {
                    bytes.append(UInt8(ascii: "\""))
                    bytes.append(contentsOf: value.utf8)
                    bytes.append(UInt8(ascii: "\""))
                }
            case .int(let value):
                appendDecimal(value, to: &bytes)
            case .number(let value):
                // `Milliseconds.text(value, trimmingZeros: true)`, digit for digit.
                let scaled = (value * 1000).rounded()
                guard scaled.isFinite, abs(scaled) < 9e15 else {
                    bytes.append(UInt8(ascii: "0"))
                    return
                }
                let total = Int(scaled)
                if total < 0 { bytes.append(UInt8(ascii: "-")) }
                appendDecimal(magnitude: total.magnitude / 1000, to: &bytes)
                var fraction = total.magnitude % 1000
                guard fraction != 0 else { return }
                var digits = 3
                while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
                bytes.append(UInt8(ascii: "."))
                // Leading zeros of the fraction: `digits` places in all.
                var width = 1
                var rest = fraction / 10
                while rest > 0 { width += 1; rest /= 10 }
                for _ in 0..<(digits - width) { bytes.append(UInt8(ascii: "0")) }
                appendDecimal(magnitude: fraction, to: &bytes)
            }
        }
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension CallLocation {
    func visitFields(_ field: (String, TraceJSON.JSONValue) -> Void) {
        field("context", .string(context))
        field("exten", .string(exten))
        field("priority", .int(priority))
    }
}
