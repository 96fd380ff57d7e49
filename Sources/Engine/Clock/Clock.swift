import Foundation

/// Where a call's time comes from: a virtual clock for replays (instant, deterministic) or the real one.
public protocol Clock: AnyObject {
    /// Now, in seconds since the Unix epoch.
    var now: Double { get }
    /// Lets time pass until `deadline`: a virtual clock jumps there, the real clock sleeps.
    func advance(to deadline: Double)
}

/// A clock that only moves when told: a 10-minute call replays in microseconds, identically every time.
public final class VirtualClock: Clock {
    public private(set) var now: Double

    public init(start: Double) { now = start }

    public func advance(to deadline: Double) {
        if deadline > now { now = deadline }
    }
}

/// The wall clock, for live calls.
public final class SystemClock: Clock {
    public init() {}

    public var now: Double { Date().timeIntervalSince1970 }

    public func advance(to deadline: Double) {
        let wait = deadline - now
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
    }
}
