import Dialplan
import Engine
import Foundation

/// Where a call stopped matching an expectation: what was seen instead, and the event it shows at.
struct Mismatch {
    var expected: String
    var actual: String
    /// The event the divergence shows at (nil: the end of the call).
    var eventIndex: Int?
}

/// Matches expectations against a call's events in order: a cursor over the events and the caller's clock.
struct ExpectationWalker {
    let events: [CallEvent]
    let plays: [PromptPlay]
    let finalVariables: [String: String]
    /// The next event an expectation may match.
    var cursor = 0
    /// The caller's time (seconds since the call started): moved by waits, presses and matched events.
    var clock = 0.0

    init(events: [CallEvent], finalVariables: [String: String]) {
        self.init(events: events, plays: PromptPlay.plays(in: events), finalVariables: finalVariables)
    }

    /// With the plays already read from `events` (a play may end past the last event: one about to play).
    init(events: [CallEvent], plays: [PromptPlay], finalVariables: [String: String]) {
        self.events = events
        self.finalVariables = finalVariables
        self.plays = plays
    }

    static func seconds(_ time: Double) -> String { Milliseconds.text(time) + " s" }

    var callEnd: Double { events.last?.time ?? 0 }

    var since: String { clock > 0 ? "after \(Self.seconds(clock))" : "in the call" }

    mutating func moveTo(index: Int, time: Double) {
        cursor = max(cursor, index + 1)
        clock = max(clock, time)
    }

    /// Prompts the caller has not yet heard to their end: still playing at the clock, or still to come.
    var playsAhead: [PromptPlay] {
        plays.filter { $0.endIndex >= cursor && $0.end >= clock - 1e-9 && !($0.end == $0.start && $0.start < clock - 1e-9) }
    }

    func describe(_ play: PromptPlay) -> String {
        switch play.ending {
        case .missing: "prompt \(play.name) (missing: no such prompt file) at \(Self.seconds(play.start))"
        default: "prompt \(play.name) at \(Self.seconds(play.start))"
        }
    }

