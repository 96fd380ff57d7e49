import Dialplan
import Foundation

/// A call's events as a readable transcript: time, where the dialplan was, what happened.
public enum CallTranscript {
    public static func render(_ events: [CallEvent]) -> String {
        var lines: [String] = []
        for event in events {
            let time = Milliseconds.padded(event.time)
            switch event.kind {
            case .callStart(let location, let callerID, let channel, _, _, _):
                lines.append("\(time)  call from \(callerID.isEmpty ? "unknown" : callerID) on \(channel) to \(location)")
            case .exec(let location, let application, let arguments, _, _):
                lines.append("\(time)  \(location)  \(application)(\(arguments))")
            case .promptStart(let name): lines.append("\(time)      ▶ \(name)")
            case .promptEnd: continue
            case .promptInterrupted(let name, let digit): lines.append("\(time)      ■ \(name) interrupted by \(digit)")
            case .promptMissing(let name): lines.append("\(time)      ✗ prompt \(name) not found")
            case .digit(let digit): lines.append("\(time)      ☎ caller pressed \(digit)")
            case .timeout(let kind): lines.append("\(time)      … \(kind) timeout")
            case .variableSet(let name, let value): lines.append("\(time)      \(name)=\(value)")
            case .jump(let location, let reason): lines.append("\(time)      → \(location) (\(reason))")
            case .delivery(let kind, let destination, let status):
                lines.append("\(time)      ⇒ \(kind) \(destination): \(status.isEmpty ? "connected" : status)")
            case .recording(let path, let outcome): lines.append("\(time)      ● recorded \(path) (\(outcome))")
            case .verbose(_, let message): lines.append("\(time)      \(message)")
            case .log(let level, let message): lines.append("\(time)      [\(level)] \(message)")
            case .userEvent(let name, let body): lines.append("\(time)      event \(name) \(body)")
            case .agi(let line, let sent): lines.append("\(time)      AGI \(sent ? ">>" : "<<") \(line)")
            case .warning(let message): lines.append("\(time)      warning: \(message)")
            case .error(let message): lines.append("\(time)      error: \(message)")
            case .hangup(let cause, let byCaller):
                lines.append("\(time)  hangup by \(byCaller ? "caller" : "dialplan") (cause \(cause))")
            case .callEnd(let disposition): lines.append("\(time)  call ended: \(disposition)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
