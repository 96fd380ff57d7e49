/// How a call meets the world: prompts out, digits in, and the call-control requests an IVR makes.
///
/// Every method is synchronous and runs on the call's thread, in the channel's clock time: a scripted channel
/// answers at once on a virtual clock, a live one blocks as long as the caller takes.
public protocol Channel: AnyObject {
    var clock: any Clock { get }
    /// The caller (or the network) has hung up.
    var isHungUp: Bool { get }
    var isAnswered: Bool { get }
    /// A name such as `Scripted/1-0001`, for `${CHANNEL}` and records.
    var name: String { get }

    func answer()
    /// Ends the call from the dialplan's side with an ISDN cause code (16 = normal clearing).
    func hangup(cause: Int)
    /// Plays one prompt. A digit in `interrupt` stops it and is returned (consumed); other digits pressed
    /// meanwhile are consumed and lost, as in Asterisk. Digits pressed before the prompt count too (type-ahead).
    func play(_ prompt: String, language: String, interrupt: DigitSet) -> PlayOutcome
    /// Waits until `deadline` for a digit; a digit already pressed is returned at once.
    func waitForDigit(until deadline: Double) -> DigitWait
    /// Lets time pass until `deadline` without reading digits (they stay queued for later).
    func wait(until deadline: Double) -> Bool
    /// Records what the caller says into `path` (format from its extension), until a terminator digit,
    /// `silence` seconds of silence, `maxDuration`, or hangup.
    func record(to path: String, maxDuration: Double?, silence: Double?, terminators: DigitSet) -> RecordOutcome
    /// Hands the call to another destination (Dial, Transfer, Queue); the channel decides the outcome.
    func deliver(_ request: DeliveryRequest) -> DeliveryOutcome
    /// Busy, congestion, ringing, progress.
    func indicate(_ indication: Indication)
    /// Called by the engine as the call starts with a way to read the call's events so far; a channel whose
    /// caller reacts to the call (``ScriptedChannel`` with a ``ReactiveCaller``) keeps it. Others ignore it.
    func attach(events: @escaping () -> [CallEvent])
}

extension Channel {
    public func attach(events: @escaping () -> [CallEvent]) {}
}

/// A set of DTMF symbols (`0-9 * # A-D`).
public struct DigitSet: Sendable, Equatable, CustomStringConvertible {
    private var bits: UInt32

    public static let none = DigitSet(bits: 0)
    public static let any = DigitSet("0123456789*#ABCD")

    private init(bits: UInt32) { self.bits = bits }

    public init(_ digits: String) {
        bits = 0
        for character in digits { if let index = Self.index(of: character) { bits |= 1 << UInt32(index) } }
    }

    public func contains(_ digit: Character) -> Bool {
        guard let index = Self.index(of: digit) else { return false }
        return bits & (1 << UInt32(index)) != 0
    }

    public var isEmpty: Bool { bits == 0 }

    public var description: String {
        String(Self.symbols.enumerated().filter { bits & (1 << UInt32($0.offset)) != 0 }.map(\.element))
    }

    private static let symbols = Array("0123456789*#ABCD")

    private static func index(of character: Character) -> Int? {
        switch character {
        case "0"..."9": return Int(character.asciiValue ?? 48) - 48
        case "*": return 10
        case "#": return 11
        case "A", "a": return 12
        case "B", "b": return 13
        case "C", "c": return 14
        case "D", "d": return 15
        default: return nil
        }
    }
}

/// How a prompt ended.
public enum PlayOutcome: Sendable, Equatable {
    case finished
    case interrupted(Character)
    /// No such prompt in the caller's language (nor in the fallback).
    case notFound
    case hangup
}

/// What waiting for a digit gave.
public enum DigitWait: Sendable, Equatable {
    case digit(Character)
    case timeout
    case hangup
}

/// How a recording ended (Asterisk's RECORD_STATUS words).
public enum RecordOutcome: Sendable, Equatable {
    case terminated(Character)
    case silence
    case maxDuration
    case hangup
    case failed(String)
}

/// A request to put the caller through to someone else.
public enum DeliveryRequest: Sendable, Equatable {
    /// `Dial(Tech/res&Tech/res2, timeout)`.
    case dial(targets: [String], timeout: Double?, options: String)
    /// `Transfer(dest)`.
    case transfer(destination: String)
    /// `Queue(name, ..., timeout)`.
    case queue(name: String, timeout: Double?, options: String)
}

/// What came of a delivery; the status words are Asterisk's DIALSTATUS / TRANSFERSTATUS / QUEUESTATUS.
public struct DeliveryOutcome: Sendable, Equatable {
    public var status: String
    /// Seconds the far end talked (Dial: ANSWEREDTIME); the call ends after an answered Dial or Queue.
    public var answeredSeconds: Double
    /// Seconds spent ringing or waiting in the queue.
    public var waitedSeconds: Double
    /// The caller hung up during the delivery.
    public var callerHungUp: Bool

    public init(status: String, answeredSeconds: Double = 0, waitedSeconds: Double = 0, callerHungUp: Bool = false) {
        self.status = status
        self.answeredSeconds = answeredSeconds
        self.waitedSeconds = waitedSeconds
        self.callerHungUp = callerHungUp
    }
}

/// Call-progress signals a dialplan can send.
public enum Indication: String, Sendable {
    case busy, congestion, ringing, progress, proceeding
}