    mutating func check(_ expectation: Expectation) -> Mismatch? {
        switch expectation {
        case .prompt(let name, let moment):
            let ahead = playsAhead
            guard let play = ahead.first(where: { $0.name == name }) else {
                let heard = ahead.filter { $0.ending != .missing }.map(\.name)
                let actual = heard.isEmpty
                    ? "no prompt played \(since); the call ended at \(Self.seconds(callEnd))"
                    : "prompt \(name) never played \(since); heard \(heard.joined(separator: ", "))"
                return Mismatch(expected: "prompt \(name)", actual: actual, eventIndex: ahead.first?.startIndex)
            }
            if play.ending == .missing {
                return Mismatch(expected: "prompt \(name)", actual: describe(play), eventIndex: play.startIndex)
            }
            switch moment {
            case .interrupted:
                guard case .interrupted = play.ending else {
                    return Mismatch(expected: "prompt \(name) interrupted by a digit",
                                    actual: "prompt \(name) \(play.ending) at \(Self.seconds(play.end))", eventIndex: play.endIndex)
                }
            case .finished:
                guard play.ending == .finished else {
                    return Mismatch(expected: "prompt \(name) played to its end",
                                    actual: "prompt \(name) \(play.ending) at \(Self.seconds(play.end))", eventIndex: play.endIndex)
                }
            case .end, .starts: break
            }
            if moment == .starts {
                moveTo(index: play.startIndex, time: play.start)
            } else {
                moveTo(index: play.endIndex, time: play.end)
            }
            return nil

        case .prompts(let names):
            let ahead = playsAhead
            for (offset, name) in names.enumerated() {
                guard offset < ahead.count else {
                    let heard = ahead.map(\.name)
                    return Mismatch(expected: "prompts \(names.joined(separator: " "))",
                                    actual: heard.isEmpty ? "no prompt played \(since)"
                                        : "only \(heard.joined(separator: " ")) played \(since); the call ended at \(Self.seconds(callEnd))",
                                    eventIndex: nil)
                }
                let play = ahead[offset]
                if play.name != name || play.ending == .missing {
                    let before = offset == 0 ? "" : " after \(names[0..<offset].joined(separator: " "))"
                    return Mismatch(expected: "prompt \(name)\(before)", actual: describe(play), eventIndex: play.startIndex)
                }
            }
            if let last = ahead.prefix(names.count).last { moveTo(index: last.endIndex, time: last.end) }
            return nil

        case .silence(let length):
            let from = clock
            let to = clock + length
            if let play = plays.first(where: { $0.ending != .missing && $0.start < to - 1e-9 && $0.end > from + 1e-9 }) {
                return Mismatch(expected: "silence from \(Self.seconds(from)) to \(Self.seconds(to))",
                                actual: "prompt \(play.name) plays from \(Self.seconds(play.start)) to \(Self.seconds(play.end))",
                                eventIndex: play.startIndex)
            }
            clock = to
            return nil

        case .noPrompt:
            if let play = playsAhead.first(where: { $0.ending != .missing }) {
                return Mismatch(expected: "no more prompts \(since)", actual: describe(play), eventIndex: play.startIndex)
            }
            return nil

        case .variable(let name, let value):
            var taken: [String] = []
            var lastIndex: Int?
            for index in cursor..<events.count {
                guard case .variableSet(let setName, let setValue) = events[index].kind, setName == name else { continue }
                if setValue == value {
                    moveTo(index: index, time: events[index].time)
                    return nil
                }
                taken.append("'\(setValue)'")
                lastIndex = index
            }
            let actual: String
            if taken.isEmpty {
                let final = finalVariables[name].map { "; its value at the end was '\($0)'" } ?? "; it is unset at the end"
                actual = "\(name) was not set \(since)\(final)"
            } else {
                actual = "\(name) was set to \(taken.joined(separator: ", ")) \(since)"
            }
            return Mismatch(expected: "\(name) set to '\(value)'", actual: actual, eventIndex: lastIndex)

        case .delivery(let kind, let destination, let status):
            var seen: [String] = []
            var firstIndex: Int?
            for index in cursor..<events.count {
                guard case .delivery(let gotKind, let gotDestination, let gotStatus) = events[index].kind else { continue }
                let targets = gotDestination.split(separator: "&").map(String.init)
                if gotKind == kind, gotDestination == destination || targets.contains(destination),
                   status.map({ $0 == gotStatus.uppercased() }) ?? true {
                    moveTo(index: index, time: events[index].time)
                    return nil
                }
                seen.append("\(gotKind) \(gotDestination) (\(gotStatus.isEmpty ? "connected" : gotStatus)) at \(Self.seconds(events[index].time))")
                if firstIndex == nil { firstIndex = index }
            }
            let expected = "\(kind) \(destination)" + (status.map { " (\($0))" } ?? "")
            let actual = seen.isEmpty ? "no dial, queue or transfer \(since)" : seen.joined(separator: "; ")
            return Mismatch(expected: expected, actual: actual, eventIndex: firstIndex)

        case .context(let context):
            return location(expected: "the call in context \(context)") { $0.context == context }
        case .exten(let exten, let context):
            let place = context.map { "\(exten)@\($0)" } ?? exten
            return location(expected: "the call at extension \(place)") { here in
                here.exten == exten && (context.map { here.context == $0 } ?? true)
            }

        case .hangup(let by):
            for index in cursor..<events.count {
                guard case .hangup(let cause, let byCaller) = events[index].kind else { continue }
                let who = byCaller ? "caller" : "dialplan"
                if by == nil || by == who {
                    moveTo(index: index, time: events[index].time)
                    return nil
                }
                return Mismatch(expected: "hangup by \(by ?? "anyone")",
                                actual: "hangup by \(who) (cause \(cause)) at \(Self.seconds(events[index].time))", eventIndex: index)
            }
            return Mismatch(expected: "hangup" + (by.map { " by \($0)" } ?? ""), actual: "no hangup \(since)", eventIndex: nil)

        case .verbose(let text):
            var said: [String] = []
            for index in cursor..<events.count {
                guard case .verbose(_, let message) = events[index].kind else { continue }
                if message.contains(text) {
                    moveTo(index: index, time: events[index].time)
                    return nil
                }
                said.append("'\(message)'")
            }
            return Mismatch(expected: "a Verbose message containing '\(text)'",
                            actual: said.isEmpty ? "no Verbose message \(since)" : "Verbose said \(said.joined(separator: ", "))",
                            eventIndex: nil)

        case .cdr, .never, .transcript, .heard:
            return nil
        }
    }

    /// An exec at or after the cursor in the right place, or the call still sitting there.
    mutating func location(expected: String, _ matches: (CallLocation) -> Bool) -> Mismatch? {
        var visited: [String] = []
        var lastExec: Int?
        for index in cursor..<events.count {
            guard case .exec(let location, _, _, _, _) = events[index].kind else { continue }
            if matches(location) {
                moveTo(index: index, time: events[index].time)
                return nil
            }
            let place = "\(location.exten)@\(location.context)"
            if visited.last != place { visited.append(place) }
            lastExec = index
        }
        // Still where the last priority before the cursor left it (waiting in WaitExten, say).
        if let index = events[..<min(cursor, events.count)].lastIndex(where: { if case .exec = $0.kind { true } else { false } }),
           case .exec(let location, _, _, _, _) = events[index].kind, matches(location), visited.isEmpty {
            return nil
        }
        let actual = visited.isEmpty ? "the dialplan ran nothing more \(since)" : "the call went to \(visited.prefix(8).joined(separator: ", ")) \(since)"
        return Mismatch(expected: expected, actual: actual, eventIndex: lastExec)
    }
}
