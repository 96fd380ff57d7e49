/// An in-memory channel driven by a `CallerScript` on a virtual clock: the event-level way to run a call.
public final class ScriptedChannel: Channel {
    public let clock: any Clock
    public let name: String
    public private(set) var isAnswered = false
    private let virtualClock: VirtualClock
    private let start: Double
    private let prompts: any PromptLibrary
    private var script: CallerScript
    /// Index of the next scripted press not yet delivered or dropped.
    private var nextPress = 0
    /// When the caller is gone: their scripted hangup, or the longest call allowed.
    private var end: Double
    private let maximumDuration: Double
    /// Decides presses and hangup while the call runs (nil: the script is fixed).
    private let caller: (any ReactiveCaller)?
    private var events: (() -> [CallEvent])?
    private var hungUpByDialplan = false
    /// Deliveries requested, in order (for tests and reports).
    public private(set) var deliveries: [DeliveryRequest] = []

    /// A channel whose caller follows `script`; with `caller`, the script's presses and hangup come from it instead,
    /// decided as the call goes (the script still gives the delivery outcomes).
    public init(script: CallerScript, prompts: any PromptLibrary = UniformPrompts(), start: Double,
                name: String = "Scripted/caller-00000001", maximumDuration: Double = 4 * 3600,
                caller: (any ReactiveCaller)? = nil) {
        let clock = VirtualClock(start: start)
        self.virtualClock = clock
        self.clock = clock
        self.start = start
        self.prompts = prompts
        self.script = script
        self.name = name
        self.maximumDuration = maximumDuration
        self.caller = caller
        self.end = start + min(script.hangupAt ?? maximumDuration, maximumDuration)
    }

    public func attach(events: @escaping () -> [CallEvent]) { self.events = events }

    /// Lets the reactive caller decide, from the call so far, before time passes.
    private func react(playing: (name: String, length: Double)? = nil) {
        guard let caller, let events else { return }
        let decided = caller.react(events: events(), now: virtualClock.now - start, playing: playing)
        script.presses = decided.presses
        script.hangupAt = decided.hangupAt
        end = start + min(decided.hangupAt ?? maximumDuration, maximumDuration)
    }

    public var isHungUp: Bool { hungUpByDialplan || virtualClock.now >= end }

    public func answer() { isAnswered = true }

    public func hangup(cause: Int) { hungUpByDialplan = true }

    /// The next press, with its absolute time.
    private var pending: (digit: Character, time: Double)? {
        guard nextPress < script.presses.count else { return nil }
        let press = script.presses[nextPress]
        return (press.digit, start + press.time)
    }

    public func play(_ prompt: String, language: String, interrupt: DigitSet) -> PlayOutcome {
        if isHungUp { return .hangup }
        guard let length = prompts.duration(of: prompt, language: language) else { return .notFound }
        react(playing: (prompt, length))
        if isHungUp { return .hangup }
        let finish = virtualClock.now + length
        while let press = pending, press.time < finish, press.time < end {
            nextPress += 1
            if interrupt.contains(press.digit) {
                virtualClock.advance(to: press.time)
                return .interrupted(press.digit)
            }
            // Not an interrupting digit: read from the channel and dropped, as ast_waitstream does.
        }
        if finish >= end {
            virtualClock.advance(to: end)
            return .hangup
        }
        virtualClock.advance(to: finish)
        return .finished
    }

    public func waitForDigit(until deadline: Double) -> DigitWait {
        react()
        if isHungUp { return .hangup }
        if let press = pending, press.time <= deadline, press.time < end {
            nextPress += 1
            virtualClock.advance(to: press.time)
            return .digit(press.digit)
        }
        if deadline >= end {
            virtualClock.advance(to: end)
            return .hangup
        }
        virtualClock.advance(to: deadline)
        return .timeout
    }

    public func wait(until deadline: Double) -> Bool {
        react()
        if isHungUp { return false }
        virtualClock.advance(to: min(deadline, end))
        return !isHungUp
    }

    public func record(to path: String, maxDuration: Double?, silence: Double?, terminators: DigitSet) -> RecordOutcome {
        react()
        if isHungUp { return .hangup }
        // The scripted caller says nothing: silence detection, a terminator or the limit ends the recording.
        let now = virtualClock.now
        var stop = end
        var outcome = RecordOutcome.hangup
        if let silence, silence > 0, now + silence < stop { stop = now + silence; outcome = .silence }
        if let maxDuration, maxDuration > 0, now + maxDuration < stop { stop = now + maxDuration; outcome = .maxDuration }
        while let press = pending, press.time < stop {
            nextPress += 1
            if terminators.contains(press.digit) {
                virtualClock.advance(to: max(press.time, now))
                return .terminated(press.digit)
            }
        }
        virtualClock.advance(to: stop)
        return outcome
    }

    public func deliver(_ request: DeliveryRequest) -> DeliveryOutcome {
        react()
        deliveries.append(request)
        let key: String
        switch request {
        case .dial(let targets, _, _): key = targets.joined(separator: "&")
        case .transfer(let destination): key = destination
        case .queue(let name, _, _): key = name
        }
        var outcome = script.outcomes[key] ?? defaultOutcome(for: request)
        // Dial and Queue give up after their timeout: an answer that would come later never comes.
        if let limit = Self.timeout(of: request), limit > 0, Self.isAnswered(outcome, for: request),
           outcome.waitedSeconds > limit {
            outcome = DeliveryOutcome(status: Self.timeoutStatus(for: request), waitedSeconds: limit)
        }
        let waited = virtualClock.now + outcome.waitedSeconds
        if waited >= end {
            virtualClock.advance(to: end)
            outcome.callerHungUp = true
            outcome.status = Self.hangupStatus(for: request)
            return outcome
        }
        virtualClock.advance(to: waited)
        if outcome.answeredSeconds > 0 { virtualClock.advance(to: min(end, virtualClock.now + outcome.answeredSeconds)) }
        return outcome
    }

    private func defaultOutcome(for request: DeliveryRequest) -> DeliveryOutcome {
        var outcome = script.defaultOutcome
        switch request {
        case .transfer: outcome.status = "SUCCESS"
        case .queue: if outcome.status == "ANSWER" { outcome.status = "" }
        case .dial: break
        }
        return outcome
    }

    private static func timeout(of request: DeliveryRequest) -> Double? {
        switch request {
        case .dial(_, let timeout, _): timeout
        case .queue(_, let timeout, _): timeout
        case .transfer: nil
        }
    }

    /// Answered: Dial's ANSWER, or a Queue connected to an agent (no QUEUESTATUS).
    private static func isAnswered(_ outcome: DeliveryOutcome, for request: DeliveryRequest) -> Bool {
        switch request {
        case .dial: outcome.status == "ANSWER"
        case .queue: outcome.status.isEmpty || outcome.status == "ANSWER"
        case .transfer: false
        }
    }

    private static func timeoutStatus(for request: DeliveryRequest) -> String {
        switch request {
        case .dial: "NOANSWER"
        case .queue: "TIMEOUT"
        case .transfer: "FAILURE"
        }
    }

    private static func hangupStatus(for request: DeliveryRequest) -> String {
        switch request {
        case .dial: "CANCEL"
        case .transfer: "FAILURE"
        case .queue: "WITHDRAW"
        }
    }

    public func indicate(_ indication: Indication) {}
}
