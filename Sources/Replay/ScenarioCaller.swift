import Engine

/// A scenario's caller deciding while the call runs: before each channel operation it matches the scenario's
/// expectations against the events so far and fixes the time of every press and hangup it can, so most scenarios
/// need one call instead of one per group of presses.
///
/// Decisions are provisional: the runner's walk over the finished call checks each one and runs the call again
/// from the first that does not hold (an expectation that passed early on an unfinished call, say). A decision
/// that would fall before the present cannot be made; the caller then stops deciding and the walk takes over.
final class ScenarioCaller: ReactiveCaller {
    private let steps: [ScenarioStep]
    private(set) var timeline = ScenarioRunner.Timeline()
    /// Where matching resumes: the next step, and the walker's cursor and clock after the steps before it.
    private var step = 0
    private var cursor = 0
    private var clock = 0.0
    /// Every action step is decided, or one could not be.
    private var done: Bool
    /// How many events the last decision saw without a prompt about to play: nothing new, nothing to decide.
    private var settledAt = -1
    /// The call's prompt plays, read as its events come.
    private var plays = PromptPlay.Scanner()

    init(steps: [ScenarioStep]) {
        self.steps = steps
        done = !steps.contains { if case .expect = $0.kind { false } else if case .wait = $0.kind { false } else { true } }
    }

    func react(events: [CallEvent], now: Double, playing: (name: String, length: Double)?)
        -> (presses: [CallerScript.Press], hangupAt: Double?) {
        if !done && (playing != nil || events.count != settledAt) {
            decide(events: events, now: now, playing: playing)
            settledAt = playing == nil ? events.count : -1
        }
        return (timeline.presses, timeline.hangupAt)
    }

    private func decide(events: [CallEvent], now: Double, playing: (name: String, length: Double)?) {
        let known = events.count
        plays.scan(events)
        // The prompt about to play counts as playing to its end: a press timed from its end comes after it.
        let heard = playing.map { plays.plays(openEndingAt: now + $0.length, index: known) } ?? plays.plays(endingAt: events)
        var walker = ExpectationWalker(events: events, plays: heard, finalVariables: [:])
        walker.cursor = cursor
        walker.clock = clock
        var lastPress = timeline.presses.last?.time
        while step < steps.count {
            let current = steps[step]
            switch current.kind {
            case .press(let digits, _, _, _):
                guard case .times(let times)? = ScenarioRunner.ActionTiming.of(current, clock: walker.clock, lastPress: lastPress),
                      let first = times.first, first >= now - 1e-9 else { done = true; return }
                timeline.add(step: step, digits: digits, times: times)
                timeline.provisional.insert(step)
                lastPress = times.last
                walker.clock = max(walker.clock, times.last ?? first)
            case .hangup:
                guard case .times(let times)? = ScenarioRunner.ActionTiming.of(current, clock: walker.clock, lastPress: lastPress),
                      let time = times.first, time >= now - 1e-9 else { done = true; return }
                timeline.add(step: step, digits: nil, times: times)
                timeline.provisional.insert(step)
                walker.clock = max(walker.clock, time)
            case .wait(let seconds):
                walker.clock += seconds
            case .expect(let expectation):
                if !expectation.isWholeCall, walker.check(expectation) != nil { return }
                // A match that leaned on the prompt still to play is not kept: it is matched again next time.
                if walker.cursor > known { return }
            }
            step += 1
            cursor = walker.cursor
            clock = walker.clock
        }
        done = true
    }
}
