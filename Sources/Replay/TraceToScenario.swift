import Dialplan
import Foundation

/// Turns a call's JSON Lines trace (`ivr run --trace`, later live calls) into a scenario, so a real call becomes a
/// regression test: the caller's presses at the times they happened, the prompts heard between them, the
/// deliveries with the outcomes they had, and how the call ended.
public enum TraceToScenario {
    /// What a trace does not record and the caller may supply.
    public struct Options: Sendable {
        /// The dialplan file (default: the file named by the trace's first `exec`).
        public var dialplan: String?
        /// When the call happened, as a scenario `time` value.
        public var time: String?
        public var timeZone: String?
        public var language: String?
        /// Used in the scenario's name.
        public var traceName = "trace"

        public init() {}
    }

    /// Why a trace cannot be converted: the line and the problem.
    public struct ConversionError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    public static func convert(jsonLines: String, options: Options = Options()) throws(ConversionError) -> String {
        var events: [[String: Any]] = []
        for (offset, raw) in jsonLines.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
                  let event = object as? [String: Any], event["event"] is String else {
                throw ConversionError(line: offset + 1, message: "not a trace event (expected one JSON object per line)")
            }
            events.append(event)
        }
        guard let start = events.first(where: { ($0["event"] as? String) == "start" }) else {
            throw ConversionError(line: 0, message: "the trace has no start event")
        }
        func text(_ event: [String: Any], _ key: String) -> String {
            if let value = event[key] as? String { return value }
            if let value = event[key] as? NSNumber { return value.stringValue }
            return ""
        }
        func time(_ event: [String: Any]) -> Double { (event["t"] as? NSNumber)?.doubleValue ?? 0 }
        func seconds(_ value: Double) -> String {
            let milliseconds = Int((value * 1000).rounded())
            return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
        }
        func word(_ value: String) -> String {
            value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "\t" }) || value.hasPrefix("#")
                ? "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
                : value
        }

        var header: [String] = ["# A replay of \(options.traceName), made by: ivr test --from-trace",
                                "# The caller presses at the times they pressed in the recorded call; the expectations say",
                                "# what they heard and where the call went. Edit freely."]
        let dialplan = options.dialplan ?? events.first { ($0["event"] as? String) == "exec" }.map { text($0, "file") }
        if let dialplan, !dialplan.isEmpty {
            header.append("dialplan \(word(dialplan))")
        } else {
            header.append("# dialplan FILE   <- the trace does not say which dialplan ran: fill this in")
        }
        header.append("context \(word(text(start, "context")))")
        let exten = text(start, "exten")
        if !exten.isEmpty && exten != "s" { header.append("extension \(word(exten))") }
        let caller = text(start, "callerid")
        if !caller.isEmpty { header.append("caller \(word(caller))") }
        // Newer traces say when, where and in which language the call happened; what the caller gives wins.
        let recordedLanguage = text(start, "language")
        if let language = options.language ?? (recordedLanguage.isEmpty ? nil : recordedLanguage) {
            header.append("language \(word(language))")
        }
        let recordedZone = text(start, "tz").isEmpty ? nil : TimeZone(identifier: text(start, "tz"))
        if let when = options.time {
            header.append("time \(when)" + (options.timeZone.map { " \($0)" } ?? ""))
        } else if let epoch = (start["epoch"] as? NSNumber)?.doubleValue, epoch.isFinite,
                  let zone = options.timeZone.flatMap(TimeZone.init(identifier:)) ?? recordedZone {
            let name = options.timeZone ?? (zone.identifier == "GMT" ? "UTC" : zone.identifier)
            header.append("timezone \(name)")
            header.append("time \(LocalTimestamp.text(epoch, in: zone))")
        } else {
            if let zone = options.timeZone { header.append("timezone \(zone)") }
            header.append("# time 2026-01-05 10:00 UTC   <- the trace does not say when the call happened; set it if the")
            header.append("#                                dialplan checks the time (GotoIfTime, IFTIME, STRFTIME)")
        }

        var setup: [String] = []
        var steps: [String] = []
        var heard: [String] = []
        var lastExec: Double = 0
        var lastPressTime = -1.0
        func flushPrompts() {
            guard !heard.isEmpty else { return }
            steps.append(heard.count == 1 ? "expect prompt \(heard[0])" : "expect prompts \(heard.joined(separator: " "))")
            heard = []
        }
        var outcomes: Set<String> = []
        for event in events {
            switch event["event"] as? String ?? "" {
            case "exec":
                lastExec = time(event)
            case "prompt":
                heard.append(word(text(event, "prompt")))
            case "prompt_missing":
                if !heard.isEmpty { heard.removeLast() }
            case "digit":
                let when = time(event)
                // A digit collected twice (Background's barge-in, then the application) is one press.
                if abs(when - lastPressTime) < 0.0005 { continue }
                lastPressTime = when
                flushPrompts()
                steps.append("press \(text(event, "digit")) at \(seconds(when))")
            case "delivery":
                flushPrompts()
                let kind = text(event, "kind")
                let destination = text(event, "destination")
                let status = text(event, "status")
                steps.append("expect \(kind) \(word(destination))" + (status.isEmpty ? "" : " \(status)"))
                if !status.isEmpty && !outcomes.contains(destination) {
                    outcomes.insert(destination)
                    let total = max(0, time(event) - lastExec)
                    let answered = status == "ANSWER"
                    let waited = answered ? min(5, total) : total
                    let talked = answered ? total - waited : 0
                    setup.append("outcome \(word(destination)) = \(status) after \(seconds(waited))"
                                 + (answered ? " talk \(seconds(talked))" : ""))
                }
            case "hangup":
                flushPrompts()
                if text(event, "by") == "caller" {
                    steps.append("hang up at \(seconds(time(event)))")
                    steps.append("expect hangup by caller")
                } else {
                    steps.append("expect hangup by dialplan")
                }
            default:
                break
            }
        }
        flushPrompts()
        var out = header
        out.append("")
        out.append("scenario \(word("replay of " + options.traceName))")
        out += setup.map { "  " + $0 }
        out += steps.map { "  " + $0 }
        return out.joined(separator: "\n") + "\n"
    }
}
