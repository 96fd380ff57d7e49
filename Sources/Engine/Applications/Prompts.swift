/// Plays prompts on a call's channel and notes each in the trace.
enum Prompts {
    /// Plays one prompt in the call's language (or `language`), interruptible by `interrupt`.
    static func play(_ name: String, call: Call, interrupt: DigitSet, language: String? = nil) -> PlayOutcome {
        // A prompt named after a secret (Playback(${PIN})) is traced masked.
        let shown = call.secrets.apply(name)
        call.record(.promptStart(shown))
        let outcome = call.channel.play(name, language: language ?? call.language, interrupt: interrupt)
        switch outcome {
        case .finished: call.record(.promptEnd(shown))
        case .interrupted(let digit): call.record(.promptInterrupted(shown, digit: digit))
        case .notFound: call.record(.promptMissing(shown))
        case .hangup: break
        }
        return outcome
    }

    /// Waits for a digit for `seconds` and notes a timeout in the trace.
    static func waitForDigit(_ seconds: Double, call: Call, timeoutKind: String) -> DigitWait {
        let outcome = call.channel.waitForDigit(until: call.channel.clock.now + max(seconds, 0))
        if outcome == .timeout { call.record(.timeout(timeoutKind)) }
        return outcome
    }
}
