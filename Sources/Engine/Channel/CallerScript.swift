/// What a scripted caller does: digits at given times, when they hang up, how deliveries turn out.
///
/// Parsed from text such as `1@2s 2@3.5s 1234#@10s`: each item is digits `@` a time since the call started
/// (`s`, `ms` or `m`; several digits are pressed 250 ms apart). Times are offsets in seconds.
public struct CallerScript: Sendable, Equatable {
    /// A digit pressed at `time` seconds after the call starts.
    public struct Press: Sendable, Equatable {
        public var digit: Character
        public var time: Double

        public init(digit: Character, time: Double) {
            self.digit = digit
            self.time = time
        }
    }

    public var presses: [Press]
    /// The caller hangs up this many seconds after the call starts (nil: never, until the call limit).
    public var hangupAt: Double?
    /// Outcome per destination (`PJSIP/100`, a queue name, a transfer target); others get `defaultOutcome`.
    public var outcomes: [String: DeliveryOutcome]
    /// Dial/Queue/Transfer not listed in `outcomes` end like this (answered, the call leaves the IVR).
    public var defaultOutcome: DeliveryOutcome

    public init(presses: [Press] = [], hangupAt: Double? = nil, outcomes: [String: DeliveryOutcome] = [:],
                defaultOutcome: DeliveryOutcome = DeliveryOutcome(status: "ANSWER", answeredSeconds: 30, waitedSeconds: 5)) {
        self.presses = presses.sorted { $0.time < $1.time }
        self.hangupAt = hangupAt
        self.outcomes = outcomes
        self.defaultOutcome = defaultOutcome
    }

    /// Why a digit script could not be read: the item and what is wrong with it.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var item: String
        public var reason: String
        public var description: String { "'\(item)': \(reason)" }
    }

    /// Reads `1@2s 2@3.5s 12#@8s`; an item without `@time` follows the previous one by one second.
    public static func parseDigits(_ text: String) throws(ParseError) -> [Press] {
        var presses: [Press] = []
        var clock = 0.0
        for item in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            let parts = item.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
            let digits = String(parts[0])
            guard !digits.isEmpty, digits.allSatisfy({ DigitSet.any.contains($0) }) else {
                throw ParseError(item: String(item), reason: "digits must be 0-9, *, # or A-D")
            }
            if parts.count == 2 {
                guard let time = parseDuration(String(parts[1])) else {
                    throw ParseError(item: String(item), reason: "time must look like 2s, 1500ms or 1.5m")
                }
                clock = time
            } else {
                clock += presses.isEmpty ? 0 : 1
            }
            for (index, digit) in digits.enumerated() {
                presses.append(Press(digit: digit, time: clock + Double(index) * 0.25))
            }
            clock += Double(max(digits.count - 1, 0)) * 0.25
        }
        return presses
    }

    /// `2s`, `1500ms`, `1.5m`, `2h`, or plain seconds; nil if unreadable or negative.
    public static func parseDuration(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value >= 0, value.isFinite else { return nil }
            return value * scale
        }
        guard let value = Double(text), value >= 0, value.isFinite else { return nil }
        return value
    }
}
