import Engine
import Foundation

/// How one scenario went in one mode.
public struct ScenarioVerdict: Sendable {
    public enum Status: String, Sendable {
        case passed, failed
        /// The scenario could not run (its dialplan does not load, say): bad input.
        case error
    }

    public var name: String
    public var file: String
    public var line: Int
    public var mode: ReplayMode
    public var status: Status
    /// For a failure: the first place the call differs from the scenario. For an error: the message is in
    /// `divergence.actual`.
    public var divergence: Divergence?
    /// The final call's events (empty when the scenario could not run).
    public var events: [CallEvent]
    public var record: CallDetailRecord?
    /// The dialplan file the scenario ran.
    public var dialplan: String?
    /// Calls run to work out the caller's timeline (each expectation followed by a press needs one more).
    public var calls: Int
    /// Wall-clock seconds the scenario took.
    public var seconds: Double

    public var passed: Bool { status == .passed }
    public var location: String { "\(file):\(line)" }
}

/// The first place a call differs from its scenario.
public struct Divergence: Sendable, Equatable {
    /// The step that failed: its line in the scenario file and its text.
    public var stepLine: Int
    public var step: String
    public var expected: String
    public var actual: String
    /// `file:line (context,exten,priority) App(args)` of the priority that was executing, if any.
    public var dialplanLine: String?
    /// Transcript lines around the divergence; the one marked `>` is where it shows.
    public var trace: [String]

    public init(stepLine: Int, step: String, expected: String, actual: String, dialplanLine: String?, trace: [String]) {
        self.stepLine = stepLine
        self.step = step
        self.expected = expected
        self.actual = actual
        self.dialplanLine = dialplanLine
        self.trace = trace
    }
}

extension ScenarioVerdict {
    /// One line: `PASS  file:line  name` (or FAIL / ERROR), plus the mode in audio runs.
    public var summaryLine: String {
        let word = status == .passed ? "PASS " : status == .failed ? "FAIL " : "ERROR"
        let modeNote = mode == .events ? "" : " [\(mode)]"
        return "\(word) \(location)  \(name)\(modeNote)"
    }

    /// The failure report: the summary line, then where and how the call first differed.
    public var report: String {
        var lines = [summaryLine]
        if let divergence {
            if status == .error {
                lines += divergence.actual.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
                if lines.last == "    " { lines.removeLast() }
                return lines.joined(separator: "\n") + "\n"
            }
            lines.append("    step:     \(file):\(divergence.stepLine): \(divergence.step)")
            lines.append("    expected: \(divergence.expected)")
            lines.append("    actual:   \(divergence.actual)")
            if let dialplanLine = divergence.dialplanLine { lines.append("    dialplan: \(dialplanLine)") }
            if !divergence.trace.isEmpty {
                lines.append("    trace:")
                lines += divergence.trace.map { "      " + $0 }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
