/// A scripted caller who decides when to press and hang up while the call runs, from what the call has done so
/// far: a replayed scenario that presses 1 "after the menu prompt ends" without knowing in advance when that is.
///
/// ``ScriptedChannel`` asks before every operation that lets time pass; what the caller decided is final for that
/// call (presses are only ever added, in time order).
public protocol ReactiveCaller: AnyObject {
    /// The caller's presses (time order, offsets since the call started) and hangup time as decided so far.
    ///
    /// - Parameters:
    ///   - events: the call's events up to now.
    ///   - now: seconds since the call started.
    ///   - playing: the prompt about to play and its length, when the channel is about to play one.
    func react(events: [CallEvent], now: Double, playing: (name: String, length: Double)?)
        -> (presses: [CallerScript.Press], hangupAt: Double?)
}
