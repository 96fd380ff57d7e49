import Engine
import Foundation

/// One prompt as the caller heard it: when it started, when it stopped and why.
public struct PromptPlay: Sendable, Equatable {
    public enum Ending: Sendable, Equatable, CustomStringConvertible {
        case finished
        case interrupted(Character)
        /// No such prompt file: the caller heard nothing.
        case missing
        /// The call ended while it played.
        case hangup

        public var description: String {
            switch self {
            case .finished: "finished"
            case .interrupted(let digit): "interrupted by \(digit)"
            case .missing: "missing"
            case .hangup: "cut by hangup"
            }
        }
    }

    public var name: String
    public var start: Double
    public var end: Double
    public var ending: Ending
    /// Indexes of the start and the end events in the call's events.
    var startIndex: Int
    var endIndex: Int

    public init(name: String, start: Double, end: Double, ending: Ending) {
        self.name = name
        self.start = start
        self.end = end
        self.ending = ending
        startIndex = 0
        endIndex = 0
    }

    public static func == (lhs: PromptPlay, rhs: PromptPlay) -> Bool {
        lhs.name == rhs.name && lhs.start == rhs.start && lhs.end == rhs.end && lhs.ending == rhs.ending
    }

    /// Every prompt of a call, in order.
    public static func plays(in events: [CallEvent]) -> [PromptPlay] {
        var scanner = Scanner()
        scanner.scan(events)
        return scanner.plays(endingAt: events)
    }

    /// Reads a call's prompt plays from its events as they come: ``scan(_:)`` takes the events not seen yet.
    struct Scanner {
        /// Plays that have ended, in order.
        private(set) var closed: [PromptPlay] = []
        /// The play still going after the last event scanned.
        private(set) var open: PromptPlay?
        /// Events scanned so far.
        private(set) var scanned = 0

        mutating func scan(_ events: [CallEvent]) {
            while scanned < events.count {
                let index = scanned
                let event = events[index]
                switch event.kind {
                case .promptStart(let name):
                    close(event.time, .hangup, index)
                    var play = PromptPlay(name: name, start: event.time, end: event.time, ending: .hangup)
                    play.startIndex = index
                    play.endIndex = index
                    open = play
                case .promptEnd: close(event.time, .finished, index)
                case .promptInterrupted(_, let digit): close(event.time, .interrupted(digit), index)
                case .promptMissing: close(event.time, .missing, index)
                // Cut by the end of the call: the hangup itself stays ahead of an expectation cursor.
                case .hangup, .callEnd: close(event.time, .hangup, max(index - 1, open?.startIndex ?? 0))
                default: break
                }
                scanned += 1
            }
        }

        private mutating func close(_ time: Double, _ ending: Ending, _ index: Int) {
            guard var play = open else { return }
            play.end = time
            play.ending = ending
            play.endIndex = index
            closed.append(play)
            open = nil
        }

        /// Every play, a play still going counted as cut at the last event (the call ended there).
        func plays(endingAt events: [CallEvent]) -> [PromptPlay] {
            guard var play = open, let last = events.last else { return closed }
            play.end = last.time
            play.ending = .hangup
            play.endIndex = max(events.count - 1, play.startIndex)
            return closed + [play]
        }

        /// Every play, a play still going counted as playing to its end at `end` (an event index past the last).
        func plays(openEndingAt end: Double, index: Int) -> [PromptPlay] {
            guard var play = open else { return closed }
            play.end = end
            play.ending = .finished
            play.endIndex = index
            return closed + [play]
        }
    }
}

/// The golden "what the caller heard": each prompt with its start, end and how it ended, one per line.
///
///     # ivr golden transcript: start, end, prompt, how it ended
///        0.00    1.52  example-welcome  finished
///        1.52    2.75  main-menu        interrupted by 1
public struct GoldenTranscript: Sendable, Equatable {
    public var plays: [PromptPlay]

    public init(plays: [PromptPlay]) { self.plays = plays }

    public init(events: [CallEvent]) { plays = PromptPlay.plays(in: events) }

    public static let header = "# ivr golden transcript: start, end (seconds since the call started), prompt, how it ended"

    /// The file's text.
    public var text: String {
        let width = plays.map(\.name.count).max() ?? 0
        var lines = [Self.header]
        for play in plays {
            let name = play.name.padding(toLength: max(width, 1), withPad: " ", startingAt: 0)
            lines.append(String(format: "%8.2f %8.2f  ", play.start, play.end) + name + "  " + play.ending.description)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Why a golden file could not be read: its line and the problem.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> GoldenTranscript {
        var plays: [PromptPlay] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count >= 4, let start = Double(words[0]), let end = Double(words[1]) else {
                throw ParseError(line: offset + 1, message: "expected: START END PROMPT ENDING")
            }
            let ending: PromptPlay.Ending
            switch words[3...].joined(separator: " ") {
            case "finished": ending = .finished
            case "missing": ending = .missing
            case "cut by hangup": ending = .hangup
            case let text where text.hasPrefix("interrupted by ") && text.count == 16:
                ending = .interrupted(text.last ?? "?")
            case let other:
                throw ParseError(line: offset + 1, message: "unknown ending '\(other)'")
            }
            plays.append(PromptPlay(name: words[2], start: start, end: end, ending: ending))
        }
        return GoldenTranscript(plays: plays)
    }

    /// Where `actual` first differs from this golden transcript (times may differ by `tolerance` seconds), or nil.
    public func firstDifference(from actual: GoldenTranscript, tolerance: Double) -> (index: Int, message: String)? {
        func show(_ play: PromptPlay) -> String {
            "\(play.name) from \(String(format: "%.2f", play.start)) s to \(String(format: "%.2f", play.end)) s, \(play.ending)"
        }
        for index in 0..<max(plays.count, actual.plays.count) {
            guard index < actual.plays.count else {
                return (index, "prompt \(index + 1): expected \(show(plays[index])); the call played no more prompts")
            }
            guard index < plays.count else {
                return (index, "prompt \(index + 1): expected no more prompts; heard \(show(actual.plays[index]))")
            }
            let want = plays[index]
            let got = actual.plays[index]
            if want.name != got.name || want.ending != got.ending || abs(want.start - got.start) > tolerance + 0.005
                || abs(want.end - got.end) > tolerance + 0.005 {
                return (index, "prompt \(index + 1): expected \(show(want)); heard \(show(got))")
            }
        }
        return nil
    }
}
